/**
 * Params of one page: the caller's params with the paging values (`page_no`, `position_index`,
 * `jump_type`, the window's `start_time` / `end_time`) set where the method takes them, at the
 * top level or inside the struct param `PagingMeta.param` (e.g. `publisher_refund_order_query_option`
 * of taobao.tbk.order.refund.get). The caller's objects are never changed.
 */
import type { PagingMeta } from './metadata.js';

export type PagingValues = Record<string, string | number | undefined>;

/** The params object that holds the paging params (a copy of the caller's). */
function holderOf(paging: PagingMeta, params: Record<string, unknown>): Record<string, unknown> {
  if (paging.param === undefined) return params;
  const value = params[paging.param];
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } else if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new TypeError(`paging: param ${paging.param} must be an object (or its JSON text)`);
}

/** The paging value of the caller's params (e.g. the `page_no` to start at). */
export function readPagingParam(paging: PagingMeta, params: object, name: string): unknown {
  return holderOf(paging, params as Record<string, unknown>)[name];
}

/** The params with `values` set (an undefined value removes the param). */
export function withPagingParams(paging: PagingMeta, params: object, values: PagingValues): Record<string, unknown> {
  const top = { ...(params as Record<string, unknown>) };
  const holder = paging.param === undefined ? top : { ...holderOf(paging, top) };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete holder[name];
    else holder[name] = value;
  }
  if (paging.param !== undefined) top[paging.param] = holder;
  return top;
}
