// Interop: the npm SDKs node-taobao-topclient and topsdk, which sign, send and parse on their
// own (md5 over every param, all posted as one form), call the mock gateway and get the doc
// sample back — the gateway speaks TOP's protocol, not only this project's client dialect.
//
// Both SDKs write `timestamp` with the host's local clock fields (`getHours()`), as the official
// Node SDK does: they assume a host in China. The process runs in that time zone here.
process.env.TZ = 'Asia/Shanghai';

import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../templates/runtime/json-lossless.js';
import { startMockGateway, type MockGateway } from '../../templates/testing/mock-gateway.js';
import { refundFixture } from './fixtures/refund-fixture.js';
import { APP_KEY, APP_SECRET } from './fixtures/signed-call.js';

const require = createRequire(import.meta.url);

interface SdkError extends Error {
  code?: number;
  sub_code?: string;
}
type Invoke = (method: string, params: Record<string, unknown>, type?: string) => Promise<Record<string, unknown>>;

/** node-taobao-topclient: `new TopClient({ appkey, appsecret, REST_URL })`, `execute` → root object. */
function nodeTaobaoTopclient(url: string, secret: string): Invoke {
  const TopClient = (require('node-taobao-topclient') as { default: new (o: object) => { execute: Invoke } }).default;
  const client = new TopClient({ appkey: APP_KEY, appsecret: secret, REST_URL: url });
  return (method, params, type) => client.execute(method, { ...params }, type);
}

/** topsdk: `new TopClient(key, secret, { endpoint })`, `execute` → root object. */
function topsdk(url: string, secret: string): Invoke {
  const TopClient = require('topsdk') as new (k: string, s: string, o: object) => { execute: Invoke };
  const client = new TopClient(APP_KEY, secret, { endpoint: url, useValidators: false });
  return (method, params, type) => client.execute(method, { ...params }, type);
}

const sdks = [
  ['node-taobao-topclient', nodeTaobaoTopclient],
  ['topsdk', topsdk],
] as const;

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [refundFixture] });
});
afterAll(() => gateway.close());

const method = refundFixture.meta.method;
// The struct param as JSON text, as TOP takes it. (Given an object, node-taobao-topclient
// stringifies it before signing; topsdk signs "[object Object]" and sends the JSON — see below.)
const params = { publisher_refund_order_query_option: refundFixture.example['publisher_refund_order_query_option']! };
const sampleRoot = (parseJsonLossless(refundFixture.samples.json!) as Record<string, unknown>)[
  refundFixture.meta.rootKey
];

describe.each(sdks)('%s', (_name, sdk) => {
  it('gets the JSON sample with an md5-signed form POST the gateway verifies', async () => {
    const result = await sdk(gateway.url, APP_SECRET)(method, params);
    const call = gateway.calls.at(-1)!;
    expect(call).toMatchObject({
      method,
      verified: true,
      httpMethod: 'POST',
      params: { sign_method: 'md5', format: 'json' },
    });
    expect(call.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call.queryNames).toEqual([]);
    expect(call.error).toBeUndefined();
    expect(result).toEqual({ ...(sampleRoot as object), request_id: call.requestId });
  });

  it('gets code 25 for a wrong secret, as TOP answers it', async () => {
    const error = (await sdk(gateway.url, 'wrong-secret')(method, params).catch((e: unknown) => e)) as SdkError;
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TOPClientError');
    expect(error.code).toBe(25);
    expect(error.message).toContain('Invalid signature');
    expect(gateway.calls.at(-1)!.verified).toBe(false);
  });

  it('gets code 22 for a method the gateway does not know', async () => {
    const error = (await sdk(gateway.url, APP_SECRET)('taobao.tbk.unknown.get', {}).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect(error.code).toBe(22);
  });
});

describe('struct params given as objects', () => {
  const objectParams = {
    publisher_refund_order_query_option: JSON.parse(params.publisher_refund_order_query_option) as object,
  };

  it('node-taobao-topclient signs the JSON text it sends, and is accepted', async () => {
    await nodeTaobaoTopclient(gateway.url, APP_SECRET)(method, objectParams);
    expect(gateway.calls.at(-1)).toMatchObject({ verified: true });
    expect(gateway.calls.at(-1)!.params['publisher_refund_order_query_option']).toBe(
      params.publisher_refund_order_query_option,
    );
  });

  it('topsdk signs "[object Object]" but sends JSON text, so the signature is refused like TOP would', async () => {
    const error = (await topsdk(gateway.url, APP_SECRET)(method, objectParams).catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe(25);
  });
});

describe('node-taobao-topclient GET', () => {
  it('gets the sample with every param in the query string', async () => {
    const result = await nodeTaobaoTopclient(gateway.url, APP_SECRET)(method, params, 'GET');
    const call = gateway.calls.at(-1)!;
    expect(call).toMatchObject({ verified: true, httpMethod: 'GET' });
    expect(call.queryNames).toContain('sign');
    expect(result['data']).toEqual((sampleRoot as Record<string, unknown>)['data']);
  });
});
