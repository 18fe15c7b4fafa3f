// Acceptance of syncOrders against the mock gateway over real HTTP: 7 hours of orders served
// in pages of 3 by position_index and time window. Every order once, no window over 3 hours,
// no gap between windows, and a resume from any checkpoint neither repeats nor skips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatTopTimestamp,
  syncOrders,
  TbkOrderDetailsGetRequest,
  TbkOrderRefundGetRequest,
  TbkDgNewuserOrderGetRequest,
  TopClient,
  TopInvalidParameterError,
  type SyncCheckpoint,
} from '../../generated/src/index.js';
import { fixtureOf, parseTopTimestamp, startMockGateway, type MockGateway } from '../../generated/src/testing/index.js';

const APP = { key: '12345678', secret: 'sync-secret' };
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 5, 18, 0, 0, 0) - 8 * HOUR; // 2024-06-18 00:00:00 in GMT+8
const T_END = T0 + 7 * HOUR;
const METHOD = 'taobao.tbk.order.details.get';

/** 7 h of orders: one every ~9.5 minutes, plus orders on the window bounds and outside the range. */
function makeOrders(): { trade_id: string; trade_parent_id: string; tk_create_time: string }[] {
  const times = [T0 - 1000, T0, T0 + 3 * HOUR - 1000, T0 + 3 * HOUR, T0 + 6 * HOUR, T_END - 1000, T_END];
  for (let t = T0 + 17_000; t < T_END; t += 571_000) times.push(t);
  times.sort((a, b) => a - b);
  return times.map((t, i) => ({
    trade_id: `${900000000000000000n + BigInt(i)}`,
    trade_parent_id: `p${Math.floor(i / 2)}`,
    tk_create_time: formatTopTimestamp(t),
  }));
}
const ORDERS = makeOrders();
const IN_RANGE = ORDERS.filter((o) => {
  const t = parseTopTimestamp(o.tk_create_time)!;
  return t >= T0 && t < T_END;
}).map((o) => o.trade_id);

let gateway: MockGateway;
let client: TopClient;
beforeAll(async () => {
  const methods = [METHOD, 'taobao.tbk.order.refund.get', 'taobao.tbk.dg.newuser.order.get'].map((m) => fixtureOf(m)!);
  gateway = await startMockGateway({ apps: { [APP.key]: APP.secret }, methods });
  gateway.setRecords(METHOD, ORDERS);
  client = new TopClient({ appKey: APP.key, appSecret: APP.secret, gateway: gateway.url });
});
afterAll(async () => {
  client.close();
  await gateway.close();
});

interface Run {
  ids: string[];
  /** Each checkpoint with the number of orders taken before it. */
  checkpoints: { checkpoint: SyncCheckpoint; taken: number }[];
}

async function run(checkpoint?: SyncCheckpoint, crashAt?: number): Promise<Run> {
  const out: Run = { ids: [], checkpoints: [] };
  const sync = syncOrders(client, TbkOrderDetailsGetRequest, {
    start: new Date(T0),
    end: T_END,
    params: { page_size: 3, query_type: 1 },
    ...(checkpoint && { checkpoint }),
    onProgress: (cp) => {
      // Stored as a job would store it: JSON text.
      out.checkpoints.push({ checkpoint: JSON.parse(JSON.stringify(cp)), taken: out.ids.length });
      if (out.checkpoints.length === crashAt) throw new Error('crash after storing the checkpoint');
    },
  });
  try {
    for await (const order of sync) out.ids.push(order.trade_id!);
  } catch (e) {
    if (crashAt === undefined) throw e;
  }
  return out;
}

const windowsSent = (from: number) =>
  gateway.calls
    .slice(from)
    .filter((c) => c.method === METHOD)
    .map((c) => ({
      start: parseTopTimestamp(c.params['start_time']!)!,
      end: parseTopTimestamp(c.params['end_time']!)!,
      c,
    }));

describe('syncOrders over 7 hours of orders in pages of 3', () => {
  it('yields every order exactly once, with windows of at most 3 h and no gap', async () => {
    const from = gateway.calls.length;
    const full = await run();
    expect(full.ids).toEqual(IN_RANGE);
    expect(new Set(full.ids).size).toBe(full.ids.length);
    const sent = windowsSent(from);
    expect(sent.every((w) => w.c.verified && w.c.error === undefined)).toBe(true);
    expect(Math.max(...sent.map((w) => w.end - w.start))).toBeLessThanOrEqual(3 * HOUR);
    const windows = [...new Map(sent.map((w) => [`${w.start}`, w])).values()].map((w) => [w.start, w.end]);
    expect(windows).toEqual([
      [T0, T0 + 3 * HOUR],
      [T0 + 3 * HOUR, T0 + 6 * HOUR],
      [T0 + 6 * HOUR, T_END],
    ]);
    // Paged with position_index after the first page of each window, as the docs describe.
    const later = sent.filter((w) => w.c.params['page_no'] !== '1');
    expect(later.length).toBeGreaterThan(10);
    expect(
      later.every((w) => w.c.params['position_index']?.startsWith('mock_') && w.c.params['jump_type'] === '1'),
    ).toBe(true);
    expect(sent.every((w) => w.c.params['page_size'] === '3' && w.c.params['query_type'] === '1')).toBe(true);
    expect(full.checkpoints.at(-1)!.checkpoint.done).toBe(true);
  });

  it('resumes from a checkpoint stored mid-way (a crash after it) without repeating or skipping', async () => {
    const first = await run(undefined, 5);
    const stored = first.checkpoints.at(-1)!.checkpoint;
    expect(stored).toMatchObject({ windowStart: T0, pageNo: 6, done: false });
    expect(stored.position).toMatch(/^mock_15_/);
    const rest = await run(stored);
    expect([...first.ids, ...rest.ids]).toEqual(IN_RANGE);
  });

  it('resumes from every checkpoint of a full run with exactly the orders after it', async () => {
    const full = await run();
    for (const { checkpoint, taken } of full.checkpoints) {
      expect((await run(checkpoint)).ids).toEqual(full.ids.slice(taken));
    }
  });

  it('yields an order the gateway repeats on both sides of a window bound once', async () => {
    const twice = { trade_id: '7', trade_parent_id: 'p7', tk_create_time: formatTopTimestamp(T0 + 3 * HOUR + 2000) };
    const once = { ...twice, tk_create_time: formatTopTimestamp(T0 + 3 * HOUR - 2000) };
    gateway.setRecords(METHOD, [once, twice]);
    try {
      const ids: string[] = [];
      for await (const o of syncOrders(client, TbkOrderDetailsGetRequest, { start: T0, end: T_END }))
        ids.push(o.trade_id!);
      expect(ids).toEqual(['7']);
    } finally {
      gateway.setRecords(METHOD, ORDERS);
    }
  });

  it('refuses a checkpoint of another range', async () => {
    const bad = { end: T_END + 1000, windowStart: T0, windowEnd: T0 + HOUR, pageNo: 1, done: false };
    await expect(run(bad)).rejects.toThrow('checkpoint is not one of this range');
  });

  it('a window longer than the docs allow is refused by the gateway as an invalid parameter', async () => {
    const sync = syncOrders(client, TbkOrderDetailsGetRequest, { start: T0, end: T_END, windowMs: 4 * HOUR });
    const error = await sync.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopInvalidParameterError);
    expect(error).toMatchObject({ code: 50, subCode: 'isv.invalid-parameter:end_time', param: 'end_time' });
  });

  it('works for the refund orders, whose window and paging params sit in a struct param', async () => {
    const refunds = Array.from({ length: 8 }, (_, i) => ({
      tb_trade_id: `r${i}`,
      tb_trade_parent_id: `rp${i}`,
      tb_trade_create_time: formatTopTimestamp(T0 + i * HOUR),
    }));
    gateway.setRecords('taobao.tbk.order.refund.get', refunds);
    const ids: string[] = [];
    const option = { page_size: 3, order_scene: 1, query_type: 1, member_type: 2 };
    for await (const r of syncOrders(client, TbkOrderRefundGetRequest, {
      start: T0,
      end: T_END,
      params: { publisher_refund_order_query_option: option },
    }))
      ids.push(r.tb_trade_id!);
    expect(ids).toEqual(refunds.slice(0, 7).map((r) => r.tb_trade_id));
  });

  it('works for the page-number order method (taobao.tbk.dg.newuser.order.get)', async () => {
    const users = Array.from({ length: 5 }, (_, i) => ({
      tb_trade_parent_id: 70 + i,
      register_time: formatTopTimestamp(T0 + i * HOUR),
    }));
    gateway.setRecords('taobao.tbk.dg.newuser.order.get', users, { timeField: 'register_time' });
    const ids: unknown[] = [];
    for await (const u of syncOrders(client, TbkDgNewuserOrderGetRequest, {
      start: T0,
      end: T_END,
      params: { activity_id: 'a', page_size: 2 },
    }))
      ids.push(u.tb_trade_parent_id);
    expect(ids).toEqual([70, 71, 72, 73, 74]);
  });
});
