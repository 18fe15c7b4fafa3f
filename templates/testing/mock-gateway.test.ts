import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindsFixture, kindsWithoutSamples } from '../../test/testing/fixtures/kinds-fixture.js';
import { picEmbedFixture } from '../../test/testing/fixtures/pic-embed-fixture.js';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { APP_KEY, APP_SECRET, callGateway } from '../../test/testing/fixtures/signed-call.js';
import { parseJsonLossless } from '../runtime/json-lossless.js';
import { parseXml } from '../runtime/xml.js';
import { startMockGateway, type MockGateway } from './mock-gateway.js';

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({
    apps: { [APP_KEY]: APP_SECRET },
    methods: [refundFixture, picEmbedFixture, kindsFixture],
  });
});
afterAll(() => gateway.close());

const refund = { method: refundFixture.meta.method, params: refundFixture.example };
const root = (text: string) =>
  (parseJsonLossless(text) as Record<string, Record<string, unknown>>)['tbk_order_refund_get_response']!;

describe('startMockGateway', () => {
  it('listens on 127.0.0.1 at /router/rest', () => {
    expect(gateway.url).toBe(`http://127.0.0.1:${gateway.port}/router/rest`);
  });

  it('answers the JSON sample as printed, plus a fresh request_id, and records a verified call', async () => {
    const a = await callGateway(gateway.url, refund);
    const b = await callGateway(gateway.url, refund);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(a.text.replace(/,"request_id":"[0-9a-z]{13}"/, '')).toBe(refundFixture.samples.json!.trimEnd());
    const idA = root(a.text)['request_id'];
    expect(idA).toMatch(/^[0-9a-z]{13}$/);
    expect(root(b.text)['request_id']).not.toBe(idA);
    const call = gateway.calls.at(-1)!;
    expect(call).toMatchObject({
      method: refundFixture.meta.method,
      verified: true,
      format: 'json',
      httpMethod: 'POST',
    });
    expect(call.queryNames).toContain('sign');
    expect(call.queryNames).not.toContain('publisher_refund_order_query_option');
  });

  it.each(['form', 'get', 'multipart'] as const)('accepts every param in the %s transport', async (transport) => {
    const res = await callGateway(gateway.url, { ...refund, transport });
    expect(root(res.text)['result_code']).toBe(200);
    expect(gateway.calls.at(-1)!.verified).toBe(true);
  });

  it('answers XML when no format is given, like TOP', async () => {
    const res = await callGateway(gateway.url, { ...refund, omit: ['format'] });
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8" ?><tbk_order_refund_get_response>')).toBe(true);
    const xml = parseXml(res.text);
    expect(xml.children.at(-1)).toMatchObject({ name: 'request_id' });
  });

  it('answers the simplified sample for simplify=true, and ignores simplify for XML', async () => {
    const res = await callGateway(gateway.url, { ...refund, simplify: true });
    expect(Array.isArray((root(res.text)['data'] as Record<string, unknown>)['result'])).toBe(true);
    const xml = await callGateway(gateway.url, { ...refund, simplify: true, format: 'xml' });
    expect(xml.text).toContain('<publisher_refund_order_d_t_o>');
  });

  it('renders the formats a method has no sample for from the one it has', async () => {
    const call = { method: kindsFixture.meta.method, params: kindsFixture.example };
    const xml = await callGateway(gateway.url, { ...call, format: 'xml' });
    expect(xml.text).toContain('<num_iid>9007199254740993123</num_iid>');
    const simple = await callGateway(gateway.url, { ...call, simplify: true });
    expect(simple.text).toContain('"small_images":["a.jpg","b.jpg"]');
    expect(simple.headers.get('x-mock-synthetic')).toBeNull();
  });

  it('synthesises a marked answer for a method without any sample', async () => {
    const bare = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [kindsWithoutSamples] });
    try {
      const res = await callGateway(bare.url, {
        method: kindsWithoutSamples.meta.method,
        params: kindsWithoutSamples.example,
      });
      expect(res.headers.get('x-mock-synthetic')).toBe('1');
      expect(res.text).toContain('"title":"synthetic:title"');
      expect(bare.calls[0]!.synthetic).toBe(true);
    } finally {
      await bare.close();
    }
  });

  it('uploads files as multipart parts that are not signed, and records them', async () => {
    const res = await callGateway(gateway.url, {
      method: picEmbedFixture.meta.method,
      params: picEmbedFixture.example,
      session: 'user-session',
      files: [{ name: 'pic_stream', data: new Uint8Array([1, 2, 3]), filename: 'a.jpg' }],
    });
    expect(res.text).toContain('"embed_pic_url":"https:\\/\\/xxx"');
    const call = gateway.calls.at(-1)!;
    expect(call.verified).toBe(true);
    expect(call.files).toEqual([
      { name: 'pic_stream', filename: 'a.jpg', contentType: 'application/octet-stream', size: 3 },
    ]);
    expect(call.params['pic_stream']).toBeUndefined();
  });

  it('answers a value set with setResponse instead of the sample, until reset', async () => {
    gateway.setResponse(refundFixture.meta.method, { result_msg: 'custom' });
    expect(root((await callGateway(gateway.url, refund)).text)).toEqual({
      result_msg: 'custom',
      request_id: expect.any(String),
    });
    gateway.setResponse(refundFixture.meta.method, undefined);
    expect(root((await callGateway(gateway.url, refund)).text)['result_msg']).toBe('result');
  });

  it('answers 404 off /router/rest and 400 for a body it cannot read', async () => {
    expect((await fetch(gateway.url.replace('/router/rest', '/other'))).status).toBe(404);
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
  });

  it('closes while a keep-alive connection is open', async () => {
    const g = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [refundFixture] });
    await callGateway(g.url, refund);
    await g.close();
    await expect(fetch(g.url)).rejects.toThrow();
  });
});
