import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatTopTimestamp } from './timestamp.js';

/** Independent GMT+8 oracle: the ICU time zone database (Asia/Shanghai has had no DST since 1991). */
function beijing(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

// Instants around day, year and New York DST boundaries, a leap day, and epoch.
const INSTANTS = [
  0,
  Date.UTC(2016, 0, 1, 4, 0, 0),
  Date.UTC(2023, 11, 31, 16, 30, 5),
  Date.UTC(2024, 1, 29, 15, 59, 59),
  Date.UTC(2024, 2, 10, 6, 59, 59),
  Date.UTC(2024, 2, 10, 7, 0, 0),
  Date.UTC(2024, 10, 3, 5, 30, 0),
];

const script = `
const here = ${JSON.stringify(fileURLToPath(new URL('.', import.meta.url)))};
const { pathToFileURL } = await import('node:url');
const load = (f) => import(pathToFileURL(here + f).href);
const { formatTopTimestamp } = await load('timestamp.ts');
const { TopClient } = await load('client.ts');
const instants = ${JSON.stringify(INSTANTS)};
let sent;
const fetch = async (url) => {
  sent = new URL(url).searchParams.get('timestamp');
  return new Response('{"x_response":{}}', { headers: { 'content-type': 'application/json' } });
};
const at = ${INSTANTS[4]};
const client = new TopClient({ appKey: 'k', appSecret: 's', fetch, now: () => new Date(at) });
const meta = { method: 'taobao.x', auth: 'none', rootKey: 'x_response', request: [], response: [], types: {} };
await client.execute({ meta, params: {} });
console.log(JSON.stringify({
  zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  localHours: instants.map((ms) => new Date(ms).getHours()),
  formatted: instants.map((ms) => formatTopTimestamp(ms)),
  sent,
}));
`;

function runInZone(tz: string): { zone: string; localHours: number[]; formatted: string[]; sent: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as ReturnType<typeof runInZone>;
}

describe('formatTopTimestamp', () => {
  it('formats instants as GMT+8 yyyy-MM-dd HH:mm:ss', () => {
    expect(formatTopTimestamp(0)).toBe('1970-01-01 08:00:00');
    expect(formatTopTimestamp(new Date(Date.UTC(2016, 0, 1, 4, 0, 0)))).toBe('2016-01-01 12:00:00');
    expect(formatTopTimestamp(Date.UTC(2023, 11, 31, 16, 30, 5))).toBe('2024-01-01 00:30:05');
    for (const ms of INSTANTS) expect(formatTopTimestamp(ms)).toBe(beijing(ms));
  });

  it('refuses an invalid date', () => {
    expect(() => formatTopTimestamp(new Date('nope'))).toThrow(RangeError);
  });

  it.each(['UTC', 'America/New_York'])('gives GMT+8 text in a process running with TZ=%s', (tz) => {
    const out = runInZone(tz);
    expect(out.zone).toBe(tz);
    // The host zone really applies in the child: local hours differ from GMT+8 hours.
    const gmt8Hours = INSTANTS.map((ms) => Number(beijing(ms).slice(11, 13)));
    expect(out.localHours).not.toEqual(gmt8Hours);
    expect(out.formatted).toEqual(INSTANTS.map(beijing));
    expect(out.sent).toBe(beijing(INSTANTS[4]!));
  });
});
