// Signing and credentials with the real TopClient: wrong secrets are refused by the gateway for
// every sign method, invalid params never reach the network, and no error or log line carries
// the app secret or the session.
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TopClient, type TopClientOptions } from '../../templates/runtime/client.js';
import { TopError, TopValidationError } from '../../templates/runtime/errors.js';
import type { TopLogEvent } from '../../templates/runtime/logger.js';
import { SIGN_METHODS } from '../../templates/runtime/sign.js';
import type { Fault } from '../../templates/testing/faults.js';
import { startMockGateway, type MockGateway } from '../../templates/testing/mock-gateway.js';
import { kindsFixture } from './fixtures/kinds-fixture.js';
import { picEmbedFixture } from './fixtures/pic-embed-fixture.js';
import { requestClassOf } from './fixtures/request-class.js';
import { APP_KEY, APP_SECRET } from './fixtures/signed-call.js';

const SESSION = 'sess-6f1d2c9a77e0';
const KindsRequest = requestClassOf(kindsFixture.meta);
const PicRequest = requestClassOf(picEmbedFixture.meta);

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({
    apps: { [APP_KEY]: APP_SECRET },
    methods: [kindsFixture, picEmbedFixture],
    sessions: [SESSION],
  });
});
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());

function client(options: Partial<TopClientOptions> = {}): TopClient {
  return new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    retryBaseMs: 1,
    retryMaxMs: 2,
    ...options,
  });
}

describe('signature', () => {
  it.each(SIGN_METHODS)('the gateway verifies a %s signature', async (signMethod) => {
    await client({ signMethod }).execute(new KindsRequest(kindsFixture.example), { session: SESSION });
    expect(gateway.calls.at(-1)).toMatchObject({ verified: true, params: { sign_method: signMethod } });
  });

  it.each(SIGN_METHODS)(
    'a %s request signed with the wrong secret is refused with code 25, once',
    async (signMethod) => {
      const before = gateway.calls.length;
      const error = await client({ signMethod, appSecret: 'not-the-secret' })
        .execute(new KindsRequest(kindsFixture.example))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TopError);
      expect(error).toMatchObject({ code: 25, msg: 'Invalid signature' });
      expect(gateway.calls.length - before).toBe(1);
      expect(gateway.calls.at(-1)).toMatchObject({ verified: false, params: { sign_method: signMethod } });
    },
  );

  it('sends a file part unsigned, and the gateway still verifies the signature', async () => {
    const pic = { data: new Uint8Array([137, 80, 78, 71]), filename: 'a.png', contentType: 'image/png' };
    await client().execute(new PicRequest({ ...picEmbedFixture.example, pic_stream: pic }), { session: SESSION });
    expect(gateway.calls.at(-1)).toMatchObject({
      verified: true,
      files: [{ name: 'pic_stream', filename: 'a.png', size: 4 }],
    });
  });
});

describe('local validation', () => {
  it('refuses a missing required param before any network call', async () => {
    let fetches = 0;
    const counting = client({ fetch: (url, init) => (fetches++, fetch(url, init)) });
    const before = gateway.calls.length;
    const { adzone_id: _missing, ...params } = kindsFixture.example;
    const error = await counting.execute(new KindsRequest(params)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopValidationError);
    expect((error as TopValidationError).message).toContain(kindsFixture.meta.method);
    expect((error as TopValidationError).problems).toEqual([
      { param: 'adzone_id', message: expect.stringContaining('required') },
    ]);
    expect(fetches).toBe(0);
    expect(gateway.calls.length).toBe(before);
  });
});

describe('credentials never leak', () => {
  const leaky = `session ${SESSION} of app secret ${APP_SECRET}`;
  const scenarios: [string, Fault | undefined, Record<string, unknown>][] = [
    ['a success', undefined, kindsFixture.example],
    [
      'an error_response quoting them',
      { kind: 'error', error: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey', sub_msg: leaky } },
      kindsFixture.example,
    ],
    ['an isp.* error quoting them, retried', { kind: 'isp-error', subMsg: leaky, times: 5 }, kindsFixture.example],
    [
      'an HTTP 502 page quoting them',
      { kind: 'http-error', body: `<html>${leaky}</html>`, times: 5 },
      kindsFixture.example,
    ],
    [
      'an answer that is no TOP answer',
      { kind: 'http-error', status: 200, body: `<html>${leaky}</html>` },
      kindsFixture.example,
    ],
    ['a cut connection', { kind: 'cut', times: 5 }, kindsFixture.example],
    ['a timeout', { kind: 'slow', ms: 2_000, times: 5 }, kindsFixture.example],
    ['a param value holding them', undefined, { ...kindsFixture.example, adzone_id: leaky, fields: leaky }],
  ];

  it.each(scenarios)('in %s', async (_name, fault, params) => {
    if (fault) gateway.inject(fault);
    const events: TopLogEvent[] = [];
    const c = client({ logger: (e) => events.push(e), timeoutMs: 100, maxRetries: 1 });
    const error = await c.execute(new KindsRequest(params), { session: SESSION }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const texts = [JSON.stringify(events), inspect(events, { depth: 10 }), inspect(c, { depth: 10, showHidden: true })];
    if (error !== undefined) {
      const e = error as Error;
      texts.push(String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }));
    }
    expect(events.length + (error === undefined ? 0 : 1)).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(APP_SECRET);
      expect(text).not.toContain(SESSION);
    }
    // Where the gateway or the caller put them in, the error shows them redacted.
    if (JSON.stringify(fault ?? params).includes(SESSION)) expect(inspect(error, { depth: 10 })).toContain('***');
  });
});
