// The real TopClient against the mock gateway: what is retried, what is not, bans, timeouts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TopClient, type TopClientOptions } from '../../templates/runtime/client.js';
import { TopError, TopTransportError } from '../../templates/runtime/errors.js';
import type { GatewayError } from '../../templates/testing/error-responses.js';
import { startMockGateway, type MockGateway } from '../../templates/testing/mock-gateway.js';
import { kindsFixture } from './fixtures/kinds-fixture.js';
import { requestClassOf } from './fixtures/request-class.js';
import { APP_KEY, APP_SECRET } from './fixtures/signed-call.js';

const KindsRequest = requestClassOf(kindsFixture.meta);
const request = () => new KindsRequest({ ...kindsFixture.example });

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [kindsFixture] });
});
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());

function client(options: Partial<TopClientOptions> = {}): TopClient {
  // Tiny backoff: the tests count attempts, not wait.
  return new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    maxRetries: 2,
    retryBaseMs: 1,
    retryMaxMs: 5,
    ...options,
  });
}

/** Runs the call; returns its outcome and the gateway calls it made. */
async function run(
  c: TopClient,
  signal?: AbortSignal,
): Promise<{ result?: unknown; error?: unknown; calls: number; ms: number }> {
  const before = gateway.calls.length;
  const start = performance.now();
  try {
    const result = await c.execute(request(), signal ? { signal } : {});
    return { result, calls: gateway.calls.length - before, ms: performance.now() - start };
  } catch (error) {
    return { error, calls: gateway.calls.length - before, ms: performance.now() - start };
  }
}

describe('retries', () => {
  it.each([
    ['an isp.* error', { kind: 'isp-error' } as const],
    ['HTTP 502', { kind: 'http-error' } as const],
    ['a cut connection', { kind: 'cut' } as const],
  ])('retries %s and then succeeds', async (_name, fault) => {
    gateway.inject({ ...fault, times: 2 });
    const out = await run(client());
    expect(out.error).toBeUndefined();
    expect(out.result).toMatchObject({ total_results: 2 });
    expect(out.calls).toBe(3);
  });

  it.each([
    ['an isp.* error', { kind: 'isp-error' } as const, TopError],
    ['HTTP 502', { kind: 'http-error' } as const, TopTransportError],
    ['a cut connection', { kind: 'cut' } as const, TopTransportError],
  ])('stops retrying %s at maxRetries', async (_name, fault, type) => {
    gateway.inject({ ...fault, times: 10 });
    const out = await run(client({ maxRetries: 2 }));
    expect(out.error).toBeInstanceOf(type);
    expect(out.calls).toBe(3);
    expect((out.error as TopError).attempts).toBe(3);
  });

  it.each<[string, GatewayError]>([
    [
      'an isv.* error',
      { code: 50, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: '非法参数' },
    ],
    ['a business error without sub_code', { code: 50, msg: 'Remote service error' }],
    ['a business sub_code', { code: 15, msg: 'Remote service error', sub_code: 'tbk.adzone-not-exist' }],
    ['an invalid session', { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey' }],
  ])('does not retry %s', async (_name, error) => {
    gateway.inject({ kind: 'error', error, times: 5 });
    const out = await run(client());
    expect(out.error).toBeInstanceOf(TopError);
    expect(out.error).toMatchObject({ code: error.code, subCode: error.sub_code, method: kindsFixture.meta.method });
    expect(out.calls).toBe(1);
  });
});

describe('code 7 bans', () => {
  it('waits out a short ban and then succeeds', async () => {
    gateway.inject({ kind: 'ban', seconds: 1 });
    const out = await run(client({ maxBanWaitMs: 2_000 }));
    expect(out.error).toBeUndefined();
    expect(out.calls).toBe(2);
    expect(out.ms).toBeGreaterThanOrEqual(950);
    expect(gateway.calls.at(-2)!.error?.code).toBe(7);
    expect(gateway.calls.at(-1)!.error).toBeUndefined();
  });

  it('gives up at once on a ban longer than maxBanWaitMs', async () => {
    gateway.inject({ kind: 'ban', seconds: 600 });
    const out = await run(client({ maxBanWaitMs: 2_000 }));
    expect(out.error).toBeInstanceOf(TopError);
    expect(out.error).toMatchObject({
      code: 7,
      subMsg: 'This ban will last for 600 more seconds',
      retryAfterMs: 600_000,
    });
    expect(out.calls).toBe(1);
    expect(out.ms).toBeLessThan(500);
  });
});

describe('timeouts', () => {
  it('aborts a slow answer after timeoutMs, retries, and gives up at maxRetries', async () => {
    gateway.inject({ kind: 'slow', ms: 3_000, times: 2 });
    const out = await run(client({ timeoutMs: 150, maxRetries: 1 }));
    expect(out.error).toBeInstanceOf(TopTransportError);
    expect(out.error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(out.calls).toBe(2);
    expect(out.ms).toBeLessThan(1_500);
  });

  it('accepts a slow answer within timeoutMs', async () => {
    gateway.inject({ kind: 'slow', ms: 100 });
    const out = await run(client({ timeoutMs: 2_000 }));
    expect(out.error).toBeUndefined();
    expect(out.calls).toBe(1);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    gateway.inject({ kind: 'slow', ms: 3_000, times: 3 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    const out = await run(client({ timeoutMs: 5_000 }), controller.signal);
    expect(out.error).toMatchObject({ message: 'caller gave up' });
    expect(out.calls).toBe(1);
    expect(out.ms).toBeLessThan(1_000);
  });
});
