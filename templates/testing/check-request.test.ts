import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindsFixture } from '../../test/testing/fixtures/kinds-fixture.js';
import { picEmbedFixture } from '../../test/testing/fixtures/pic-embed-fixture.js';
import { APP_KEY, APP_SECRET, callGateway, errorOf, type SignedCall } from '../../test/testing/fixtures/signed-call.js';
import { formatTopTimestamp } from '../runtime/timestamp.js';
import { parseTopTimestamp } from './check-request.js';
import { startMockGateway, type MockGateway } from './mock-gateway.js';

let gateway: MockGateway;
beforeAll(async () => {
  gateway = await startMockGateway({
    apps: { [APP_KEY]: APP_SECRET },
    methods: [kindsFixture, picEmbedFixture],
    sessions: ['good-session'],
  });
});
afterAll(() => gateway.close());

const kinds: SignedCall = { method: kindsFixture.meta.method, params: kindsFixture.example };
const minutesAgo = (m: number) => formatTopTimestamp(Date.now() - m * 60_000);

// Each case breaks one rule of a valid call; the code is TOP's for that rule.
const cases: [string, SignedCall, number, string, string?][] = [
  ['no method', { ...kinds, method: undefined }, 21, 'Missing method'],
  ['an unknown method', { ...kinds, method: 'taobao.tbk.nope' }, 22, 'Invalid method', 'isv.method-not-exist'],
  ['no app_key', { ...kinds, omit: ['app_key'] }, 28, 'Missing app key'],
  ['an unknown app_key', { ...kinds, appKey: '999' }, 29, 'Invalid app Key', 'isv.appkey-not-exists'],
  ['no timestamp', { ...kinds, omit: ['timestamp'] }, 30, 'Missing timestamp'],
  ['a timestamp not in yyyy-MM-dd HH:mm:ss', { ...kinds, timestamp: '2024/01/01 00:00:00' }, 31, 'Invalid timestamp'],
  ['a timestamp 11 minutes old', { ...kinds, timestamp: minutesAgo(11) }, 31, 'Invalid timestamp'],
  ['a timestamp 11 minutes ahead', { ...kinds, timestamp: minutesAgo(-11) }, 31, 'Invalid timestamp'],
  ['no v', { ...kinds, omit: ['v'] }, 32, 'Missing version'],
  ['v=1.0', { ...kinds, params: { ...kinds.params, v: '1.0' } }, 34, 'Unsupported version'],
  ['sign_method=sha1', { ...kinds, signMethod: 'sha1' }, 25, 'Invalid signature', 'isv.invalid-sign-method'],
  ['no sign', { ...kinds, omit: ['sign'] }, 24, 'Missing signature'],
  ['a sign made with another secret', { ...kinds, secret: 'other' }, 25, 'Invalid signature'],
  ['a tampered sign', { ...kinds, signOverride: '0'.repeat(64) }, 25, 'Invalid signature'],
  [
    'no session for an auth-required method',
    { method: picEmbedFixture.meta.method, params: picEmbedFixture.example },
    26,
    'Missing session',
  ],
  ['a session not in `sessions`', { ...kinds, session: 'bad-session' }, 27, 'Invalid session'],
  [
    'no required adzone_id',
    { ...kinds, params: { fields: 'a' } },
    40,
    'Missing required arguments:adzone_id',
    'isv.missing-parameter:adzone_id',
  ],
  [
    'a blank required param',
    { ...kinds, params: { adzone_id: '1', fields: ' ' } },
    40,
    'Missing required arguments:fields',
  ],
  [
    'a Number param that is not an integer',
    { ...kinds, params: { ...kinds.params, adzone_id: '1.5' } },
    41,
    'Invalid arguments:adzone_id',
    'isv.invalid-parameter:adzone_id',
  ],
  [
    'a Number list with a bad element',
    { ...kinds, params: { ...kinds.params, item_ids: '1,x' } },
    41,
    'Invalid arguments:item_ids',
  ],
  [
    'a Boolean param that is not true/false',
    { ...kinds, params: { ...kinds.params, is_tmall: 'yes' } },
    41,
    'Invalid arguments:is_tmall',
  ],
  [
    'a Price param that is not decimal',
    { ...kinds, params: { ...kinds.params, start_price: '1,5' } },
    41,
    'Invalid arguments:start_price',
  ],
  ['a Json param that is not JSON', { ...kinds, params: { ...kinds.params, ext: '{a' } }, 41, 'Invalid arguments:ext'],
  [
    'a struct param that is a JSON array',
    { ...kinds, params: { ...kinds.params, option: '[]' } },
    41,
    'Invalid arguments:option',
  ],
  [
    'a byte[] param sent as text',
    {
      method: picEmbedFixture.meta.method,
      params: { ...picEmbedFixture.example, pic_stream: 'x' },
      session: 'good-session',
    },
    41,
    'Invalid arguments:pic_stream',
  ],
  [
    'no app_key and no timestamp: the app key is checked first',
    { ...kinds, omit: ['app_key', 'timestamp'] },
    28,
    'Missing app key',
  ],
  [
    'a bad signature and a missing param: the signature is checked first',
    { ...kinds, params: {}, secret: 'x' },
    25,
    'Invalid signature',
  ],
];

describe('protocol checks', () => {
  it.each(cases)('refuses %s', async (_name, call, code, msg, subCode) => {
    const err = errorOf((await callGateway(gateway.url, call)).text);
    expect(err).toMatchObject({ code, msg, request_id: expect.stringMatching(/^[0-9a-z]{13}$/) });
    if (subCode) expect(err?.sub_code).toBe(subCode);
    expect(gateway.calls.at(-1)!.error).toMatchObject({ code });
  });

  it('accepts a timestamp 9 minutes old and a valid session', async () => {
    const res = await callGateway(gateway.url, { ...kinds, timestamp: minutesAgo(9), session: 'good-session' });
    expect(errorOf(res.text)).toBeUndefined();
  });

  it('answers 23 Invalid format in XML for an unknown format', async () => {
    const res = await callGateway(gateway.url, { ...kinds, format: 'yaml' });
    expect(res.text).toMatch(/^<\?xml[^>]*\?><error_response><code>23<\/code><msg>Invalid format<\/msg>/);
  });

  it('answers errors in XML by default', async () => {
    const res = await callGateway(gateway.url, { ...kinds, omit: ['format'], secret: 'other' });
    expect(res.text).toMatch(
      /<error_response><code>25<\/code><msg>Invalid signature<\/msg><request_id>[0-9a-z]{13}<\/request_id><\/error_response>$/,
    );
  });

  it('keeps the error_response root for simplify=true', async () => {
    const res = await callGateway(gateway.url, { ...kinds, simplify: true, secret: 'other' });
    expect(errorOf(res.text)?.code).toBe(25);
  });

  it('takes a missing sign_method as md5', async () => {
    const res = await callGateway(gateway.url, { ...kinds, omit: ['sign_method'] });
    expect(errorOf(res.text)).toBeUndefined();
    expect(gateway.calls.at(-1)!.verified).toBe(true);
  });

  it('uses the gateway clock given as `now`', async () => {
    const past = Date.UTC(2020, 0, 1, 4, 0, 0);
    const g = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [kindsFixture], now: () => past });
    try {
      const ok = await callGateway(g.url, { ...kinds, timestamp: '2020-01-01 12:05:00' });
      expect(errorOf(ok.text)).toBeUndefined();
      const late = await callGateway(g.url, { ...kinds, timestamp: formatTopTimestamp(Date.now()) });
      expect(errorOf(late.text)?.code).toBe(31);
    } finally {
      await g.close();
    }
  });
});

describe('parseTopTimestamp', () => {
  it('reads yyyy-MM-dd HH:mm:ss as GMT+8', () => {
    expect(parseTopTimestamp('2016-01-01 12:00:00')).toBe(Date.UTC(2016, 0, 1, 4, 0, 0));
  });
  it.each(['2016-02-30 00:00:00', '2016-01-01T12:00:00', '2016-01-01 24:00:00', ''])('refuses %j', (text) => {
    expect(parseTopTimestamp(text)).toBeUndefined();
  });
});
