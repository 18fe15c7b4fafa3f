import { describe, expect, it } from 'vitest';
import type { Page } from '../../generator/src/read/page-model.js';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import { mergeOrder } from '../../generator/src/normalise/merge-fields.js';
import type { Disagreement } from '../../generator/src/spec/model.js';
import { RULES } from '../../generator/src/normalise/source-precedence.js';
import { canonicalMethodSpec } from '../../generator/src/spec/spec-files.js';
import { allPages, pagesOf } from './corpus-pages.js';
import { makePage, p } from './hand-pages.js';

const RECORD = 'spec/pages/doc-records/taobao.tbk.dg.general.link.convert.json';
const DUMP = 'spec/pages/markdown-dump/tbk-doc-dump.md';

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function build(pages: Page[]) {
  const { specs, diagnostics } = buildSpecs(pages);
  return { text: JSON.stringify(specs.map(canonicalMethodSpec)), diagnostics, specs };
}

function disagreement(pages: Page[], path: string): Disagreement | undefined {
  return buildSpecs(pages).specs[0]!.disagreements?.find((d) => d.path === path);
}

describe('merge: order independence', () => {
  it('builds identical specs and diagnostics from the corpus pages in any order', () => {
    const pages = allPages();
    const reference = build(pages);
    for (const seed of [1, 2]) {
      const again = build(shuffled(pages, seed));
      expect(again.text).toBe(reference.text);
      expect(again.diagnostics).toEqual(reference.diagnostics);
    }
  });

  it('gives the same spec whichever of two disagreeing pages comes first', () => {
    const a = makePage({
      file: 'a.md',
      format: 'markdown-dump',
      method: 'taobao.tbk.x',
      request: [p('x', 'Foo')],
      title: 'A',
    });
    const b = makePage({
      file: 'b.md',
      format: 'markdown-dump',
      method: 'taobao.tbk.x',
      request: [p('y', 'Bar')],
      title: 'B',
    });
    expect(build([a, b]).text).toBe(build([b, a]).text);
    expect(buildSpecs([b, a]).specs[0]!.title).toBe('A');
  });
});

describe('merge: precedence', () => {
  it("chooses the doc record's LkItemDTO[] for item_dto of taobao.tbk.dg.general.link.convert", () => {
    const pages = pagesOf('taobao.tbk.dg.general.link.convert');
    expect(pages.map((page) => page.format).sort()).toEqual(['doc-record', 'markdown-dump']);
    const spec = buildSpecs(pages).specs[0]!;
    expect(spec.request.find((f) => f.name === 'item_dto')!.type).toBe('LkItemDTO[]');
    expect(spec.types.LkItemDTO!.map((f) => f.name)).toEqual([
      'item_id',
      'sku_id',
      'is_target_coupon',
      'coupon_id',
      'external_id',
      'dx',
      'manage_pub_id',
    ]);
    expect(disagreement(pages, 'request.item_dto.type')).toEqual({
      path: 'request.item_dto.type',
      said: [
        { source: RECORD, value: 'LkItemDTO[]' },
        { source: DUMP, value: 'LkItemDTO' },
      ],
      chose: 'LkItemDTO[]',
      rule: RULES.precedence,
    });
    // Auth: only the record has evidence (its labels); the dump gives none.
    expect(spec.auth).toBe('none');
  });

  it('keeps the params only the markdown dump lists for taobao.tbk.dg.vegas.tlj.create, in its order', () => {
    const pages = pagesOf('taobao.tbk.dg.vegas.tlj.create');
    expect(pages.map((page) => page.format).sort()).toEqual(['doc-record-reduced', 'markdown-dump']);
    const spec = buildSpecs(pages).specs[0]!;
    const names = spec.request.map((f) => f.name);
    expect(names.slice(-3)).toEqual(['use_threshold', 'award_img_template_id', 'adzone_id']);
    expect(disagreement(pages, 'request.use_threshold')).toEqual({
      path: 'request.use_threshold',
      said: [
        { source: 'spec/pages/doc-records-reduced/taobao_tbk_dg_vegas_tlj_create.json', value: 'not listed' },
        { source: DUMP, value: 'listed' },
      ],
      chose: 'listed',
      rule: RULES.union,
    });
    expect(spec.auth).toBe('unknown');
  });

  it('merges seed 000 with the dump section of taobao.tbk.uvid.encrypt without disagreement', () => {
    const pages = pagesOf('taobao.tbk.uvid.encrypt');
    expect(pages.map((page) => page.format).sort()).toEqual(['markdown-dump', 'seed-text']);
    const spec = buildSpecs(pages).specs[0]!;
    expect(spec.disagreements).toBeUndefined();
    expect(spec).toMatchObject({ title: '淘宝客-推广者-加密用户标识生成', doc_id: 68029, auth: 'none' });
    // The dump's table expands UvIdGenerateRes, so nothing is inferred.
    expect(spec.types.UvIdGenerateRes!.map((f) => [f.name, f.inferred])).toEqual([
      ['error_message', undefined],
      ['encrypted_uvid', undefined],
      ['source_value', undefined],
    ]);
    expect(spec.sources.map((s) => s.format)).toEqual(['markdown-dump', 'seed-text']);
  });

  it('records a title the record and the dump spell differently (taobao.tbk.order.refund.get)', () => {
    const pages = pagesOf('taobao.tbk.order.refund.get');
    expect(disagreement(pages, 'title')).toEqual({
      path: 'title',
      said: [
        {
          source: 'spec/pages/doc-records/taobao.tbk.order.refund.get.json',
          value: '淘宝客-推广者-全量维权退款订单查询',
        },
        { source: DUMP, value: '淘宝客-推广者-全量售后退款订单查询' },
      ],
      chose: '淘宝客-推广者-全量维权退款订单查询',
      rule: RULES.precedence,
    });
  });

  it('places the └ rows of the dump for taobao.tbk.dg.punish.order.get by its repaired sample', () => {
    const spec = buildSpecs(pagesOf('taobao.tbk.dg.punish.order.get')).specs[0]!;
    expect(spec.repairs?.map((r) => r.sample)).toEqual(['json']);
    expect(spec.types.Result!.map((f) => f.name)).toEqual([
      'union_id',
      'special_id',
      'relation_id',
      'settle_month',
      'punish_status',
      'violation_type',
      'tk_trade_create_time',
      'tb_trade_id',
      'tb_trade_parent_id',
      'tk_adzone_id',
      'tk_site_id',
      'tk_pub_id',
    ]);
  });

  it('drops └ rows of unknown depth that another source nests elsewhere (taobao.tbk.dg.punish.order.get without its sample)', () => {
    // Without a usable sample the dump's flattened rows have no depth; the reduced record nests them.
    const pages = pagesOf('taobao.tbk.dg.punish.order.get').map((page) =>
      page.format === 'markdown-dump' ? { ...page, samples: { ...page.samples, json: undefined } } : page,
    );
    const spec = buildSpecs(pages).specs[0]!;
    expect(spec.types.RpcResult!.map((f) => f.name)).toEqual([
      'data',
      'biz_error_desc',
      'biz_error_code',
      'result_msg',
      'result_code',
    ]);
    expect(spec.types.PageResult!.map((f) => f.name)).toEqual(['results', 'page_no', 'page_size', 'total_count']);
    const dropped = spec.disagreements!.find((d) => d.path === 'types.RpcResult.union_id');
    expect(dropped).toMatchObject({ chose: 'not listed', rule: RULES.depth });
  });

  const record = (extra: Parameters<typeof makePage>[0]) =>
    makePage({ file: 'r.json', format: 'doc-record', method: 'taobao.tbk.x', ...extra });
  const dump = (extra: Parameters<typeof makePage>[0]) =>
    makePage({ file: 'd.md', format: 'markdown-dump', method: 'taobao.tbk.x', ...extra });
  const seed = (extra: Parameters<typeof makePage>[0]) =>
    makePage({ file: 's.txt', format: 'seed-text', method: 'taobao.tbk.x', ...extra });

  it('takes each attribute from the first source that states it', () => {
    const pages = [
      dump({ request: [p('a', 'Number', { required: true, example: '5', description: '数量，最多10个' })] }),
      record({ request: [p('a', 'Number', { required: false, description: '数量,最多10个' })] }),
    ];
    const { specs } = buildSpecs(pages);
    expect(specs[0]!.request).toEqual([
      { name: 'a', type: 'Number', required: false, example: '5', description: '数量,最多10个' },
    ]);
    // Full-width punctuation is no disagreement; the required flag is.
    expect(specs[0]!.disagreements!.map((d) => d.path)).toEqual(['request.a.required']);
  });

  it('lets X[] win over X whatever the source: sources drop [] but never add it', () => {
    const pages = [seed({ response: [p('results', 'NTbkItem')] }), dump({ response: [p('results', 'NTbkItem []')] })];
    expect(buildSpecs(pages).specs[0]!.response[0]!.type).toBe('NTbkItem[]');
    expect(disagreement(pages, 'response.results.type')).toMatchObject({ chose: 'NTbkItem[]', rule: RULES.listSuffix });
  });

  it('takes a sample from a lower source when the higher one does not parse', () => {
    const broken = '{ "tbk_x_response":{ "a":, "b":1 } }';
    const good = '{ "tbk_x_response":{ "a":"x", "b":1 } }';
    const pages = [record({ samples: { json: broken } }), dump({ samples: { json: good } })];
    const { specs } = buildSpecs(pages);
    expect(specs[0]!.samples.json).toBe(good);
    expect(disagreement(pages, 'samples.json')).toMatchObject({
      said: [{ source: 'r.json', value: 'does not parse' }, { source: 'd.md' }],
      chose: 'd.md',
      rule: RULES.usableSample,
    });
  });

  it('ignores key order and layout when comparing samples', () => {
    const pages = [
      record({ samples: { json: '{"tbk_x_response":{"a":1,"b":2}}' } }),
      seed({ samples: { json: '{ "tbk_x_response": { "b": 2,\n "a": 1 } }' } }),
    ];
    expect(buildSpecs(pages).specs[0]!.disagreements).toBeUndefined();
  });

  it('takes auth from the sources with evidence and unions error codes', () => {
    const pages = [
      seed({
        auth: { value: 'required', evidence: 'client.execute(req, sessionKey)', line: 3 },
        errors: [{ code: 'isv.a', message: 'A', solution: '', line: 4 }],
      }),
      record({
        auth: { value: 'optional', evidence: 'label', line: 1 },
        errors: [{ code: 'isv.b', message: 'B', solution: 'retry', line: 1 }],
      }),
      dump({ errors: [{ code: 'isv.a', message: 'A2', solution: '', line: 9 }] }),
    ];
    const spec = buildSpecs(pages).specs[0]!;
    expect(spec.auth).toBe('optional');
    expect(spec.errors).toEqual([
      { code: 'isv.b', message: 'B', solution: 'retry' },
      { code: 'isv.a', message: 'A' },
    ]);
    expect(spec.disagreements!.map((d) => d.path)).toEqual(['errors.isv.a.message', 'auth']);
  });

  it('puts a field only a later list names after its predecessor there', () => {
    expect(
      mergeOrder([
        ['a', 'b', 'c'],
        ['x', 'a', 'y', 'c', 'z'],
      ]),
    ).toEqual(['x', 'a', 'y', 'b', 'c', 'z']);
  });
});
