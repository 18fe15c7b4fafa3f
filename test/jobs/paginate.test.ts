// paginate over real HTTP against the mock gateway serving N records (setRecords): the page
// styles the generated metadata declares (page_no + total, page_no + has_next, page_no alone,
// page params inside a struct param), maxPages, the signal and the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  paginate,
  TopClient,
  TbkDgCpaActivityDetailRequest,
  TbkDgCpaActivityReportRequest,
  TbkScPunishOrderGetRequest,
  TbkShopGetRequest,
} from '../../generated/src/index.js';
import { fixtureOf, startMockGateway, type MockGateway } from '../../generated/src/testing/index.js';

const APP = { key: '12345678', secret: 'paging-secret' };
const METHODS = [
  'taobao.tbk.shop.get',
  'taobao.tbk.dg.cpa.activity.detail',
  'taobao.tbk.dg.cpa.activity.report',
  'taobao.tbk.sc.punish.order.get',
];
let gateway: MockGateway;
let client: TopClient;

beforeAll(async () => {
  gateway = await startMockGateway({ apps: { [APP.key]: APP.secret }, methods: METHODS.map((m) => fixtureOf(m)!) });
  client = new TopClient({ appKey: APP.key, appSecret: APP.secret, gateway: gateway.url });
});
afterAll(async () => {
  client.close();
  await gateway.close();
});

const shops = (n: number) => Array.from({ length: n }, (_, i) => ({ user_id: 1000 + i, shop_title: `shop ${i}` }));
const callsOf = (method: string) => gateway.calls.filter((c) => c.method === method);

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('paginate', () => {
  it('over a page-number method with 25 items and page_size 10 yields 3 pages, 25 items', async () => {
    gateway.setRecords('taobao.tbk.shop.get', shops(25));
    const before = callsOf('taobao.tbk.shop.get').length;
    const request = new TbkShopGetRequest({ fields: 'user_id,shop_title', q: 'x', page_size: 10 });
    const pages = await collect(paginate(client, request, { session: 'sess-1' }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.pageNo)).toEqual([1, 2, 3]);
    const ids = pages.flatMap((p) => p.items.map((shop) => shop.user_id));
    expect(ids).toEqual(shops(25).map((s) => s.user_id));
    expect(pages[0]!.data.total_results).toBe(25);
    const sent = callsOf('taobao.tbk.shop.get').slice(before);
    expect(sent.map((c) => [c.params['page_no'], c.params['page_size'], c.params['session']])).toEqual([
      ['1', '10', 'sess-1'],
      ['2', '10', 'sess-1'],
      ['3', '10', 'sess-1'],
    ]);
    expect(sent.every((c) => c.verified)).toBe(true);
  });

  it('stops at total_results when the last page is full', async () => {
    gateway.setRecords('taobao.tbk.shop.get', shops(20));
    const pages = await collect(paginate(client, new TbkShopGetRequest({ fields: 'user_id', q: 'x', page_size: 10 })));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10]);
  });

  it('stops at has_next false (page params and has_next nested in the response)', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ mid: `m${i}` }));
    gateway.setRecords('taobao.tbk.dg.cpa.activity.detail', rows);
    const request = new TbkDgCpaActivityDetailRequest({ event_id: 1, page_size: 3, query_type: 1 });
    const pages = await collect(paginate(client, request));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)!.data.result?.data?.has_next).toBe(false);
  });

  it('without has_next or total stops at a short or empty page', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ pid: `p${i}` }));
    gateway.setRecords('taobao.tbk.dg.cpa.activity.report', rows);
    const request = new TbkDgCpaActivityReportRequest({ event_id: 1, biz_date: '2024-01-01', page_size: 3 });
    const pages = await collect(paginate(client, request));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 0]);
  });

  it('sets page_no inside the struct param that holds it, starting at the page asked', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ tb_trade_id: 10 + i }));
    gateway.setRecords('taobao.tbk.sc.punish.order.get', rows);
    const before = callsOf('taobao.tbk.sc.punish.order.get').length;
    const request = new TbkScPunishOrderGetRequest({ af_order_option: { page_size: 2, page_no: 2 } });
    const pages = await collect(paginate(client, request));
    expect(pages.map((p) => p.items.map((r) => r.tb_trade_id))).toEqual([[12, 13], [14]]);
    const sent = callsOf('taobao.tbk.sc.punish.order.get').slice(before);
    expect(sent.map((c) => JSON.parse(c.params['af_order_option']!))).toEqual([
      { page_size: 2, page_no: 2 },
      { page_size: 2, page_no: 3 },
    ]);
  });

  it('takes maxPages and the signal', async () => {
    gateway.setRecords('taobao.tbk.shop.get', shops(100));
    const request = new TbkShopGetRequest({ fields: 'user_id', q: 'x', page_size: 10 });
    expect((await collect(paginate(client, request, { maxPages: 2 }))).length).toBe(2);
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of paginate(client, request, { signal: controller.signal })) {
          seen.push(page.pageNo);
          if (page.pageNo === 2) controller.abort(new Error('enough'));
        }
      })(),
    ).rejects.toThrow('enough');
    expect(seen).toEqual([1, 2]);
  });
});
