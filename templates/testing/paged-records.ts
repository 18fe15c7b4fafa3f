/**
 * Records the mock gateway pages through, for a method that pages (its `meta.paging`):
 * `gateway.setRecords(method, records)` makes it answer each call with the page the call asks
 * for, so sync jobs and paging code can be tested against it (docs/mock-gateway.md "Paged
 * records"):
 * - time window (methods with `start_time` / `end_time`): only records whose `timeField`
 *   (GMT+8 text) is in `[start_time, end_time)`; a window longer than `maxWindowMs` (default
 *   3 h, the order APIs' documented limit) or reversed is refused in TOP's error format;
 * - `page`: `page_no` / `page_size` (default: the doc's default, else 20);
 * - `cursor`: the first page without `position_index`, every later page with the
 *   `position_index` of the page before (`jump_type` 1); a later page without it, or with a
 *   position of another window, is refused, as the docs say;
 * - the answer carries the items, `has_next`, the total and the next position where the
 *   response declares them.
 */
import type { MethodMeta, PagingMeta } from '../runtime/metadata.js';
import { topErrors, type GatewayError } from './error-responses.js';
import { parseTopTimestamp } from './check-request.js';
import type { ResponseObject } from './response-value.js';

export interface RecordsOptions {
  /** The record field compared with the window (default: the items' first `…create_time` field, else first `…_time`). */
  timeField?: string;
  /** Longest window accepted, in ms (default 3 h). */
  maxWindowMs?: number;
}

export interface RecordSet extends RecordsOptions {
  records: readonly ResponseObject[];
}

export const DEFAULT_MAX_WINDOW_MS: number = 3 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 20;

const invalid = (name: string, why: string): GatewayError => ({
  code: 50,
  msg: 'Remote service error',
  sub_code: `isv.invalid-parameter:${name}`,
  sub_msg: why,
});

/** The time field of a method's items, by the rule above. */
export function defaultTimeField(meta: MethodMeta): string | undefined {
  const items = itemFields(meta);
  return items.find((f) => f.endsWith('create_time')) ?? items.find((f) => f.endsWith('_time'));
}

function itemFields(meta: MethodMeta): string[] {
  let fields = meta.response;
  let struct: string | undefined;
  for (const name of meta.paging?.items ?? []) {
    const field = fields.find((f) => f.name === name);
    struct = field?.struct;
    fields = struct ? (meta.types[struct] ?? []) : [];
  }
  return struct ? fields.map((f) => f.name) : [];
}

function pagingParams(paging: PagingMeta, params: Record<string, string>): Record<string, unknown> | GatewayError {
  if (paging.param === undefined) return params;
  const text = params[paging.param];
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  return invalid(paging.param, `${paging.param} is not a JSON object`);
}

function isError(value: object): value is GatewayError {
  return typeof (value as GatewayError).code === 'number' && typeof (value as GatewayError).msg === 'string';
}

function positiveInt(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

function setPath(target: ResponseObject, path: readonly string[], value: ResponseObject[keyof ResponseObject]): void {
  let at = target;
  for (const name of path.slice(0, -1)) {
    const next = at[name];
    at = (at[name] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as ResponseObject;
  }
  at[path[path.length - 1]!] = value;
}

/** The window's records, or the error a bad window gets. */
function inWindow(
  meta: MethodMeta,
  set: RecordSet,
  holder: Record<string, unknown>,
): { records: readonly ResponseObject[]; key: string } | GatewayError {
  const window = meta.paging!.window;
  if (!window) return { records: set.records, key: '' };
  const start = parseTopTimestamp(String(holder[window.start] ?? ''));
  const end = parseTopTimestamp(String(holder[window.end] ?? ''));
  if (start === undefined) return invalid(window.start, `${window.start} must be yyyy-MM-dd HH:mm:ss`);
  if (end === undefined) return invalid(window.end, `${window.end} must be yyyy-MM-dd HH:mm:ss`);
  const max = set.maxWindowMs ?? DEFAULT_MAX_WINDOW_MS;
  if (end < start) return invalid(window.end, `${window.end} is before ${window.start}`);
  if (end - start > max)
    return invalid(
      window.end,
      `the window from ${window.start} to ${window.end} is longer than ${max / 60_000} minutes`,
    );
  const field = set.timeField ?? defaultTimeField(meta);
  const records = set.records.filter((r) => {
    const at = field === undefined ? undefined : parseTopTimestamp(String(r[field] ?? ''));
    return at !== undefined && at >= start && at < end;
  });
  return { records, key: `${start / 1000}_${end / 1000}` };
}

/** The page a call asks for (decoded shape), or the error it gets. */
export function servePage(
  meta: MethodMeta,
  set: RecordSet,
  params: Record<string, string>,
): ResponseObject | GatewayError {
  const paging = meta.paging!;
  const holder = pagingParams(paging, params);
  if (isError(holder)) return holder;
  const windowed = inWindow(meta, set, holder);
  if (isError(windowed)) return windowed;
  const pageSize = positiveInt(holder['page_size'], paging.defaultPageSize ?? DEFAULT_PAGE_SIZE);
  const pageNo = positiveInt(holder['page_no'], 1);
  if (pageSize === undefined) return topErrors.invalidArguments('page_size', 'page_size must be an integer ≥ 1');
  if (pageNo === undefined) return topErrors.invalidArguments('page_no', 'page_no must be an integer ≥ 1');
  let offset = (pageNo - 1) * pageSize;
  if (paging.style === 'cursor') {
    const position = holder['position_index'];
    if (position === undefined || position === '') {
      if (pageNo > 1) return invalid('position_index', 'position_index is required for every page after the first');
      offset = 0;
    } else {
      const m = /^mock_(\d+)_(.*)$/.exec(String(position));
      if (!m || m[2] !== windowed.key) return invalid('position_index', 'positionIndex非法');
      if (String(holder['jump_type'] ?? '') !== '1')
        return invalid('jump_type', 'jump_type must be 1 (forward) with a position_index');
      offset = Number(m[1]);
    }
  }
  const items = windowed.records.slice(offset, offset + pageSize);
  const next = offset + items.length;
  const hasNext = next < windowed.records.length;
  const value: ResponseObject = {};
  setPath(value, paging.items, [...items]);
  if (paging.hasNext) setPath(value, paging.hasNext, hasNext);
  if (paging.total) setPath(value, paging.total, windowed.records.length);
  if (paging.position) setPath(value, paging.position, `mock_${next}_${windowed.key}`);
  return value;
}
