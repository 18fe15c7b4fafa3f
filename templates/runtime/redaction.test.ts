import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { TopClient } from './client.js';
import type { TopClientOptions } from './client-options.js';
import { TopError, TopResponseError, TopTransportError, TopValidationError } from './errors.js';
import type { TopLogEvent } from './logger.js';
import type { MethodMeta } from './metadata.js';
import { PARAM_CHECKS } from './param-checks.js';
import { startLocalGateway, type LocalGateway, type Reply } from './test-support/local-gateway.js';
import type { FetchLike } from './transport.js';

const SECRET = 'S3cr3t-app-secret-0f9e8d';
const SESSION = '6100a1b2c3d4e5f6session77';

const meta: MethodMeta = {
  method: 'taobao.tbk.test.redact',
  auth: 'required',
  rootKey: 'tbk_test_redact_response',
  request: [
    { name: 'adzone_id', kind: 'number', required: true },
    { name: 'flag', kind: 'boolean' },
  ],
  response: [{ name: 'ok', kind: 'boolean' }],
  types: {},
  checks: PARAM_CHECKS,
};
const request = (
  params: Record<string, unknown> = { adzone_id: 1 },
): { meta: MethodMeta; params: Record<string, unknown> } => ({ meta, params });
const echo = `Invalid session ${SESSION} for app secret ${SECRET}`;

let gateway: LocalGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** Every way an event or error can be shown: none may reveal the credentials. */
function renderings(value: unknown): string[] {
  const out = [
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '',
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    String(value),
  ];
  if (value instanceof Error) out.push(value.stack ?? '', value.message, inspect(value.cause, { depth: Infinity }));
  return out;
}

function expectNoCredentials(values: unknown[]): void {
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) {
    for (const text of renderings(value)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SESSION);
    }
  }
}

async function run(
  reply: Reply | undefined,
  options: Partial<TopClientOptions>,
  params?: Record<string, unknown>,
): Promise<{ events: TopLogEvent[]; error: unknown }> {
  if (reply) gateway = await startLocalGateway(() => reply);
  const events: TopLogEvent[] = [];
  const client = new TopClient({
    appKey: 'k',
    appSecret: SECRET,
    gateway: gateway?.url ?? 'http://127.0.0.1:9/router/rest',
    maxRetries: 1,
    retryBaseMs: 1,
    logger: (e) => events.push(e),
    ...options,
  });
  const error = await client.execute(request(params), { session: SESSION }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { events, error };
}

describe('the secret and the session never leak', () => {
  it('from a successful call: the logged URL shows session=*** and the sign', async () => {
    const { events, error } = await run({ body: '{"tbk_test_redact_response":{"ok":true}}' }, {});
    expect(error).toBeUndefined();
    const sent = events.find((e) => e.type === 'request');
    expect(sent?.type === 'request' && sent.url).toMatch(/[?&]session=\*\*\*(&|$)/);
    expect(sent?.type === 'request' && sent.url).toMatch(/[?&]sign=[0-9A-F]{64}(&|$)/);
    expect(gateway!.requests[0]!.query['session']).toBe(SESSION);
    expectNoCredentials(events);
  });

  it('from a TopError whose sub_msg echoes them', async () => {
    const body = JSON.stringify({
      error_response: { code: 27, msg: `Invalid session ${SESSION}`, sub_code: 'invalid-sessionkey', sub_msg: echo },
    });
    const { events, error } = await run({ body }, {});
    expect(error).toBeInstanceOf(TopError);
    expect((error as TopError).subMsg).toBe('Invalid session *** for app secret ***');
    expectNoCredentials([...events, error]);
  });

  it('from HTTP 5xx and unusable bodies that echo them', async () => {
    const http = await run({ status: 503, body: echo }, {});
    expect(http.error).toBeInstanceOf(TopTransportError);
    expect((http.error as TopTransportError).body).toBe('Invalid session *** for app secret ***');
    expectNoCredentials([...http.events, http.error]);
    await gateway?.close();
    gateway = undefined;
    const bad = await run({ body: `<html>${echo}</html>` }, {});
    expect(bad.error).toBeInstanceOf(TopResponseError);
    expectNoCredentials([...bad.events, bad.error]);
  });

  it('from malformed JSON: not even the first characters JSON.parse would quote', async () => {
    const json = await run({ body: `{"tbk_test_redact_response": ${SECRET}}` }, {});
    expect(json.error).toBeInstanceOf(TopResponseError);
    expect((json.error as Error).message).toContain('invalid JSON (Unexpected token');
    expect((json.error as Error).message).not.toContain(SECRET.slice(0, 6));
    expectNoCredentials([...json.events, json.error]);
  });

  it('from network errors whose message quotes the request URL', async () => {
    const fetch: FetchLike = async (url) => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED for ${url} (${SECRET})`), { code: 'ECONNREFUSED' }),
      });
    };
    const { events, error } = await run(undefined, { fetch });
    expect(error).toMatchObject({ kind: 'network', errno: 'ECONNREFUSED', attempts: 2 });
    expect((error as Error).message).toContain('session=***');
    expectNoCredentials([...events, error]);
  });

  it('from timeouts', async () => {
    const { events, error } = await run({ body: '{}', delayMs: 300 }, { timeoutMs: 30 });
    expect(error).toMatchObject({ kind: 'timeout' });
    expectNoCredentials([...events, error]);
  });

  it('from validation errors quoting a param value', async () => {
    const { events, error } = await run(undefined, {}, { adzone_id: 1, flag: `${SESSION}${SECRET}` });
    expect(error).toBeInstanceOf(TopValidationError);
    expect((error as Error).message).toContain('expects a boolean, got "***');
    expectNoCredentials([...events, error]);
  });

  it('from the client object and option errors', () => {
    const client = new TopClient({ appKey: 'k', appSecret: SECRET });
    expectNoCredentials([client]);
    const bad = (() => {
      try {
        return new TopClient({ appKey: 'k', appSecret: SECRET, timeoutMs: -1 });
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toBeInstanceOf(TypeError);
    expectNoCredentials([bad]);
  });
});
