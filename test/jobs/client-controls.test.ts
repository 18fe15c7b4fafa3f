// Per-call control and in-process flow control of TopClient against the mock gateway over real
// HTTP: maxRetries, headers and response headers, User-Agent, credentials from the environment,
// withOptions sharing the pool and the flow state, error subclasses, a ban shared by concurrent
// calls, and the client-side rate limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_VERSION,
  MemoryFlowStore,
  TbkUvidEncryptRequest,
  TopAuthError,
  TopClient,
  TopError,
  TopFlowControlError,
  TopInvalidParameterError,
} from '../../generated/src/index.js';
import { fixtureOf, startMockGateway, type MockGateway } from '../../generated/src/testing/index.js';

const APP = { key: '12345678', secret: 'controls-secret' };
let gateway: MockGateway;
const request = new TbkUvidEncryptRequest({ tk_domain: 1, source_values: '1' });
beforeAll(async () => {
  gateway = await startMockGateway({
    apps: { [APP.key]: APP.secret },
    methods: [fixtureOf('taobao.tbk.uvid.encrypt')!],
    sessions: ['good'],
  });
});
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());
const client = (extra: object = {}) =>
  new TopClient({
    appKey: APP.key,
    appSecret: APP.secret,
    gateway: gateway.url,
    retryBaseMs: 1,
    retryMaxMs: 2,
    ...extra,
  });

describe('per-call control', () => {
  it('sends the User-Agent and extra headers, and returns the response headers', async () => {
    const seen: Record<string, string>[] = [];
    const c = client({
      headers: { 'X-Team': 'sync' },
      fetch: (url: string, init: RequestInit) => (
        seen.push({ ...(init.headers as Record<string, string>) }),
        fetch(url, init)
      ),
    });
    const result = await c.send(request, { headers: { 'X-Trace-Id': 't-1' } });
    expect(seen[0]).toMatchObject({
      'user-agent': `tbk-client/${CLIENT_VERSION} node/${process.versions.node}`,
      'x-team': 'sync',
      'x-trace-id': 't-1',
    });
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    const viaNode = await client().send(request);
    expect(viaNode.headers['content-type']).toMatch(/^application\/json/);
    await expect(c.send(request, { headers: { 'Content-Type': 'x' } })).rejects.toThrow('set by the client');
  });

  it('takes maxRetries per call', async () => {
    gateway.inject({ kind: 'isp-error', times: 3 });
    await expect(client({ maxRetries: 5 }).send(request, { maxRetries: 1 })).rejects.toMatchObject({ attempts: 2 });
  });

  it('reads the credentials from TOP_APP_KEY / TOP_APP_SECRET when the options omit them', async () => {
    process.env['TOP_APP_KEY'] = APP.key;
    process.env['TOP_APP_SECRET'] = APP.secret;
    try {
      const c = new TopClient({ gateway: gateway.url });
      expect(c.appKey).toBe(APP.key);
      expect((await c.send(request)).status).toBe(200);
      expect(gateway.calls.at(-1)!.verified).toBe(true);
    } finally {
      delete process.env['TOP_APP_KEY'];
      delete process.env['TOP_APP_SECRET'];
    }
    expect(() => new TopClient({ gateway: gateway.url })).toThrow('TOP_APP_KEY');
  });

  it('withOptions gives a client with other options over the same pool and flow state', async () => {
    const parent = client();
    const child = parent.withOptions({ timeoutMs: 1234, headers: { 'x-child': '1' } });
    expect(child.appKey).toBe(APP.key);
    expect((await child.send(request)).status).toBe(200);
    gateway.inject({ kind: 'ban', seconds: 600 });
    await expect(parent.send(request)).rejects.toBeInstanceOf(TopFlowControlError);
    const sent = gateway.calls.length;
    await expect(child.send(request)).rejects.toMatchObject({ code: 7, attempts: 0 });
    expect(gateway.calls.length).toBe(sent);
  });

  it('throws the error subclasses callers branch on', async () => {
    gateway.inject({
      kind: 'error',
      error: { code: 50, msg: 'Remote service error', sub_code: 'isv.invalid-parameter:tk_domain', sub_msg: 'bad' },
    });
    await expect(client().send(request)).rejects.toMatchObject({
      name: 'TopInvalidParameterError',
      param: 'tk_domain',
    });
    const auth = await client()
      .send(request, { session: 'bad' })
      .catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(TopAuthError);
    expect(auth).toBeInstanceOf(TopError);
    expect(auth).toMatchObject({ code: 27 });
    gateway.inject({ kind: 'ban', seconds: 99 });
    const ban = await client()
      .send(request)
      .catch((e: unknown) => e);
    expect(ban).toBeInstanceOf(TopFlowControlError);
    expect(ban).toMatchObject({ retryAfterMs: 99_000 });
    expect(new TopInvalidParameterError('m', { code: 41, msg: 'Invalid arguments:x' }).param).toBeUndefined();
  });
});

describe('flow control in one process', () => {
  it('a short ban met by one call is waited out by the concurrent ones, which do not meet it', async () => {
    const c = client();
    gateway.inject({ kind: 'ban', seconds: 1 });
    await expect(c.send(request, { maxRetries: 0 })).rejects.toBeInstanceOf(TopFlowControlError);
    const sent = gateway.calls.length;
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 5 }, () => c.send(request, { maxRetries: 0 })));
    expect(results.every((r) => r.attempts === 1)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(gateway.calls.slice(sent).every((call) => call.error === undefined)).toBe(true);
  });

  it('a store passed to two clients makes them share one ban', async () => {
    const store = new MemoryFlowStore();
    gateway.inject({ kind: 'ban', seconds: 300 });
    await expect(client({ flowControl: store }).send(request)).rejects.toBeInstanceOf(TopFlowControlError);
    gateway.clearFaults();
    await expect(client({ flowControl: store }).send(request)).rejects.toMatchObject({ attempts: 0 });
    expect((await client().send(request)).attempts).toBe(1);
  });

  it('rateLimit spaces the calls of a client', async () => {
    const c = client({ rateLimit: { perSecond: 20 } });
    const from = gateway.calls.length;
    await Promise.all(Array.from({ length: 11 }, () => c.send(request)));
    const times = gateway.calls.slice(from).map((call) => call.receivedAt);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(480);
    expect(() => client({ rateLimit: { perSecond: 0 } })).toThrow('rateLimit.perSecond');
  });
});
