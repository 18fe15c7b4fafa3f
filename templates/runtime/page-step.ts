/**
 * What one decoded page says about the next (shared by `paginate` and `syncOrders`): its items,
 * and whether another page follows. The last page is the one that has `has_next: false`, is
 * empty, is shorter than the page size asked (or the doc's default), or reaches
 * `total_results` / `total_count`.
 */
import type { PagingMeta } from './metadata.js';
import { readList, readPath } from './response-path.js';

export interface PageStep {
  items: unknown[];
  /** Another page follows. */
  more: boolean;
  /** `cursor` methods: the `position_index` to send with the next page. */
  position: string | undefined;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Where a page sits: its number, the size asked (undefined: the doc's default), items read before it. */
export interface PageAt {
  pageNo: number;
  pageSize: unknown;
  seenBefore: number;
}

/** Reads a page. */
export function readPageStep(paging: PagingMeta, data: unknown, at: PageAt): PageStep {
  const { pageNo } = at;
  const items = readList(data, paging.items);
  const size = toNumber(at.pageSize) ?? paging.defaultPageSize;
  const hasNext = paging.hasNext ? readPath(data, paging.hasNext) : undefined;
  const total = paging.total ? toNumber(readPath(data, paging.total)) : undefined;
  const positionValue = paging.position ? readPath(data, paging.position) : undefined;
  const position = typeof positionValue === 'string' && positionValue !== '' ? positionValue : undefined;
  let more = items.length > 0 && hasNext !== false;
  if (more && size !== undefined && items.length < size) more = false;
  const reached = size !== undefined ? pageNo * size : at.seenBefore + items.length;
  if (more && total !== undefined && reached >= total) more = false;
  // A cursor method that gives no position to continue from cannot be paged further.
  if (more && paging.style === 'cursor' && hasNext !== true && position === undefined) more = false;
  return { items, more, position };
}
