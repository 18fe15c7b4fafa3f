/**
 * Paging a page-number method: `paginate` asks page after page until the last one (has_next
 * false, a short or empty page, or total_results). Run against the mock gateway:
 * `node --import tsx scripts/examples/paging.ts`.
 */
import { paginate, TbkShopGetRequest, TopClient } from 'tbk-client';
import { fixtureOf, startMockGateway } from 'tbk-client/testing';

const gateway = await startMockGateway({ apps: { demo: 'demo-secret' }, methods: [fixtureOf('taobao.tbk.shop.get')!] });
gateway.setRecords(
  'taobao.tbk.shop.get',
  Array.from({ length: 25 }, (_, i) => ({ user_id: i, shop_title: `shop ${i}` })),
);
const client = new TopClient({ appKey: 'demo', appSecret: 'demo-secret', gateway: gateway.url });

const request = new TbkShopGetRequest({ fields: 'user_id,shop_title', q: '女装', page_size: 10 });
for await (const page of paginate(client, request, { maxPages: 10 })) {
  console.log(`page ${page.pageNo}: ${page.items.length} shops, first ${page.items[0]?.shop_title}`);
}
client.close();
await gateway.close();
