/**
 * `paginate(client, request, options)`: the pages of a method that pages (its generated
 * `meta.paging`, docs/runtime.md "Paging"), from the request's `page_no` (default 1) on, each
 * decoded and typed, until the last page (page-step.ts), `maxPages` or the signal. `cursor`
 * methods send each page's `position_index` back with the next page and `jump_type: 1`.
 * A method that does not page is a type error: its `meta` is not a `PagedMethodMeta`.
 */
import type { CallOptions, TopResult } from './client.js';
import type { PagedMethodMeta } from './metadata.js';
import { readPageStep } from './page-step.js';
import { readPagingParam, withPagingParams } from './paging-params.js';
import type { ResponseOf, TopRequest } from './request.js';

/** What paging needs of a client: `send` (a `TopClient`, or a client from `withOptions`). */
export interface TopSender {
  send<Q extends TopRequest<object, object>>(request: Q, options?: CallOptions): Promise<TopResult<ResponseOf<Q>>>;
}

/** A request of a method that pages. */
export type PagedRequest = TopRequest<object, object> & { readonly meta: PagedMethodMeta };

/** The type of one item of a page of `Q` (the request class's type-only `__item` link). */
export type ItemOf<Q> = Q extends { readonly __item?: infer I } ? Exclude<I, undefined> : unknown;

export interface PaginateOptions extends Omit<CallOptions, 'signal'> {
  /** Stop after this many pages (default: no limit but the last page). */
  maxPages?: number;
  /** Stops the paging (the pending call rejects with the signal's reason). */
  signal?: AbortSignal;
}

export interface Page<Q> {
  /** The decoded page. */
  data: ResponseOf<Q>;
  /** Its items (the list named by `meta.paging.items`; empty when missing). */
  items: ItemOf<Q>[];
  /** The `page_no` it was asked with. */
  pageNo: number;
  requestId: string | undefined;
}

function startPage(value: unknown): number {
  if (value === undefined || value === null || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new TypeError(`paginate: page_no must be an integer ≥ 1, got ${String(value)}`);
  return n;
}

export async function* paginate<Q extends PagedRequest>(
  client: TopSender,
  request: Q,
  options: PaginateOptions = {},
): AsyncGenerator<Page<Q>, void, undefined> {
  const { meta } = request;
  const paging = meta.paging;
  if (!paging) throw new TypeError(`paginate: ${meta.method} does not page`);
  const { maxPages = Infinity, ...call } = options;
  if (!(maxPages >= 1)) throw new TypeError(`paginate: maxPages must be ≥ 1, got ${String(maxPages)}`);
  let pageNo = startPage(readPagingParam(paging, request.params, 'page_no'));
  const pageSize = readPagingParam(paging, request.params, 'page_size');
  let position = readPagingParam(paging, request.params, 'position_index') as string | undefined;
  let seen = 0;
  for (let pages = 0; pages < maxPages; pages++) {
    call.signal?.throwIfAborted();
    const values =
      paging.style === 'cursor' && position !== undefined
        ? { page_no: pageNo, position_index: position, jump_type: 1 }
        : { page_no: pageNo };
    const params = withPagingParams(paging, request.params, values);
    const result = await client.send({ meta, params } as Q, call);
    const step = readPageStep(paging, result.data, { pageNo, pageSize, seenBefore: seen });
    yield { data: result.data, items: step.items as ItemOf<Q>[], pageNo, requestId: result.requestId };
    if (!step.more) return;
    seen += step.items.length;
    position = step.position ?? position;
    pageNo++;
  }
}
