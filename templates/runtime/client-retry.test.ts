import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TopClient } from './client.js';
import type { TopClientOptions } from './client-options.js';
import { TopError, TopTransportError } from './errors.js';
import { multipart } from './multipart.js';
import type { TopLogEvent } from './logger.js';
import type { MethodMeta } from './metadata.js';
import { startLocalGateway, type LocalGateway, type Reply, type ReplyScript } from './test-support/local-gateway.js';

const meta: MethodMeta = {
  method: 'taobao.tbk.test.retry',
  auth: 'none',
  rootKey: 'tbk_test_retry_response',
  request: [{ name: 'adzone_id', kind: 'number', required: true }],
  response: [{ name: 'ok', kind: 'boolean' }],
  types: {},
};
const request = { meta, params: { adzone_id: 1 } };

const OK: Reply = { body: '{"tbk_test_retry_response":{"ok":true,"request_id":"r"}}' };
const topError = (code: number, subCode?: string, subMsg?: string): Reply => ({
  body: JSON.stringify({
    error_response: {
      code,
      msg: 'm',
      ...(subCode ? { sub_code: subCode } : {}),
      ...(subMsg ? { sub_msg: subMsg } : {}),
    },
  }),
});
const ISP = topError(15, 'isp.remote-service-timeout');
const BAD_GATEWAY: Reply = { status: 502, contentType: 'text/html', body: '<html>502 Bad Gateway</html>' };
const CUT: Reply = { destroy: true };

let gateway: LocalGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** Replies in order; the last reply repeats. */
async function serve(...replies: Reply[]): Promise<LocalGateway> {
  const script: ReplyScript = (_r, i) => replies[Math.min(i, replies.length - 1)]!;
  gateway = await startLocalGateway(script);
  return gateway;
}

function client(g: LocalGateway, events: TopLogEvent[] = [], options: Partial<TopClientOptions> = {}): TopClient {
  return new TopClient({
    appKey: 'k',
    appSecret: 'secret',
    gateway: g.url,
    retryBaseMs: 1,
    retryMaxMs: 5,
    logger: (e) => events.push(e),
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should fail'),
    (e: unknown) => e,
  );
}

describe('retries', () => {
  it.each([
    ['isp.* sub-codes', ISP],
    ['HTTP 502', BAD_GATEWAY],
    ['a cut connection', CUT],
  ])('retries %s, then succeeds', async (_name, fault) => {
    const g = await serve(fault, fault, OK);
    const events: TopLogEvent[] = [];
    const result = await client(g, events).send(request);
    expect(result.data).toEqual({ ok: true, request_id: 'r' });
    expect(result.attempts).toBe(3);
    expect(g.requests).toHaveLength(3);
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.map((e) => e.attempt)).toEqual([1, 2]);
    for (const e of retries) expect(e.delayMs).toBeLessThanOrEqual(5);
    expect(events.filter((e) => e.type === 'request').map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it('sends the same file bytes again when a multipart call is retried', async () => {
    const upload: MethodMeta = { ...meta, request: [...meta.request, { name: 'pic', kind: 'file' }], multipart };
    const g = await serve(BAD_GATEWAY, OK);
    const stream = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
    const result = await client(g).send({ meta: upload, params: { adzone_id: 1, pic: stream } });
    expect(result.attempts).toBe(2);
    const sent = g.requests.map((r) => r.parts.find((p) => p.name === 'pic')?.value);
    expect(sent).toEqual([new TextEncoder().encode('abcdef'), new TextEncoder().encode('abcdef')]);
  });

  it('stops at maxRetries and throws the last failure', async () => {
    const g = await serve(BAD_GATEWAY);
    const error = await failure(client(g).execute(request));
    expect(error).toBeInstanceOf(TopTransportError);
    expect(error).toMatchObject({ kind: 'http', status: 502, attempts: 3, body: '<html>502 Bad Gateway</html>' });
    expect(g.requests).toHaveLength(3);
  });

  it('honours maxRetries: 0', async () => {
    const g = await serve(ISP);
    expect(await failure(client(g, [], { maxRetries: 0 }).execute(request))).toMatchObject({
      subCode: 'isp.remote-service-timeout',
      attempts: 1,
    });
    expect(g.requests).toHaveLength(1);
  });

  it('reports a cut connection as a network failure', async () => {
    const g = await serve(CUT);
    const error = await failure(client(g, [], { maxRetries: 1 }).execute(request));
    expect(error).toBeInstanceOf(TopTransportError);
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
  });

  it.each([
    ['isv.* with code 15', topError(15, 'isv.item-not-exist')],
    ['isv.* with code 50', topError(50, 'isv.invalid-parameter')],
    ['a business code', topError(50)],
    ['isv.* with code 7', topError(7, 'isv.call-limited', 'This ban will last for 1 more seconds')],
  ])('never retries %s', async (_name, reply) => {
    const g = await serve(reply, OK);
    const error = await failure(client(g).execute(request));
    expect(error).toBeInstanceOf(TopError);
    expect((error as TopError).attempts).toBe(1);
    expect(g.requests).toHaveLength(1);
  });

  it('waits out a short code-7 ban, then retries', async () => {
    const g = await serve(
      topError(7, 'accesscontrol.limited-by-app-access-count', 'This ban will last for 1 more seconds'),
      OK,
    );
    const events: TopLogEvent[] = [];
    const started = Date.now();
    const result = await client(g, events).send(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(result.attempts).toBe(2);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({
      delayMs: 1000,
      reason: 'code 7 accesscontrol.limited-by-app-access-count',
    });
  });

  it('gives up at once on a long code-7 ban', async () => {
    const g = await serve(
      topError(7, 'accesscontrol.limited-by-app-access-count', 'This ban will last for 71804 more seconds'),
      OK,
    );
    const started = Date.now();
    const error = await failure(client(g).execute(request));
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ code: 7, retryAfterMs: 71_804_000, attempts: 1 });
    expect(g.requests).toHaveLength(1);
  });
});

describe('timeouts and abort', () => {
  it('aborts a slow attempt at timeoutMs and retries it as a transport failure', async () => {
    const g = await serve({ ...OK, delayMs: 400 }, OK);
    const started = Date.now();
    const result = await client(g, [], { timeoutMs: 60 }).send(request);
    expect(result.attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('fails with a timeout error when every attempt is too slow (per-call timeoutMs)', async () => {
    const g = await serve({ ...OK, delayMs: 400 });
    const started = Date.now();
    const error = await failure(client(g, [], { maxRetries: 1 }).execute(request, { timeoutMs: 50 }));
    expect(Date.now() - started).toBeLessThan(400);
    expect(error).toBeInstanceOf(TopTransportError);
    expect(error).toMatchObject({
      kind: 'timeout',
      attempts: 2,
      message: 'taobao.tbk.test.retry: no answer within 50 ms',
    });
  });

  it("aborts everything at once on the caller's signal, without retrying", async () => {
    const g = await serve({ ...OK, delayMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(client(g).execute(request, { signal: controller.signal }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect((error as Error).name).toBe('AbortError');
    expect(g.requests).toHaveLength(1);
  });

  it('aborts a backoff wait', async () => {
    const g = await serve(BAD_GATEWAY);
    const controller = new AbortController();
    const events: TopLogEvent[] = [];
    const c = client(g, events, { retryBaseMs: 10_000, retryMaxMs: 10_000, random: () => 0.99 });
    const pending = failure(c.execute(request, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 100));
    expect(events.some((e) => e.type === 'retry')).toBe(true);
    const started = Date.now();
    controller.abort(new Error('user gave up'));
    expect(await pending).toMatchObject({ message: 'user gave up' });
    expect(Date.now() - started).toBeLessThan(200);
    expect(g.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const g = await serve(OK);
    const error = await failure(client(g).execute(request, { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(g.requests).toHaveLength(0);
  });
});
