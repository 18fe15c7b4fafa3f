import { describe, expect, it } from 'vitest';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import type { MethodSpec, SpecField } from '../../generator/src/spec/model.js';
import { inferType } from '../../generator/src/normalise/infer-from-samples.js';
import { corpusPages, pagesOf } from './corpus-pages.js';
import { makePage, p } from './hand-pages.js';

const UVID_JSON =
  '{ "tbk_uvid_encrypt_response":{ "result_list":{ "uv_id_generate_res":[ { "error_message":"miss source_values", "encrypted_uvid":"vnt22Qurt6YYmVhBmLnBrsNPL9Ra", "source_value":"123" } ] } } }';
const UVID_XML =
  '<tbk_uvid_encrypt_response> <result_list> <uv_id_generate_res> <error_message>miss source_values</error_message> <encrypted_uvid>vnt22Qurt6YYmVhBmLnBrsNPL9Ra</encrypted_uvid> <source_value>123</source_value> </uv_id_generate_res> </result_list> </tbk_uvid_encrypt_response>';

function uvidPage(samples: Record<string, string>) {
  return makePage({
    file: 'pages/000.txt',
    method: 'taobao.tbk.uvid.encrypt',
    response: [p('result_list', 'UvIdGenerateRes []', { line: 189, description: 'result_list' })],
    samples,
  });
}

function fieldsOf(spec: MethodSpec, type: string): [string, string, boolean][] {
  return (spec.types[type] ?? []).map((f: SpecField) => [f.name, f.type, f.inferred === true]);
}

describe('inference from a JSON sample', () => {
  it("recovers seed 000's UvIdGenerateRes from the wrapped list", () => {
    const { specs, diagnostics } = buildSpecs([uvidPage({ json: UVID_JSON })]);
    expect(specs[0]!.response).toEqual([
      { name: 'result_list', type: 'UvIdGenerateRes[]', description: 'result_list' },
    ]);
    expect(specs[0]!.types).toEqual({
      UvIdGenerateRes: [
        { name: 'error_message', type: 'String', example: 'miss source_values', inferred: true },
        { name: 'encrypted_uvid', type: 'String', example: 'vnt22Qurt6YYmVhBmLnBrsNPL9Ra', inferred: true },
        { name: 'source_value', type: 'String', example: '123', inferred: true },
      ],
    });
    expect(diagnostics.map((d) => [d.file, d.line, d.level, d.code])).toEqual([
      ['pages/000.txt', 51, 'notice', 'TBK140'],
    ]);
  });

  it('reads primitive lists from string/number wrappers and bare arrays', () => {
    const json = JSON.stringify({
      tbk_x_get_response: {
        item_ids: { string: ['1', '2'] },
        data: { tags: { string: ['a'] }, counts: { number: [3] }, flags: [true], empty: [] },
      },
    });
    const page = makePage({
      method: 'taobao.tbk.x.get',
      response: [p('item_ids', 'String[]'), p('data', 'Data')],
      samples: { json },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(fieldsOf(specs[0]!, 'Data')).toEqual([
      ['tags', 'String[]', true],
      ['counts', 'Number[]', true],
      ['flags', 'Boolean[]', true],
      ['empty', 'String[]', true],
    ]);
    expect(diagnostics.filter((d) => d.level !== 'notice')).toEqual([]);
  });

  it('recovers nested lists of structs, in sample order across elements', () => {
    const json = JSON.stringify({
      tbk_x_get_response: {
        results: {
          n_tbk_item: [
            {
              num_iid: 1,
              title: 'a',
              small_images: { string: ['u'] },
              coupons: { coupon_info: [{ amount: '5.00', start: '2024-01-01' }] },
              shop: { shop_id: 3 },
            },
            { num_iid: 2, is_tmall: false },
          ],
        },
      },
    });
    const page = makePage({ method: 'taobao.tbk.x.get', response: [p('results', 'NTbkItem []')], samples: { json } });
    const spec = buildSpecs([page]).specs[0]!;
    expect(fieldsOf(spec, 'NTbkItem')).toEqual([
      ['num_iid', 'Number', true],
      ['title', 'String', true],
      ['small_images', 'String[]', true],
      ['coupons', 'CouponInfo[]', true],
      ['shop', 'Shop', true],
      ['is_tmall', 'Boolean', true],
    ]);
    expect(fieldsOf(spec, 'CouponInfo')).toEqual([
      ['amount', 'String', true],
      ['start', 'String', true],
    ]);
    expect(fieldsOf(spec, 'Shop')).toEqual([['shop_id', 'Number', true]]);
  });

  it('gives no example for an integer JSON cannot hold exactly', () => {
    const json = '{ "tbk_x_get_response":{ "data":{ "tb_trade_id":1707359271433894971, "n":12 } } }';
    const page = makePage({ method: 'taobao.tbk.x.get', response: [p('data', 'Data')], samples: { json } });
    expect(buildSpecs([page]).specs[0]!.types.Data).toEqual([
      { name: 'tb_trade_id', type: 'Number', inferred: true },
      { name: 'n', type: 'Number', example: '12', inferred: true },
    ]);
  });

  it('adds keys no table lists after the table fields, with a notice', () => {
    const json = JSON.stringify({ tbk_x_get_response: { data: { a: 1, b: 'x' }, request_id: 'r' } });
    const page = makePage({
      method: 'taobao.tbk.x.get',
      response: [p('data', 'Data', { children: [p('a', 'Number')] })],
      samples: { json },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.types.Data).toEqual([
      { name: 'a', type: 'Number' },
      { name: 'b', type: 'String', example: 'x', inferred: true },
    ]);
    expect(specs[0]!.response.map((f) => [f.name, f.inferred === true])).toEqual([
      ['data', false],
      ['request_id', true],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['TBK142', 'TBK142']);
  });
});

describe('inference from other samples', () => {
  it('uses the XML sample when there is no JSON; XML texts carry no type', () => {
    const { specs } = buildSpecs([uvidPage({ xml: UVID_XML })]);
    // "123" is a String in the JSON sample; the XML text alone reads as an integer.
    expect(fieldsOf(specs[0]!, 'UvIdGenerateRes')).toEqual([
      ['error_message', 'String', true],
      ['encrypted_uvid', 'String', true],
      ['source_value', 'Number', true],
    ]);
  });

  it('reads repeated XML elements and infers list wrappers', () => {
    const xml =
      '<tbk_x_get_response><results><n_tbk_item><num_iid>1</num_iid><tags><string>a</string><string>b</string></tags></n_tbk_item><n_tbk_item><num_iid>2</num_iid><ok>true</ok></n_tbk_item></results></tbk_x_get_response>';
    const page = makePage({ method: 'taobao.tbk.x.get', response: [p('results', 'NTbkItem[]')], samples: { xml } });
    expect(fieldsOf(buildSpecs([page]).specs[0]!, 'NTbkItem')).toEqual([
      ['num_iid', 'Number', true],
      ['tags', 'String[]', true],
      ['ok', 'Boolean', true],
    ]);
  });

  it('prefers the JSON sample over the XML one', () => {
    const { specs } = buildSpecs([uvidPage({ json: UVID_JSON, xml: UVID_XML })]);
    expect(fieldsOf(specs[0]!, 'UvIdGenerateRes')[2]).toEqual(['source_value', 'String', true]);
  });

  it.each([
    ['without the root key', { results: [{ num_iid: 1, coupons: [{ amount: '5' }] }] }],
    [
      'with the root key (doc records)',
      { tbk_x_get_response: { results: [{ num_iid: 1, coupons: [{ amount: '5' }] }] } },
    ],
  ])('reads simplify_json %s: no list wrappers', (_label, value) => {
    const page = makePage({
      method: 'taobao.tbk.x.get',
      response: [p('results', 'NTbkItem[]')],
      samples: { simplify_json: JSON.stringify(value) },
    });
    const spec = buildSpecs([page]).specs[0]!;
    expect(fieldsOf(spec, 'NTbkItem')).toEqual([
      ['num_iid', 'Number', true],
      ['coupons', 'Coupons[]', true],
    ]);
    expect(fieldsOf(spec, 'Coupons')).toEqual([['amount', 'String', true]]);
  });

  it('infers nothing from an error sample', () => {
    const page = uvidPage({ error_json: '{ "error_response":{ "code":50, "msg":"Remote service error" } }' });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.types).toEqual({ UvIdGenerateRes: [] });
    expect(diagnostics.map((d) => d.code)).toEqual(['TBK141']);
  });

  it.each([
    ['a', 'x', false, 'String'],
    ['a', 7, false, 'Number'],
    ['a', 1.5, false, 'Number'],
    ['a', true, false, 'Boolean'],
    ['a', null, false, 'String'],
    ['a', '12', true, 'Number'],
    ['a', 'false', true, 'Boolean'],
    ['a', '1.5', true, 'String'],
    ['promotion_info_dto', { x: 1 }, false, 'PromotionInfoDto'],
    ['results', { n_tbk_item: [{ x: 1 }] }, false, 'NTbkItem[]'],
    ['ids', { number: [1] }, false, 'Number[]'],
    ['ids', { string: 'a' }, true, 'String[]'],
    ['ids', ['a'], false, 'String[]'],
  ])('inferType(%j, %j, xml=%s) = %s', (key, value, xml, type) => {
    expect(inferType(key, value, xml)).toBe(type);
  });
});

describe('markdown dump └ rows', () => {
  const dumpSpec = (method: string) => {
    const built = buildSpecs(pagesOf(method, corpusPages().dump));
    return { spec: built.specs[0]!, diagnostics: built.diagnostics };
  };

  it('recovers the three-level tree of taobao.tbk.dg.general.link.convert from its JSON sample', () => {
    const { spec, diagnostics } = dumpSpec('taobao.tbk.dg.general.link.convert');
    expect(diagnostics.filter((d) => d.code === 'TBK130' || d.code === 'TBK131')).toEqual([]);
    expect(spec.response.map((f) => [f.name, f.type])).toEqual([
      ['data', 'TbkLinkDTO'],
      ['biz_error_desc', 'Number'],
      ['result_msg', 'String'],
    ]);
    expect(fieldsOf(spec, 'TbkLinkDTO')).toEqual([
      ['material_url_list', 'MaterialUrlList[]', false],
      ['shop_url_list', 'ShopUrlList[]', false],
      ['event_url_list', 'EventUrlList[]', false],
      ['item_url_list', 'ItemUrlList[]', false],
    ]);
    expect(fieldsOf(spec, 'MaterialPromotionInfoDTO')).toEqual([
      ['commission_rate', 'String', false],
      ['commission_type', 'String', false],
      ['multiple_items_prices_count', 'Number', false],
    ]);
    expect(spec.types.ShopUrlList!.map((f) => f.name)).toEqual(['msg', 'code', 'link_info_dto', 'input_shop_id']);
  });

  it.each(['taobao.tbk.dg.general.link.convert', 'taobao.tbk.dg.general.link.parse', 'taobao.tbk.order.refund.get'])(
    'places every └ row of %s where the doc record nests it',
    (method) => {
      const fromDump = dumpSpec(method).spec.types;
      const fromRecord = buildSpecs(pagesOf(method, corpusPages().records)).specs[0]!.types;
      const misplaced: string[] = [];
      for (const [type, fields] of Object.entries(fromDump)) {
        for (const field of fields) {
          const owners = Object.entries(fromRecord)
            .filter(([, list]) => list.some((f) => f.name === field.name))
            .map(([owner]) => owner);
          if (owners.length > 0 && !owners.includes(type))
            misplaced.push(`${type}.${field.name} (record: ${owners.join(', ')})`);
        }
      }
      expect(misplaced).toEqual([]);
      expect(Object.keys(fromDump).filter((t) => fromDump[t]!.length > 0 && fromRecord[t] === undefined)).toEqual([]);
    },
  );

  const flattened = (
    samples: Record<string, string>,
    children = [
      p('msg', 'String', { line: 11 }),
      p('link_info_dto', 'LinkInfoDTO', { line: 12 }),
      p('cps_url', 'String', { line: 13 }),
      p('input_id', 'String', { line: 14 }),
    ],
  ) =>
    makePage({
      file: 'dump.md',
      format: 'markdown-dump',
      method: 'taobao.tbk.x.get',
      response: [p('data', 'Data', { line: 10, children, childrenFlattened: true })],
      samples,
    });

  it('places rows by the sample and returns to the parent level after a struct', () => {
    const json = JSON.stringify({
      tbk_x_get_response: { data: { msg: 'm', link_info_dto: { cps_url: 'u' }, input_id: '1' } },
    });
    const { specs, diagnostics } = buildSpecs([flattened({ json })]);
    expect(fieldsOf(specs[0]!, 'Data').map(([n]) => n)).toEqual(['msg', 'link_info_dto', 'input_id']);
    expect(fieldsOf(specs[0]!, 'LinkInfoDTO').map(([n]) => n)).toEqual(['cps_url']);
    expect(diagnostics).toEqual([]);
  });

  it('places a name the sample shows at two levels under the deepest open struct first', () => {
    // `code` is a field of both the item and its parent, as in taobao.tbk.dg.general.link.convert.
    const json = JSON.stringify({ tbk_x_get_response: { data: { item: { code: 1, msg: 'a' }, code: 0 } } });
    const children = [
      p('item', 'Item', { line: 11 }),
      p('code', 'Number', { line: 12 }),
      p('msg', 'String', { line: 13 }),
      p('code', 'Number', { line: 14 }),
    ];
    const { specs, diagnostics } = buildSpecs([flattened({ json }, children)]);
    expect(fieldsOf(specs[0]!, 'Item').map(([n]) => n)).toEqual(['code', 'msg']);
    expect(fieldsOf(specs[0]!, 'Data').map(([n]) => n)).toEqual(['item', 'code']);
    expect(diagnostics).toEqual([]);
  });

  it('returns a row listed after its struct closed to the struct whose sample shows it', () => {
    const json = JSON.stringify({ tbk_x_get_response: { data: { a: { a1: 1, a2: 2 }, b: { b1: 3 } } } });
    const children = [p('a', 'A'), p('a1', 'Number'), p('b', 'B'), p('b1', 'Number'), p('a2', 'Number')];
    const { specs, diagnostics } = buildSpecs([flattened({ json }, children)]);
    expect(fieldsOf(specs[0]!, 'A').map(([n]) => n)).toEqual(['a1', 'a2']);
    expect(fieldsOf(specs[0]!, 'B').map(([n]) => n)).toEqual(['b1']);
    expect(diagnostics).toEqual([]);
  });

  it('keeps a row the sample does not show under the top-level parent, with a warning', () => {
    const json = JSON.stringify({ tbk_x_get_response: { data: { msg: 'm', link_info_dto: { cps_url: 'u' } } } });
    const { specs, diagnostics } = buildSpecs([flattened({ json })]);
    expect(fieldsOf(specs[0]!, 'Data').map(([n]) => n)).toEqual(['msg', 'link_info_dto', 'input_id']);
    expect(diagnostics.map((d) => [d.line, d.level, d.code])).toEqual([[14, 'warning', 'TBK130']]);
    expect(diagnostics[0]!.message).toBe(
      '└ input_id is not shown by the json sample under data; kept as a field of Data',
    );
  });

  it('keeps all rows under the parent when no sample shows the tree', () => {
    const { specs, diagnostics } = buildSpecs([flattened({})]);
    expect(fieldsOf(specs[0]!, 'Data').map(([n]) => n)).toEqual(['msg', 'link_info_dto', 'cps_url', 'input_id']);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([
      [10, 'TBK131'],
      [12, 'TBK141'],
    ]);
  });

  it('takes rows without struct types as the fields of the parent, sample or not', () => {
    const page = flattened({}, [p('a', 'String', { line: 11 }), p('b', 'Number', { line: 12 })]);
    const { specs, diagnostics } = buildSpecs([page]);
    expect(fieldsOf(specs[0]!, 'Data')).toEqual([
      ['a', 'String', false],
      ['b', 'Number', false],
    ]);
    expect(diagnostics).toEqual([]);
  });
});
