import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeResponse, detectFormat, parseTopResponse } from './decode-response.js';
import { TopError, TopResponseError } from './errors.js';
import type { FieldMeta, MethodMeta, ScalarKind } from './metadata.js';

// Modelled on taobao.tbk.uvid.encrypt (seed 000): result_list → uv_id_generate_res wrapper.
const uvid: MethodMeta = {
  method: 'taobao.tbk.uvid.encrypt',
  auth: 'none',
  rootKey: 'tbk_uvid_encrypt_response',
  request: [],
  response: [
    { name: 'result_list', kind: 'struct', struct: 'UvIdGenerateRes', list: true, wrapper: 'uv_id_generate_res' },
  ],
  types: {
    UvIdGenerateRes: [
      { name: 'error_message', kind: 'string' },
      { name: 'encrypted_uvid', kind: 'string' },
      { name: 'source_value', kind: 'string' },
    ],
  },
};

const UVID_JSON =
  '{ "tbk_uvid_encrypt_response":{ "result_list":{ "uv_id_generate_res":[ { "error_message":"miss source_values", "encrypted_uvid":"vnt22Qurt6YYmVhBmLnBrsNPL9Ra", "source_value":"123" } ] }, "request_id":"iz7x1dmo0q3h" } }';
const UVID_XML =
  '<?xml version="1.0" encoding="utf-8" ?><tbk_uvid_encrypt_response> <result_list> <uv_id_generate_res> <error_message>miss source_values</error_message> <encrypted_uvid>vnt22Qurt6YYmVhBmLnBrsNPL9Ra</encrypted_uvid> <source_value>123</source_value> </uv_id_generate_res> </result_list> <request_id>iz7x1dmo0q3h</request_id></tbk_uvid_encrypt_response>';
const UVID_SIMPLE =
  '{"result_list":[{"error_message":"miss source_values","encrypted_uvid":"vnt22Qurt6YYmVhBmLnBrsNPL9Ra","source_value":"123"}],"request_id":"iz7x1dmo0q3h"}';
const UVID_DECODED = {
  result_list: [
    { error_message: 'miss source_values', encrypted_uvid: 'vnt22Qurt6YYmVhBmLnBrsNPL9Ra', source_value: '123' },
  ],
  request_id: 'iz7x1dmo0q3h',
};

// Modelled on taobao.tbk.order.refund.get: a struct holding a list whose items hold a list.
const refund: MethodMeta = {
  method: 'taobao.tbk.order.refund.get',
  auth: 'none',
  rootKey: 'tbk_order_refund_get_response',
  request: [],
  response: [
    { name: 'data', kind: 'struct', struct: 'OrderPage' },
    { name: 'result_code', kind: 'number' },
    { name: 'ids', kind: 'number', list: true, wrapper: 'number' },
    { name: 'ext', kind: 'json' },
  ],
  types: {
    OrderPage: [
      {
        name: 'result',
        kind: 'struct',
        struct: 'PublisherRefundOrderDTO',
        list: true,
        wrapper: 'publisher_refund_order_d_t_o',
      },
      { name: 'has_next', kind: 'boolean' },
      { name: 'page_no', kind: 'number' },
    ],
    PublisherRefundOrderDTO: [
      { name: 'tb_trade_parent_id', kind: 'number' },
      { name: 'tb_trade_id', kind: 'string' },
      { name: 'refund_status', kind: 'number' },
      { name: 'refund_fee', kind: 'price' },
      { name: 'tags', kind: 'string', list: true, wrapper: 'string' },
      { name: 'coupons', kind: 'struct', struct: 'CouponDTO', list: true, wrapper: 'coupon_d_t_o' },
    ],
    CouponDTO: [
      { name: 'title', kind: 'string' },
      { name: 'fee', kind: 'price' },
    ],
  },
};

const REFUND_JSON = `{"tbk_order_refund_get_response":{
  "data":{"result":{"publisher_refund_order_d_t_o":[
    {"tb_trade_parent_id":1707359271433894971,"tb_trade_id":1707359271433894971,"refund_status":"2","refund_fee":3.50,
     "tags":{"string":["a","b"]},"coupons":{"coupon_d_t_o":{"title":"c1","fee":"1.00"}}},
    {"tb_trade_parent_id":12,"tb_trade_id":"12","refund_status":0,"refund_fee":"0","tags":{"string":["c"]},"coupons":{}}
  ]},"has_next":"false","page_no":1},
  "result_code":200,"ids":{"number":[1,9007199254740993]},"ext":{"k":[1,2]},
  "new_field":"kept","request_id":"r1"}}`;
const REFUND_XML = `<tbk_order_refund_get_response>
  <data><result>
    <publisher_refund_order_d_t_o><tb_trade_parent_id>1707359271433894971</tb_trade_parent_id><tb_trade_id>1707359271433894971</tb_trade_id>
      <refund_status>2</refund_status><refund_fee>3.50</refund_fee><tags><string>a</string><string>b</string></tags>
      <coupons><coupon_d_t_o><title>c1</title><fee>1.00</fee></coupon_d_t_o></coupons></publisher_refund_order_d_t_o>
    <publisher_refund_order_d_t_o><tb_trade_parent_id>12</tb_trade_parent_id><tb_trade_id>12</tb_trade_id><refund_status>0</refund_status>
      <refund_fee>0</refund_fee><tags><string>c</string></tags><coupons/></publisher_refund_order_d_t_o>
  </result><has_next>false</has_next><page_no>1</page_no></data>
  <result_code>200</result_code><ids><number>1</number><number>9007199254740993</number></ids><ext>{"k":[1,2]}</ext>
  <new_field>kept</new_field><request_id>r1</request_id>
</tbk_order_refund_get_response>`;
const REFUND_SIMPLE = `{"data":{"result":[
    {"tb_trade_parent_id":1707359271433894971,"tb_trade_id":"1707359271433894971","refund_status":2,"refund_fee":"3.50",
     "tags":["a","b"],"coupons":[{"title":"c1","fee":"1.00"}]},
    {"tb_trade_parent_id":12,"tb_trade_id":"12","refund_status":0,"refund_fee":"0","tags":["c"],"coupons":[]}
  ],"has_next":false,"page_no":1},
  "result_code":200,"ids":[1,9007199254740993],"ext":"{\\"k\\":[1,2]}","new_field":"kept","request_id":"r1"}`;
const REFUND_DECODED = {
  data: {
    result: [
      {
        tb_trade_parent_id: 1707359271433894971n,
        tb_trade_id: '1707359271433894971',
        refund_status: 2,
        refund_fee: '3.50',
        tags: ['a', 'b'],
        coupons: [{ title: 'c1', fee: '1.00' }],
      },
      { tb_trade_parent_id: 12, tb_trade_id: '12', refund_status: 0, refund_fee: '0', tags: ['c'], coupons: [] },
    ],
    has_next: false,
    page_no: 1,
  },
  result_code: 200,
  ids: [1, 9007199254740993n],
  ext: '{"k":[1,2]}',
  new_field: 'kept',
  request_id: 'r1',
};

describe('decodeResponse: JSON, simplified JSON and XML give the same typed object', () => {
  it.each([
    ['JSON', UVID_JSON],
    ['XML', UVID_XML],
    ['simplified JSON', UVID_SIMPLE],
    ['simplified JSON under the root key', `{"tbk_uvid_encrypt_response":${UVID_SIMPLE}}`],
  ])('uvid.encrypt from %s', (_f, body) => {
    expect(decodeResponse(uvid, body)).toStrictEqual(UVID_DECODED);
  });

  it.each([
    ['JSON', REFUND_JSON],
    ['XML', REFUND_XML],
    ['simplified JSON', REFUND_SIMPLE],
  ])('a nested list inside a struct from %s', (_f, body) => {
    expect(decodeResponse(refund, body)).toStrictEqual(REFUND_DECODED);
  });

  it('keeps 19-digit integers exact: bigint in Number fields, source text in String fields', () => {
    const body =
      '{"tbk_order_refund_get_response":{"data":{"result":{"publisher_refund_order_d_t_o":[{"tb_trade_parent_id":9223372036854775807,"tb_trade_id":9223372036854775807}]}}}}';
    const row = decodeResponse<typeof REFUND_DECODED>(refund, body).data.result[0]!;
    expect(row.tb_trade_parent_id).toBe(9223372036854775807n);
    expect(row.tb_trade_id).toBe('9223372036854775807');
  });

  it('treats a wrapper holding one object, and one XML item element, as a one-item list', () => {
    const json = '{"tbk_uvid_encrypt_response":{"result_list":{"uv_id_generate_res":{"source_value":"1"}}}}';
    const xml =
      '<tbk_uvid_encrypt_response><result_list><uv_id_generate_res><source_value>1</source_value></uv_id_generate_res></result_list></tbk_uvid_encrypt_response>';
    expect(decodeResponse(uvid, json)).toEqual({ result_list: [{ source_value: '1' }] });
    expect(decodeResponse(uvid, xml)).toEqual({ result_list: [{ source_value: '1' }] });
  });

  it('unwraps a wrapper whose key differs from the metadata, and an unwrapped single item', () => {
    const renamed = '{"tbk_uvid_encrypt_response":{"result_list":{"other_name":[{"source_value":"1"}]}}}';
    const bare = '{"tbk_uvid_encrypt_response":{"result_list":{"source_value":"1","encrypted_uvid":"x"}}}';
    const xmlRenamed =
      '<tbk_uvid_encrypt_response><result_list><a><source_value>1</source_value></a><a><source_value>2</source_value></a></result_list></tbk_uvid_encrypt_response>';
    expect(decodeResponse(uvid, renamed)).toEqual({ result_list: [{ source_value: '1' }] });
    expect(decodeResponse(uvid, bare)).toEqual({ result_list: [{ source_value: '1', encrypted_uvid: 'x' }] });
    expect(decodeResponse(uvid, xmlRenamed)).toEqual({ result_list: [{ source_value: '1' }, { source_value: '2' }] });
  });

  it('keeps unknown fields, decoded generically', () => {
    const json =
      '{"tbk_uvid_encrypt_response":{"later":{"n":1707359271433894971,"d":1.5,"l":[true]},"request_id":"x"}}';
    expect(decodeResponse(uvid, json)).toEqual({
      later: { n: 1707359271433894971n, d: 1.5, l: [true] },
      request_id: 'x',
    });
    const xml = '<tbk_uvid_encrypt_response><later><n>1</n><l>a</l><l>b</l></later></tbk_uvid_encrypt_response>';
    expect(decodeResponse(uvid, xml)).toEqual({ later: { n: '1', l: ['a', 'b'] } });
  });

  it('keeps __proto__ keys and elements as fields, never as prototypes', () => {
    const json =
      '{"tbk_uvid_encrypt_response":{"__proto__":{"x":1},"later":{"__proto__":{"y":2}},"result_list":[{"__proto__":"z","source_value":"1"}]}}';
    const xml =
      '<tbk_uvid_encrypt_response><__proto__><x>1</x></__proto__><later><__proto__><y>2</y></__proto__></later></tbk_uvid_encrypt_response>';
    for (const [body, x, y] of [
      [json, 1, 2],
      [xml, '1', '2'],
    ] as const) {
      const decoded = decodeResponse<Record<string, Record<string, unknown>>>(uvid, body);
      expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(decoded['later'])).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ x });
      expect(Object.getOwnPropertyDescriptor(decoded['later'], '__proto__')?.value).toEqual({ y });
    }
    const row = decodeResponse<{ result_list: Record<string, unknown>[] }>(uvid, json).result_list[0]!;
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('z');
  });

  it('leaves out declared fields holding null, as the XML form of the same answer does', () => {
    const json =
      '{"tbk_uvid_encrypt_response":{"result_list":[{"error_message":null,"source_value":"1"}],"later":null}}';
    const xml =
      '<tbk_uvid_encrypt_response><result_list><uv_id_generate_res><source_value>1</source_value></uv_id_generate_res></result_list></tbk_uvid_encrypt_response>';
    expect(decodeResponse(uvid, json)).toEqual({ result_list: [{ source_value: '1' }], later: null });
    expect(decodeResponse(uvid, json)).toEqual({ ...decodeResponse<object>(uvid, xml), later: null });
  });

  it('coerces JSON numbers and booleans in String fields to their source text', () => {
    const json = '{"tbk_uvid_encrypt_response":{"result_list":[{"error_message":true,"source_value":123.40}]}}';
    expect(decodeResponse(uvid, json)).toEqual({ result_list: [{ error_message: 'true', source_value: '123.40' }] });
  });

  it('reports format and request id', () => {
    expect(parseTopResponse(uvid, UVID_XML)).toMatchObject({ format: 'xml', requestId: 'iz7x1dmo0q3h' });
    expect(parseTopResponse(uvid, UVID_JSON, { contentType: 'text/xml' })).toMatchObject({
      format: 'json',
      requestId: 'iz7x1dmo0q3h',
    });
  });
});

describe('decodeResponse: errors', () => {
  const errorJson =
    '{"error_response":{"msg":"Remote service error","code":50,"sub_msg":"非法参数","sub_code":"isv.invalid-parameter","request_id":"rid9"}}';
  const errorXml =
    '<?xml version="1.0" encoding="utf-8" ?><error_response><code>50</code><msg>Remote service error</msg><sub_code>isv.invalid-parameter</sub_code><sub_msg>非法参数</sub_msg><request_id>rid9</request_id></error_response>';

  it.each([
    ['JSON', errorJson],
    ['XML', errorXml],
    [
      'simplified JSON without error_response',
      '{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"rid9"}',
    ],
  ])('turns an %s error_response into TopError', (_f, body) => {
    let error: unknown;
    try {
      decodeResponse(uvid, body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopError);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      requestId: 'rid9',
      method: 'taobao.tbk.uvid.encrypt',
    });
    expect((error as Error).message).toBe(
      'taobao.tbk.uvid.encrypt failed: 50 Remote service error (isv.invalid-parameter: 非法参数) [request_id rid9]',
    );
  });

  it.each([
    ['an HTML page', '<html><body>502 Bad Gateway</body></html>', 'unexpected root element <html>'],
    ['plain text', 'Service Unavailable', 'neither JSON nor XML'],
    ['truncated JSON', '{"tbk_uvid_encrypt_response":{"result_list":', 'invalid JSON'],
    ['broken XML', '<tbk_uvid_encrypt_response><a></b>', 'invalid XML'],
    ['a JSON array', '[1,2]', 'not an object'],
    ['an empty body', '', 'neither JSON nor XML'],
  ])('turns %s into TopResponseError with the raw body', (_name, body, reason) => {
    let error: unknown;
    try {
      decodeResponse(uvid, body, { status: 200 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TopResponseError);
    expect((error as TopResponseError).body).toBe(body);
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).toContain('(HTTP 200)');
  });

  it('truncates a long body in the message but keeps it whole on the error', () => {
    const body = `Oops ${'x'.repeat(5000)}`;
    try {
      decodeResponse(uvid, body);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(400);
      expect((e as TopResponseError).body).toBe(body);
    }
  });

  it('detects the format by the first character, then the content type', () => {
    expect(detectFormat(' \n{"a":1}', 'text/xml')).toBe('json');
    expect(detectFormat('\uFEFF<a/>', 'application/json')).toBe('xml');
    expect(detectFormat('oops', 'application/json')).toBe('json');
    expect(detectFormat('oops', 'text/plain')).toBeUndefined();
  });
});

// Real samples: the five doc-site records (corpus README "Doc-site JSON") decoded with metadata
// built from their own responseParams tables, as the generator would.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docRecords = path.resolve(repoRoot, 'spec/pages/doc-records');
const KINDS: Record<string, ScalarKind> = {
  String: 'string',
  Date: 'string',
  'Field List': 'string',
  Number: 'number',
  Boolean: 'boolean',
  Price: 'price',
  BigDecimal: 'price',
  Json: 'json',
  'byte[]': 'file',
};
interface RecordParam {
  name: string;
  type: string;
  subParams?: RecordParam[];
}

function metaFromRecord(name: string, params: RecordParam[]): MethodMeta {
  const types: Record<string, FieldMeta[]> = {};
  const toField = (p: RecordParam): FieldMeta => {
    const type = p.type.replace(/\s+/g, '');
    const list = type.endsWith('[]');
    const base = list ? type.slice(0, -2) : type;
    const kind = KINDS[base];
    if (kind) return list ? { name: p.name, kind, list, wrapper: base.toLowerCase() } : { name: p.name, kind };
    const fields = (p.subParams ?? []).map(toField);
    const known = types[base] ?? [];
    types[base] = [...known, ...fields.filter((f) => !known.some((k) => k.name === f.name))];
    const wrapper = base.replace(/[A-Z]/g, (c, i: number) => (i > 0 ? '_' : '') + c.toLowerCase());
    return list
      ? { name: p.name, kind: 'struct', struct: base, list, wrapper }
      : { name: p.name, kind: 'struct', struct: base };
  };
  const response = params.map(toField);
  return {
    method: name,
    auth: 'none',
    rootKey: `${name.replace(/^taobao\./, '').replace(/\./g, '_')}_response`,
    request: [],
    response,
    types,
  };
}

describe('decodeResponse on the doc records', () => {
  const files = readdirSync(docRecords).filter((f) => f.endsWith('.json'));
  it.each(files)('%s: the JSON, simplified JSON and XML samples decode alike', (file) => {
    const record = JSON.parse(readFileSync(path.join(docRecords, file), 'utf8')) as Record<string, unknown>;
    const meta = metaFromRecord(record['name'] as string, record['responseParams'] as RecordParam[]);
    const decoded = ['rspSampleJson', 'rspSampleSimplifyJson', 'rspSampleXml']
      .map((key) => record[key])
      .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
      .filter((s) => s.trimStart().startsWith('<') || isValidJson(s))
      .map((s) => decodeResponse(meta, s));
    expect(decoded.length).toBeGreaterThanOrEqual(2);
    for (const d of decoded.slice(1)) expect(d).toStrictEqual(decoded[0]);
  });
});

function isValidJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false; // doc samples such as `"tb_trade_parent_id":,` (corpus README)
  }
}
