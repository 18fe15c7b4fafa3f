import { Readable } from 'node:stream';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { TopClient } from './client.js';
import { decodeXmlResponse } from './decode-xml.js';
import { TopError, TopResponseError, TopValidationError } from './errors.js';
import * as runtime from './index.js';
import type { MethodMeta } from './metadata.js';
import { multipart } from './multipart.js';
import { PARAM_CHECKS } from './param-checks.js';
import type { TopRequest, TopResponseBase } from './request.js';
import { sign, type SignMethod } from './sign.js';
import { startLocalGateway, textFields, type LocalGateway, type ReplyScript } from './test-support/local-gateway.js';
import { formatTopTimestamp } from './timestamp.js';

const SECRET = 'test-secret';
const NOW = Date.UTC(2024, 4, 20, 1, 2, 3);

const meta: MethodMeta = {
  method: 'taobao.tbk.test.wire',
  auth: 'optional',
  rootKey: 'tbk_test_wire_response',
  request: [
    { name: 'adzone_id', kind: 'number', required: true },
    { name: 'q', kind: 'string' },
    { name: 'has_coupon', kind: 'boolean' },
    { name: 'item_dto', kind: 'struct', struct: 'LkItemDTO', list: true },
    { name: 'pic_stream', kind: 'file' },
  ],
  multipart,
  checks: PARAM_CHECKS,
  response: [
    { name: 'tb_trade_parent_id', kind: 'number' },
    { name: 'tb_trade_id', kind: 'string' },
    { name: 'results', kind: 'struct', struct: 'NTbkItem', list: true, wrapper: 'n_tbk_item' },
  ],
  types: {
    LkItemDTO: [{ name: 'item_id', kind: 'number', required: true }],
    NTbkItem: [
      { name: 'title', kind: 'string' },
      { name: 'volume', kind: 'number' },
    ],
  },
};

interface WireParams {
  adzone_id: number | bigint | string;
  q?: string;
  has_coupon?: boolean;
  item_dto?: readonly { item_id: number }[];
  pic_stream?: runtime.FileInput;
}
interface WireResponse extends TopResponseBase {
  tb_trade_parent_id?: runtime.Long;
  tb_trade_id?: string;
  results?: { title?: string; volume?: runtime.Long }[];
}
/** Shaped like a generated request class. */
class WireRequest implements TopRequest<WireParams, WireResponse> {
  static readonly meta: MethodMeta = meta;
  readonly meta: MethodMeta = meta;
  declare readonly __response?: WireResponse;
  constructor(readonly params: WireParams) {}
}

const OK_JSON = JSON.stringify({
  tbk_test_wire_response: { results: { n_tbk_item: [{ title: 't', volume: 3 }] }, request_id: 'rid1' },
});

let gateway: LocalGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

async function start(script: ReplyScript): Promise<LocalGateway> {
  gateway = await startLocalGateway(script);
  return gateway;
}

function clientFor(g: LocalGateway, options: Partial<runtime.TopClientOptions> = {}): TopClient {
  return new TopClient({ appKey: '12345678', appSecret: SECRET, gateway: g.url, now: () => NOW, ...options });
}

describe('TopClient wire layout', () => {
  it.each<[SignMethod | undefined, string]>([
    [undefined, 'hmac-sha256'],
    ['md5', 'md5'],
    ['hmac', 'hmac'],
    ['hmac-sha256', 'hmac-sha256'],
  ])(
    'signMethod %s: system params in the query, business params in a urlencoded body',
    async (signMethod, expected) => {
      const g = await start(() => ({ body: OK_JSON }));
      const client = clientFor(g, signMethod ? { signMethod } : {});
      const data = await client.execute(
        new WireRequest({ adzone_id: 42, q: '女装 a+b&c', has_coupon: true, item_dto: [{ item_id: 7 }] }),
        { session: 'sess-1' },
      );
      expectTypeOf(data).toEqualTypeOf<WireResponse>();
      expect(data).toEqual({ results: [{ title: 't', volume: 3 }], request_id: 'rid1' });

      const [req] = g.requests;
      expect(req!.httpMethod).toBe('POST');
      expect(req!.contentType).toBe('application/x-www-form-urlencoded;charset=utf-8');
      expect(Object.keys(req!.query).sort()).toEqual([
        'app_key',
        'format',
        'method',
        'session',
        'sign',
        'sign_method',
        'timestamp',
        'v',
      ]);
      expect(req!.query).toMatchObject({
        method: 'taobao.tbk.test.wire',
        app_key: '12345678',
        timestamp: formatTopTimestamp(NOW),
        v: '2.0',
        sign_method: expected,
        format: 'json',
        session: 'sess-1',
      });
      const body = textFields(req!);
      expect(body).toEqual({ adzone_id: '42', q: '女装 a+b&c', has_coupon: 'true', item_dto: '[{"item_id":7}]' });
      const { sign: sent, ...signed } = req!.query;
      expect(sent).toBe(sign({ ...signed, ...body }, SECRET, expected as SignMethod));
    },
  );

  it('adds simplify, partner_id and target_app_key when configured, and no session when none is given', async () => {
    const simple = JSON.stringify({ results: [{ title: 't', volume: 3 }], request_id: 'rid1' });
    const g = await start(() => ({ body: simple }));
    const client = clientFor(g, { simplify: true, partnerId: 'p-1', targetAppKey: '999' });
    expect(await client.execute(new WireRequest({ adzone_id: '42', q: '  ' }))).toEqual({
      results: [{ title: 't', volume: 3 }],
      request_id: 'rid1',
    });
    const req = g.requests[0]!;
    expect(Object.keys(req.query).sort()).toEqual([
      'app_key',
      'format',
      'method',
      'partner_id',
      'sign',
      'sign_method',
      'simplify',
      'target_app_key',
      'timestamp',
      'v',
    ]);
    expect(req.query).toMatchObject({ simplify: 'true', partner_id: 'p-1', target_app_key: '999' });
    expect(textFields(req)).toEqual({ adzone_id: '42' });
    const { sign: sent, ...signed } = req.query;
    expect(sent).toBe(sign({ ...signed, adzone_id: '42' }, SECRET, 'hmac-sha256'));
  });

  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  it.each<[string, () => runtime.FileInput, string, string]>([
    ['a Uint8Array', () => bytes, 'pic_stream', 'application/octet-stream'],
    ['a Buffer', () => Buffer.from(bytes), 'pic_stream', 'application/octet-stream'],
    ['a Blob', () => new Blob([bytes], { type: 'image/png' }), 'pic_stream', 'image/png'],
    [
      'a Node Readable',
      () => Readable.from([Buffer.from(bytes.slice(0, 2)), Buffer.from(bytes.slice(2))]),
      'pic_stream',
      'application/octet-stream',
    ],
    ['a web ReadableStream', () => new Blob([bytes]).stream(), 'pic_stream', 'application/octet-stream'],
    [
      '{ data, filename, contentType }',
      () => ({ data: bytes, filename: 'a.png', contentType: 'image/png' }),
      'a.png',
      'image/png',
    ],
  ])('uploads %s as an unsigned multipart part', async (_name, file, filename, contentType) => {
    const g = await start(() => ({ body: OK_JSON }));
    await clientFor(g).execute(new WireRequest({ adzone_id: 1, q: 'x', pic_stream: file() }), { session: 's' });
    const req = g.requests[0]!;
    expect(req.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
    const part = req.parts.find((p) => p.name === 'pic_stream')!;
    expect(part.value).toEqual(bytes);
    expect(part).toMatchObject({ filename, contentType });
    const text = textFields(req);
    expect(text).toEqual({ adzone_id: '1', q: 'x' });
    const { sign: sent, ...signed } = req.query;
    expect(sent).toBe(sign({ ...signed, ...text }, SECRET, 'hmac-sha256'));
  });
});

describe('TopClient responses', () => {
  it('returns a 19-digit integer without rounding (Number → bigint, String → exact text)', async () => {
    const body =
      '{"tbk_test_wire_response":{"tb_trade_parent_id":1707359271433894971,"tb_trade_id":1707359271433894971,"request_id":"r"}}';
    const g = await start(() => ({ body }));
    const data = await clientFor(g).execute(new WireRequest({ adzone_id: 1 }));
    expect(data.tb_trade_parent_id).toBe(1707359271433894971n);
    expect(data.tb_trade_id).toBe('1707359271433894971');
  });

  it('send gives the raw body, status, headers, format, request id and attempts', async () => {
    const g = await start(() => ({ body: OK_JSON }));
    const result = await clientFor(g).send(new WireRequest({ adzone_id: 1 }));
    expect(result).toEqual({
      data: { results: [{ title: 't', volume: 3 }], request_id: 'rid1' },
      requestId: 'rid1',
      status: 200,
      headers: expect.objectContaining({ 'content-type': expect.stringMatching(/json/) }),
      body: OK_JSON,
      format: 'json',
      attempts: 1,
    });
  });

  it('asks for XML with format xml and decodes it into the same object', async () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8" ?><tbk_test_wire_response><results><n_tbk_item><title>t</title><volume>3</volume></n_tbk_item></results><request_id>rid1</request_id></tbk_test_wire_response>';
    const g = await start(() => ({ body: xml, contentType: 'text/xml;charset=utf-8' }));
    const result = await clientFor(g, { format: 'xml', xml: decodeXmlResponse }).send(
      new WireRequest({ adzone_id: 1 }),
    );
    expect(g.requests[0]!.query['format']).toBe('xml');
    expect(result.format).toBe('xml');
    expect(result.data).toEqual({ results: [{ title: 't', volume: 3 }], request_id: 'rid1' });
    // A JSON client given the decoder reads a stray XML answer too.
    const json = await clientFor(g, { xml: decodeXmlResponse }).send(new WireRequest({ adzone_id: 1 }));
    expect(json.data).toEqual(result.data);
  });

  it('refuses format xml without the XML decoder, and names the option on an XML answer it cannot read', async () => {
    expect(() => new TopClient({ appKey: 'k', appSecret: 's', format: 'xml' })).toThrow(
      "format 'xml' needs the XML decoder: pass xml: decodeXmlResponse",
    );
    expect(() => new TopClient({ appKey: 'k', appSecret: 's', xml: 'yes' as never })).toThrow(TypeError);
    const xml = '<tbk_test_wire_response><request_id>rid1</request_id></tbk_test_wire_response>';
    const g = await start(() => ({ body: xml, contentType: 'text/xml;charset=utf-8' }));
    const error = await clientFor(g)
      .send(new WireRequest({ adzone_id: 1 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopResponseError);
    expect(error).toMatchObject({ body: xml, attempts: 1 });
    expect((error as Error).message).toContain('no XML decoder (option xml: decodeXmlResponse)');
  });

  it('throws TopError with the gateway fields', async () => {
    const body =
      '{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"e1"}}';
    const g = await start(() => ({ body }));
    const error = await clientFor(g)
      .execute(new WireRequest({ adzone_id: 1 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopError);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      requestId: 'e1',
      method: 'taobao.tbk.test.wire',
      attempts: 1,
      status: 200,
    });
  });
});

describe('TopClient local validation', () => {
  it('refuses bad params before any network call, listing every problem', async () => {
    let calls = 0;
    const fetch: runtime.FetchLike = async () => {
      calls++;
      return new Response(OK_JSON);
    };
    const client = new TopClient({ appKey: 'k', appSecret: SECRET, fetch });
    const bad = { q: { nested: true }, has_coupon: 'maybe', item_dto: [{}] } as unknown as WireParams;
    const error = await client.execute(new WireRequest(bad)).catch((e: unknown) => e);
    expect(calls).toBe(0);
    expect(error).toBeInstanceOf(TopValidationError);
    expect((error as TopValidationError).attempts).toBe(0);
    expect((error as TopValidationError).problems.map((p) => p.param)).toEqual([
      'adzone_id',
      'q',
      'has_coupon',
      'item_dto[0].item_id',
    ]);
    expect((error as Error).message).toMatch(
      /^taobao\.tbk\.test\.wire: 4 invalid params\n {2}adzone_id: required param is missing\n/,
    );
  });

  it('refuses bad client options', () => {
    expect(() => new TopClient({ appKey: '', appSecret: SECRET })).toThrow('appKey is required');
    expect(() => new TopClient({ appKey: 'k', appSecret: '' })).toThrow('appSecret is required');
    expect(() => new TopClient({ appKey: 'k', appSecret: SECRET, signMethod: 'sha1' as SignMethod })).toThrow(
      'signMethod must be one of',
    );
    expect(() => new TopClient({ appKey: 'k', appSecret: SECRET, gateway: 'ftp://x' })).toThrow(
      'gateway must be an http(s) URL',
    );
    expect(() => new TopClient({ appKey: 'k', appSecret: SECRET, maxRetries: 1.5 })).toThrow(
      'maxRetries must be an integer',
    );
  });
});

describe('TopClient transport', () => {
  it('sends over node:http by default: a global fetch, even stubbed, is not called', async () => {
    const gateway = await startLocalGateway(() => ({ body: OK_JSON }));
    const client = new TopClient({ appKey: 'k', appSecret: SECRET, gateway: gateway.url });
    let fetched = 0;
    vi.stubGlobal('fetch', async () => {
      fetched++;
      return new Response(OK_JSON);
    });
    try {
      expect(await client.execute(new WireRequest({ adzone_id: 1 }))).toMatchObject({ request_id: 'rid1' });
    } finally {
      vi.unstubAllGlobals();
      client.close();
      await gateway.close();
    }
    expect(fetched).toBe(0);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]!.query['method']).toBe('taobao.tbk.test.wire');
  });

  it('sends through the fetch option when one is given', async () => {
    const urls: string[] = [];
    const client = new TopClient({
      appKey: 'k',
      appSecret: SECRET,
      fetch: async (url: string) => {
        urls.push(url);
        return new Response(OK_JSON);
      },
    });
    expect(await client.execute(new WireRequest({ adzone_id: 1 }))).toMatchObject({ request_id: 'rid1' });
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^https:\/\/eco\.taobao\.com\/router\/rest\?method=taobao\.tbk\.test\.wire&/);
  });
});

describe('runtime index', () => {
  it('exports the public API', () => {
    for (const name of [
      'TopClient',
      'TopError',
      'TopClientError',
      'TopValidationError',
      'TopTransportError',
      'TopResponseError',
      'sign',
      'decodeResponse',
      'parseTopResponse',
      'decodeXmlResponse',
      'formatTopTimestamp',
      'DEFAULT_GATEWAY',
      'SIGN_METHODS',
      'validateParams',
      'checkParams',
      'PARAM_CHECKS',
      'multipart',
    ]) {
      expect(runtime, name).toHaveProperty(name);
    }
    expect(runtime.DEFAULT_GATEWAY).toBe('https://eco.taobao.com/router/rest');
  });
});
