// Type-level checks of paginate and syncOrders, compiled by test/jobs/paging-types.test.ts
// (and by `tsc -p tsconfig.json`): every @ts-expect-error line must be an error, or tsc reports
// the directive as unused.
import {
  paginate,
  syncOrders,
  TbkOrderDetailsGetRequest,
  TbkShopGetRequest,
  TbkUvidEncryptRequest,
  TopClient,
  type TbkOrderDetailsGet,
  type TbkShopGet,
} from '../../generated/src/index.js';

export async function pagingTypes(client: TopClient): Promise<void> {
  for await (const page of paginate(client, new TbkShopGetRequest({ fields: 'user_id', q: 'x' }))) {
    const shops: TbkShopGet.NTbkShop[] = page.items;
    const total: number | bigint | undefined = page.data.total_results;
    void shops;
    void total;
  }
  // @ts-expect-error taobao.tbk.uvid.encrypt does not page
  paginate(client, new TbkUvidEncryptRequest({ tk_domain: 1, source_values: '1' }));

  for await (const order of syncOrders(client, TbkOrderDetailsGetRequest, {
    start: 0,
    end: 1000,
    params: { query_type: 1 },
  })) {
    const typed: TbkOrderDetailsGet.PublisherOrderDto = order;
    void typed;
  }
  // @ts-expect-error a page-number method without a time window is not an order method
  syncOrders(client, TbkShopGetRequest, { start: 0, end: 1000 });
  // @ts-expect-error the window params are syncOrders' own
  syncOrders(client, TbkOrderDetailsGetRequest, { start: 0, end: 1000, params: { start_time: 'x' } });
  // @ts-expect-error params of another method
  syncOrders(client, TbkOrderDetailsGetRequest, { start: 0, end: 1000, params: { adzone_id: 1 } });
}
