/**
 * `syncOrders(client, RequestClass, options)`: every order of `[start, end)` of an order-like
 * method (its generated `meta.paging` has a time window and order ids: docs/runtime.md "Order
 * sync"). The range is cut into windows of at most `windowMs` (time-windows.ts); each window is
 * paged to its end (page-step.ts) with `start_time` / `end_time` in GMT+8, `page_no` counting
 * up and, for `cursor` methods, the previous page's `position_index` with `jump_type: 1`.
 * Each order is yielded once: an order whose ids (`meta.paging.identity`) were seen in this
 * window or the one before is skipped. After the last order of a page has been taken, the
 * checkpoint of the next page (plain JSON data) goes to `onProgress`; passed back as
 * `checkpoint`, it continues with that page, so nothing is repeated or skipped.
 */
import type { CallOptions } from './client.js';
import type { OrderMethodMeta } from './metadata.js';
import type { ItemOf, TopSender } from './paginate.js';
import { readPageStep } from './page-step.js';
import { withPagingParams } from './paging-params.js';
import type { TopRequest } from './request.js';
import {
  checkWindowMs,
  DEFAULT_WINDOW_MS,
  toEpochMs,
  wholeSeconds,
  windowAt,
  type TimeWindow,
} from './time-windows.js';
import { formatTopTimestamp } from './timestamp.js';

/** The request class of an order-like method (`TbkOrderDetailsGetRequest`, `TbkScOrderDetailsGetRequest`, …). */
export interface OrderRequestClass {
  readonly meta: OrderMethodMeta;
  /** `never`: any class's own params type fits. */
  new (params: never): TopRequest<object, object>;
}

/** The params type of a request class. */
export type ParamsOfClass<C> = C extends new (params: infer P) => unknown ? P : never;

type WindowKeys = 'start_time' | 'end_time' | 'page_no' | 'position_index' | 'jump_type';

/** The params of an order sync: the method's, without the window and paging params. */
export type SyncParams<P> = {
  [K in keyof P as K extends WindowKeys ? never : K]: NonNullable<P[K]> extends readonly unknown[] | Date | string
    ? P[K]
    : NonNullable<P[K]> extends object
      ? Omit<NonNullable<P[K]>, WindowKeys>
      : P[K];
};

/** Where a sync stands: the next page to ask for. JSON-serialisable; `done` once the range is read. */
export interface SyncCheckpoint {
  /** The range's end (epoch ms), to tell a checkpoint of another range apart. */
  end: number;
  /** The window of the next page, epoch ms `[windowStart, windowEnd)`. */
  windowStart: number;
  windowEnd: number;
  /** The next page of that window. */
  pageNo: number;
  /** `cursor` methods: the `position_index` to send with it. */
  position?: string;
  done: boolean;
}

export interface SyncOrdersOptions<P> extends Omit<CallOptions, 'signal'> {
  /** The range's start (inclusive). */
  start: Date | number;
  /** The range's end (exclusive). */
  end: Date | number;
  /** Longest window asked for, a whole number of seconds in ms (default 3 h; 20 min during big promotions). */
  windowMs?: number;
  /** The method's other params (`query_type`, `page_size`, `order_scene`, …). */
  params?: SyncParams<P>;
  signal?: AbortSignal;
  /** A checkpoint from `onProgress` of an earlier run over the same range: continues from it. */
  checkpoint?: SyncCheckpoint;
  /** Called after each page with the checkpoint of the next one. */
  onProgress?: (checkpoint: SyncCheckpoint) => void | Promise<void>;
}

/** The identity of an order: its ids joined, or undefined when it has none. */
function identityOf(item: unknown, fields: readonly string[]): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const ids = fields.map((f) => (item as Record<string, unknown>)[f]);
  if (ids.every((id) => id === undefined || id === null || id === '')) return undefined;
  return ids.map((id) => (id === undefined || id === null ? '' : String(id))).join('\u0000');
}

function firstCheckpoint(range: TimeWindow, windowMs: number, given: SyncCheckpoint | undefined): SyncCheckpoint {
  if (!given) {
    const w = windowAt(range.start, range.end, windowMs);
    return w
      ? { end: range.end, windowStart: w.start, windowEnd: w.end, pageNo: 1, done: false }
      : { end: range.end, windowStart: range.end, windowEnd: range.end, pageNo: 1, done: true };
  }
  const fits =
    given.end === range.end &&
    given.windowStart >= range.start &&
    given.windowEnd <= range.end &&
    given.windowStart <= given.windowEnd;
  if (!fits || !Number.isInteger(given.pageNo) || given.pageNo < 1)
    throw new TypeError('syncOrders: the checkpoint is not one of this range (start, end)');
  return { ...given };
}

export async function* syncOrders<C extends OrderRequestClass>(
  client: TopSender,
  Request: C,
  options: SyncOrdersOptions<ParamsOfClass<C>>,
): AsyncGenerator<ItemOf<InstanceType<C>>, void, undefined> {
  const meta = Request.meta;
  const paging = meta.paging;
  if (!paging?.window || !paging.identity)
    throw new TypeError(`syncOrders: ${meta.method} is not an order method (no time window or order ids)`);
  const { start, end, windowMs = DEFAULT_WINDOW_MS, params = {}, checkpoint, onProgress, ...call } = options;
  const range = wholeSeconds(toEpochMs(start, 'start'), toEpochMs(end, 'end'));
  const size = checkWindowMs(windowMs);
  let at = firstCheckpoint(range, size, checkpoint);
  let seen = new Set<string>();
  let before = new Set<string>();
  while (!at.done) {
    call.signal?.throwIfAborted();
    const values = {
      [paging.window.start]: formatTopTimestamp(at.windowStart),
      [paging.window.end]: formatTopTimestamp(at.windowEnd),
      page_no: at.pageNo,
      position_index: at.position,
      jump_type: at.position === undefined ? undefined : 1,
    };
    const result = await client.send({ meta, params: withPagingParams(paging, params, values) }, call);
    const step = readPageStep(paging, result.data, {
      pageNo: at.pageNo,
      pageSize: pageSizeOf(paging, params),
      seenBefore: 0,
    });
    for (const item of step.items) {
      const id = identityOf(item, paging.identity);
      if (id !== undefined) {
        if (seen.has(id) || before.has(id)) continue;
        seen.add(id);
      }
      yield item as ItemOf<InstanceType<C>>;
    }
    if (step.more)
      at = { ...at, pageNo: at.pageNo + 1, ...(step.position !== undefined && { position: step.position }) };
    else {
      const next = windowAt(at.windowEnd, range.end, size);
      at = next
        ? { end: range.end, windowStart: next.start, windowEnd: next.end, pageNo: 1, done: false }
        : { ...at, done: true };
      if (!at.done) delete at.position;
      [before, seen] = [seen, new Set()];
    }
    if (onProgress) await onProgress({ ...at });
  }
}

function pageSizeOf(paging: OrderMethodMeta['paging'], params: object): unknown {
  const holder = paging.param === undefined ? params : (params as Record<string, unknown>)[paging.param];
  return typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)['page_size'] : undefined;
}
