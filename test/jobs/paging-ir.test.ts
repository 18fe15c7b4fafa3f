// The paging style of a method comes from its spec (generator/src/ir/paging.ts): given/want
// on small specs, then the counts over the committed spec of 112 methods.
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../generator/src/ir/build-ir.js';
import { derivePaging } from '../../generator/src/ir/paging.js';
import type { MethodSpec, SpecField } from '../../generator/src/spec/model.js';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { REPO_ROOT } from '../generate/golden-specs.js';

const f = (name: string, type = 'String', extra: Partial<SpecField> = {}): SpecField => ({ name, type, ...extra });
const spec = (request: SpecField[], response: SpecField[], types: MethodSpec['types'] = {}): MethodSpec =>
  ({ method: 'taobao.tbk.x', auth: 'none', request, response, types, samples: {} }) as unknown as MethodSpec;

describe('derivePaging: given a spec, want its paging', () => {
  const orderTypes = {
    OrderPage: [f('results', 'Order[]'), f('has_pre', 'Boolean'), f('position_index'), f('has_next', 'Boolean')],
    Order: [f('trade_parent_id'), f('trade_id'), f('tk_create_time')],
  };
  it.each<[string, MethodSpec, object | undefined]>([
    ['no paging params', spec([f('q')], [f('results', 'Item[]')], { Item: [f('id')] }), undefined],
    ['page_size alone', spec([f('page_size', 'Number')], [f('results', 'Item[]')], { Item: [f('id')] }), undefined],
    [
      'page_no + total_results beside the list',
      spec(
        [f('page_no', 'Number'), f('page_size', 'Number', { default: '20' })],
        [f('results', 'Item[]'), f('total_results', 'Number')],
        { Item: [f('id')] },
      ),
      { style: 'page', items: ['results'], total: ['total_results'], defaultPageSize: 20 },
    ],
    [
      'the order APIs: position_index + jump_type + has_next, a window, order ids',
      spec(
        [f('position_index'), f('page_no', 'Number'), f('jump_type', 'Number'), f('start_time'), f('end_time')],
        [f('data', 'OrderPage')],
        orderTypes,
      ),
      {
        style: 'cursor',
        items: ['data', 'results'],
        hasNext: ['data', 'has_next'],
        position: ['data', 'position_index'],
        window: { start: 'start_time', end: 'end_time' },
        identity: ['trade_parent_id', 'trade_id'],
      },
    ],
    [
      'position_index without has_next in the response pages by number',
      spec([f('position_index'), f('page_no', 'Number'), f('jump_type', 'Number')], [f('results', 'Item[]')], {
        Item: [f('id')],
      }),
      { style: 'page', items: ['results'] },
    ],
    [
      'paging params inside one struct param',
      spec([f('option', 'Option')], [f('result', 'Page')], {
        Option: [f('page_no', 'Number'), f('start_time', 'Date')],
        Page: [f('results', 'Row[]'), f('total_count', 'Number')],
        Row: [f('tb_trade_id', 'Number')],
      }),
      {
        style: 'page',
        param: 'option',
        items: ['result', 'results'],
        total: ['result', 'total_count'],
        identity: ['tb_trade_id'],
      },
    ],
    [
      'two lists, no marker to choose: none',
      spec([f('page_no', 'Number')], [f('a', 'Item[]'), f('b', 'Item[]')], { Item: [f('id')] }),
      undefined,
    ],
    ['no list: none', spec([f('page_no', 'Number')], [f('has_next', 'Boolean')]), undefined],
  ])('%s', (_, given, want) => {
    const got = derivePaging(given)?.paging;
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toEqual(want);
  });
});

describe('paging styles of the committed spec', () => {
  it('are derived for every method that pages, and no other', async () => {
    const folder = await readSpecFolder(`${REPO_ROOT}/spec`);
    const metas = buildIr(folder).ir.methods.map((m) => m.meta);
    expect(metas.length).toBe(112);
    const by = (style: string) => metas.filter((m) => m.paging?.style === style).map((m) => m.method);
    const order = metas.filter((m) => m.paging?.window && m.paging.identity).map((m) => m.method);
    expect(by('cursor').sort()).toEqual([
      'taobao.tbk.order.details.get',
      'taobao.tbk.order.refund.get',
      'taobao.tbk.sc.order.details.get',
    ]);
    expect(by('page').length).toBe(25);
    expect(metas.filter((m) => !m.paging).length).toBe(84);
    expect(order.sort()).toEqual([
      'taobao.tbk.dg.newuser.order.get',
      'taobao.tbk.order.details.get',
      'taobao.tbk.order.refund.get',
      'taobao.tbk.sc.order.details.get',
    ]);
    expect(by('page')).toContain('taobao.tbk.dg.material.optional');
    expect(by('page')).toContain('taobao.tbk.sc.punish.order.get');
  });
});
