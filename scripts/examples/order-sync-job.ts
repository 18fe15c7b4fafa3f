/**
 * An order-sync job: every few minutes, fetch the orders of the last hour (TOP updates orders
 * late) in windows of at most 3 hours, store each order, and keep the checkpoint so that a
 * restarted job continues where it stopped. Run against the mock gateway (no credentials
 * needed): `node --import tsx scripts/examples/order-sync-job.ts`. Against TOP, drop the mock
 * and set TOP_APP_KEY / TOP_APP_SECRET.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatTopTimestamp, syncOrders, TbkOrderDetailsGetRequest, TopClient, type SyncCheckpoint } from 'tbk-client';
import { fixtureOf, startMockGateway } from 'tbk-client/testing';

const CHECKPOINT_FILE = process.env['CHECKPOINT_FILE'] ?? 'order-sync.checkpoint.json';

async function loadCheckpoint(end: number): Promise<SyncCheckpoint | undefined> {
  try {
    const saved = JSON.parse(await readFile(CHECKPOINT_FILE, 'utf8')) as SyncCheckpoint;
    return saved.end === end && !saved.done ? saved : undefined;
  } catch {
    return undefined;
  }
}

async function syncOnce(client: TopClient, start: number, end: number): Promise<number> {
  let stored = 0;
  const checkpoint = await loadCheckpoint(end);
  for await (const order of syncOrders(client, TbkOrderDetailsGetRequest, {
    start,
    end,
    windowMs: 3 * 60 * 60 * 1000, // 20 * 60 * 1000 during big promotions (618, 双11)
    params: { query_type: 4, page_size: 100 }, // by update time: changed orders come again
    ...(checkpoint && { checkpoint }),
    // Store the orders of a page before its checkpoint: after a crash the page is read again.
    onProgress: (cp) => writeFile(CHECKPOINT_FILE, JSON.stringify(cp)),
  })) {
    stored++; // upsert by (trade_parent_id, trade_id) into your database here
    if (stored <= 3) console.log(order.trade_id, order.tk_create_time, order.alipay_total_price);
  }
  return stored;
}

// The mock gateway holds 7 hours of orders, one every 10 minutes.
const gateway = await startMockGateway({
  apps: { demo: 'demo-secret' },
  methods: [fixtureOf('taobao.tbk.order.details.get')!],
});
const end = Math.floor(Date.now() / 1000) * 1000;
const start = end - 7 * 60 * 60 * 1000;
gateway.setRecords(
  'taobao.tbk.order.details.get',
  Array.from({ length: 42 }, (_, i) => ({
    trade_id: `${3000 + i}`,
    trade_parent_id: `${2000 + i}`,
    tk_create_time: formatTopTimestamp(start + i * 600_000),
    alipay_total_price: '9.90',
  })),
  { timeField: 'tk_create_time' },
);
const client = new TopClient({
  appKey: 'demo',
  appSecret: 'demo-secret',
  gateway: gateway.url,
  rateLimit: { perSecond: 5 },
});
console.log(`stored ${await syncOnce(client, start, end)} orders`);
client.close();
await gateway.close();
