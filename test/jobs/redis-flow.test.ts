// Flow control shared by processes through Redis: a real redis-server started here, two real
// child processes of one app against the mock gateway. Together they stay within a limit of
// 10 requests/s (measured from the gateway's arrival times), and a ban one of them meets is
// honoured by the other. Also the store's own operations, atomic under concurrency.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisFlowStore } from '../../templates/redis/redis-store.js';
import { fixtureOf, startMockGateway, type MockGateway } from '../../generated/src/testing/index.js';
import { REPO_ROOT } from '../generate/golden-specs.js';
import { skipRedisTests, startRedisServer, type RedisServer } from './support/redis-server.js';

const run = promisify(execFile);
const WORKER = join(REPO_ROOT, 'test/jobs/support/flow-worker.ts');

async function worker(job: object): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(job)], {
    cwd: REPO_ROOT,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** The most calls in any window `[t, t + ms)` starting at a call. */
function maxIn(times: number[], ms = 1000): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** The most calls in one calendar second (how a per-second quota counts). */
function maxPerClockSecond(times: number[]): number {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1);
  return Math.max(...counts.values());
}

describe.skipIf(skipRedisTests())('Redis flow-control store (real redis-server)', () => {
  let server: RedisServer;
  let gateway: MockGateway;
  let redis: ReturnType<typeof createClient>;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = createClient({ url: server.url });
    await redis.connect();
    gateway = await startMockGateway({
      apps: { '12345678': 'flow-secret' },
      methods: [fixtureOf('taobao.tbk.uvid.encrypt')!],
    });
  }, 30_000);
  afterAll(async () => {
    await redis?.quit();
    await gateway?.close();
    await server?.stop();
  });

  it('keeps the later ban and expires it; takes tokens atomically at the limit', async () => {
    const store = new RedisFlowStore(redis, { prefix: 'unit:' });
    expect(await store.getBanUntil('a')).toBeUndefined();
    const until = Date.now() + 60_000;
    await store.setBanUntil('a', until);
    await store.setBanUntil('a', until - 30_000);
    expect(await store.getBanUntil('a')).toBe(until);
    expect(Number(await redis.pTTL('unit:a:ban'))).toBeGreaterThan(55_000);
    await store.setBanUntil('b', Date.now() - 1);
    expect(await store.getBanUntil('b')).toBeUndefined();
    // 40 takes at once at 20/s, burst 2: the waits are the queue, one slot of 50 ms each
    // (measured from each script's own moment, so a few ms less as the takes go on).
    const started = Date.now();
    const waits = await Promise.all(
      Array.from({ length: 40 }, () => store.takeToken('c', { perSecond: 20, burst: 2 })),
    );
    const elapsed = Date.now() - started;
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted.slice(0, 2)).toEqual([0, 0]);
    sorted.slice(2).forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(50 * (i + 1) - elapsed - 1);
      expect(wait).toBeLessThanOrEqual(50 * (i + 1) + 1);
    });
  });

  it('two processes with a limit of 10 requests/s together stay within it', async () => {
    const from = gateway.calls.length;
    // Both start together once loaded (loading the package takes a few seconds), for 8 s.
    const startAt = Date.now() + 10_000;
    const job = {
      redisUrl: server.url,
      gateway: gateway.url,
      mode: 'load',
      startAt,
      until: startAt + 8_000,
      concurrency: 4,
      perSecond: 10,
    };
    const results = await Promise.all([worker(job), worker(job)]);
    const all = results.flatMap((r) => r['sends'] as number[]).sort((a, b) => a - b);
    const allArrivals = gateway.calls
      .slice(from)
      .map((c) => c.receivedAt)
      .sort((a, b) => a - b);
    expect(allArrivals.length).toBe(all.length);
    // The first second is warm-up: a process's first calls leave late (compiling the code between
    // the token and the send), which crowds the calls right after them.
    const sends = all.filter((t) => t >= all[0]! + 1000);
    const arrivals = allArrivals.filter((t) => t >= allArrivals[0]! + 1000);
    const seconds = (sends.at(-1)! - sends[0]!) / 1000;
    const rate = (sends.length - 1) / seconds;
    console.log(
      `two processes, limit 10/s: ${all.length} calls (${results.map((r) => r['ok']).join(' + ')}) in ${((all.at(-1)! - all[0]!) / 1000).toFixed(2)} s; ` +
        `after the first second ${sends.length} calls sent in ${seconds.toFixed(2)} s = ${rate.toFixed(2)}/s, at most ${maxIn(sends)} in any 1 s, ${maxIn(sends, 5000)} in any 5 s; ` +
        `arriving at the gateway: ${((arrivals.length - 1) / ((arrivals.at(-1)! - arrivals[0]!) / 1000)).toFixed(2)}/s, most in a clock second ${maxPerClockSecond(arrivals)}, in any 1 s ${maxIn(arrivals)}, in any 2 s ${maxIn(arrivals, 2000)}, in any 5 s ${maxIn(arrivals, 5000)}`,
    );
    expect(results.every((r) => (r['errors'] as unknown[]).length === 0)).toBe(true);
    expect(results.every((r) => (r['ok'] as number) >= 20)).toBe(true);
    // The bucket schedules the calls of both processes 100 ms apart: 10/s on average, as sent
    // and as received. A call leaves at its slot or a little after (timers, a busy event loop),
    // so a short span that opens on a late call and closes on a timely one may hold one or two
    // more; over 5 s the excess of the sends stays within 5%. Arrivals add the network's and
    // the gateway's delays, which a loaded machine stretches: only their mean is the limiter's.
    const arrivalRate = (arrivals.length - 1) / ((arrivals.at(-1)! - arrivals[0]!) / 1000);
    expect(rate).toBeLessThanOrEqual(10.05);
    expect(rate).toBeGreaterThan(9);
    expect(arrivalRate).toBeLessThanOrEqual(10.1);
    expect(maxIn(sends, 5000)).toBeLessThanOrEqual(52);
  }, 60_000);

  it('a long ban one process meets makes the other fail at once without sending', async () => {
    gateway.inject({ kind: 'ban', seconds: 600 });
    const first = await worker({ redisUrl: server.url, gateway: gateway.url, mode: 'call' });
    expect(first).toMatchObject({ ok: false, error: { name: 'TopFlowControlError', code: 7, attempts: 1 } });
    const sent = gateway.calls.length;
    const second = await worker({ redisUrl: server.url, gateway: gateway.url, mode: 'call' });
    expect(second).toMatchObject({ ok: false, error: { name: 'TopFlowControlError', code: 7, attempts: 0 } });
    expect((second['error'] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(590_000);
    expect(gateway.calls.length).toBe(sent);
    gateway.clearFaults();
    await redis.del('tbk-client:flow:12345678:ban');
  }, 60_000);

  it('a short ban one process meets is waited out by the other before it sends', async () => {
    gateway.inject({ kind: 'ban', seconds: 2 });
    const first = await worker({ redisUrl: server.url, gateway: gateway.url, mode: 'call' });
    expect(first).toMatchObject({ ok: false, error: { name: 'TopFlowControlError', code: 7 } }); // maxRetries 0
    const banEnd = gateway.calls.at(-1)!.receivedAt + 2000;
    const sent = gateway.calls.length;
    const second = await worker({ redisUrl: server.url, gateway: gateway.url, mode: 'call' });
    expect(second).toMatchObject({ ok: true, attempts: 1 });
    const calls = gateway.calls.slice(sent);
    expect(calls.length).toBe(1);
    expect(calls[0]!.receivedAt).toBeGreaterThanOrEqual(banEnd - 50);
    expect(calls[0]!.error).toBeUndefined();
  }, 60_000);
});
