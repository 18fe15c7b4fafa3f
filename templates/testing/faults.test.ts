import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kindsFixture } from '../../test/testing/fixtures/kinds-fixture.js';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { APP_KEY, APP_SECRET, callGateway, errorOf, type SignedCall } from '../../test/testing/fixtures/signed-call.js';
import { FaultQueue } from './faults.js';
import { startMockGateway, type MockGateway } from './mock-gateway.js';

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [kindsFixture, refundFixture] });
});
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());

const kinds: SignedCall = { method: kindsFixture.meta.method, params: kindsFixture.example };
const refund: SignedCall = { method: refundFixture.meta.method, params: refundFixture.example };
const codeOf = async (call: SignedCall) => errorOf((await callGateway(gateway.url, call)).text)?.code;

describe('faults', () => {
  it('isp-error answers code 15 with an isp.* sub_code for `times` calls, then the sample', async () => {
    gateway.inject({ kind: 'isp-error', times: 2 });
    const first = errorOf((await callGateway(gateway.url, kinds)).text);
    expect(first).toMatchObject({ code: 15, msg: 'Remote service error', sub_code: 'isp.remote-service-error' });
    expect(await codeOf(kinds)).toBe(15);
    expect(await codeOf(kinds)).toBeUndefined();
    expect(gateway.calls.slice(-3).map((c) => c.fault)).toEqual(['isp-error', 'isp-error', undefined]);
  });

  it('ban answers code 7 with the seconds left, for every call until the ban ends', async () => {
    gateway.inject({ kind: 'ban', seconds: 1 });
    const first = errorOf((await callGateway(gateway.url, kinds)).text);
    expect(first).toMatchObject({
      code: 7,
      msg: 'App Call Limited',
      sub_code: 'accesscontrol.limited-by-app-access-count',
      sub_msg: 'This ban will last for 1 more seconds',
    });
    expect(await codeOf(refund)).toBe(7);
    await new Promise((r) => setTimeout(r, 1050));
    expect(await codeOf(kinds)).toBeUndefined();
  });

  it('does not extend a ban when banned calls keep coming', async () => {
    gateway.inject({ kind: 'ban', seconds: 1 });
    const start = performance.now();
    let code: number | undefined = 7;
    while (code === 7 && performance.now() - start < 3_000) {
      code = await codeOf(kinds);
      if (code === 7) await new Promise((r) => setTimeout(r, 200));
    }
    expect(code).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(1_600);
  });

  it('http-error answers a bare 502 page', async () => {
    gateway.inject({ kind: 'http-error' });
    const res = await callGateway(gateway.url, kinds);
    expect(res.status).toBe(502);
    expect(res.text).toContain('502 Bad Gateway');
  });

  it('slow answers normally after the delay', async () => {
    gateway.inject({ kind: 'slow', ms: 150 });
    const start = performance.now();
    expect(await codeOf(kinds)).toBeUndefined();
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('cut destroys the connection without an answer', async () => {
    gateway.inject({ kind: 'cut' });
    await expect(callGateway(gateway.url, kinds)).rejects.toThrow(/fetch failed/);
    expect(await codeOf(kinds)).toBeUndefined();
  });

  it('error answers the given error_response', async () => {
    gateway.inject({ kind: 'error', error: { code: 50, msg: 'Remote service error', sub_code: 'isv.item-not-exist' } });
    expect(errorOf((await callGateway(gateway.url, kinds)).text)).toMatchObject({
      code: 50,
      sub_code: 'isv.item-not-exist',
    });
  });

  it('error-sample answers the documented error sample, in the requested format', async () => {
    gateway.inject({ kind: 'error-sample', times: 2 });
    const json = await callGateway(gateway.url, refund);
    expect(json.text.replace(/,"request_id":"[0-9a-z]{13}"/, '')).toBe(refundFixture.samples.error_json!.trimEnd());
    const xml = await callGateway(gateway.url, { ...refund, format: 'xml' });
    expect(xml.text).toContain('<sub_code>isv.invalid-parameter</sub_code>');
    expect(gateway.calls.at(-1)!.error).toMatchObject({ code: 50, sub_code: 'isv.invalid-parameter' });
  });

  it('a fault for one method leaves the others alone', async () => {
    gateway.inject({ kind: 'isp-error', method: refundFixture.meta.method });
    expect(await codeOf(kinds)).toBeUndefined();
    expect(await codeOf(refund)).toBe(15);
  });
});

describe('FaultQueue', () => {
  it('applies faults in injection order, each for its number of calls', () => {
    const q = new FaultQueue();
    q.inject({ kind: 'cut', times: 2 });
    q.inject({ kind: 'http-error' });
    expect(q.pending).toBe(3);
    expect([q.take('m'), q.take('m'), q.take('m'), q.take('m')].map((f) => f?.kind)).toEqual([
      'cut',
      'cut',
      'http-error',
      undefined,
    ]);
  });
  it('refuses a non-positive times', () => {
    expect(() => new FaultQueue().inject({ kind: 'cut', times: 0 })).toThrow(RangeError);
  });
});
