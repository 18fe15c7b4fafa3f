import { describe, expect, it } from 'vitest';
import { banMillis, TopError, TopResponseError, TopTransportError, TopValidationError } from './errors.js';
import { backoffDelay, decideRetry, sleep, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = {
  maxRetries: 2,
  retryBaseMs: 100,
  retryMaxMs: 1000,
  maxBanWaitMs: 3000,
  random: () => 0.5,
};
const m = 'taobao.tbk.x';
const top = (code: number, subCode?: string, subMsg?: string): TopError =>
  new TopError(m, { code, msg: 'm', subCode, subMsg });

describe('decideRetry', () => {
  it.each([
    [
      'a network error',
      new TopTransportError(m, 'x', { kind: 'network', errno: 'ECONNRESET' }),
      'network error (ECONNRESET)',
    ],
    ['a timeout', new TopTransportError(m, 'x', { kind: 'timeout' }), 'timeout'],
    ['HTTP 502', new TopTransportError(m, 'x', { kind: 'http', status: 502 }), 'HTTP 502'],
    ['an isp.* sub-code', top(15, 'isp.remote-service-timeout'), 'code 15 isp.remote-service-timeout'],
    [
      'code 7 without a ban',
      top(7, 'accesscontrol.limited-by-api-access-count'),
      'code 7 accesscontrol.limited-by-api-access-count',
    ],
  ])('retries %s with jittered backoff', (_name, error, reason) => {
    expect(decideRetry(error, 1, policy)).toEqual({ retry: true, delayMs: 50, reason });
  });

  it.each([
    ['isv.* (code 15)', top(15, 'isv.item-not-exist')],
    ['isv.* (code 50)', top(50, 'isv.invalid-parameter')],
    ['a business code without sub-code', top(50)],
    ['code 27 invalid session', top(27)],
    ['a validation error', new TopValidationError(m, [{ param: 'a', message: 'b' }])],
    ['an unusable body', new TopResponseError(m, 'bad', 'x')],
    ['a plain Error', new Error('bug')],
  ])('never retries %s', (_name, error) => {
    expect(decideRetry(error, 1, policy).retry).toBe(false);
  });

  it('waits a short code-7 ban exactly and gives up at once on a long one', () => {
    const short = top(7, 'accesscontrol.limited-by-app-access-count', 'This ban will last for 2 more seconds');
    const long = top(7, 'accesscontrol.limited-by-app-access-count', 'This ban will last for 71804 more seconds');
    expect(decideRetry(short, 1, policy)).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decideRetry(long, 1, policy)).toEqual({
      retry: false,
      reason: 'code 7 accesscontrol.limited-by-app-access-count: ban of 71804000 ms exceeds maxBanWaitMs 3000',
    });
    expect(long.retryAfterMs).toBe(71_804_000);
  });

  it('stops after maxRetries retries', () => {
    const error = new TopTransportError(m, 'x', { kind: 'timeout' });
    expect(decideRetry(error, 2, policy).retry).toBe(true);
    expect(decideRetry(error, 3, policy)).toEqual({ retry: false, reason: 'timeout: gave up after 3 attempts' });
    expect(decideRetry(error, 1, { ...policy, maxRetries: 0 }).retry).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to retryMaxMs, with full jitter', () => {
    const at = (random: number, retry: number): number => backoffDelay(retry, { ...policy, random: () => random });
    expect([1, 2, 3, 4, 5].map((r) => at(0.999999, r))).toEqual([99, 199, 399, 799, 999]);
    expect(at(0, 4)).toBe(0);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3, { ...policy, random: Math.random })));
    expect(seen.size).toBeGreaterThan(10);
    for (const d of seen) expect(d).toBeLessThan(400);
  });
});

describe('banMillis', () => {
  it('reads the ban announced in sub_msg', () => {
    expect(banMillis('This ban will last for 1 more seconds')).toBe(1000);
    expect(banMillis('this ban will last for 1 more second')).toBe(1000);
    expect(banMillis('App Call Limited')).toBeUndefined();
    expect(banMillis(undefined)).toBeUndefined();
  });
});

describe('sleep', () => {
  it('resolves after the delay and rejects at once on abort', async () => {
    const t = Date.now();
    await sleep(20);
    expect(Date.now() - t).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(10, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
