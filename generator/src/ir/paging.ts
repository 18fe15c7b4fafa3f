/**
 * A method's paging style, read from its spec once (docs/runtime.md "Paging"). No list of
 * method names: the params and response fields decide.
 *  - Where the paging params live: the top-level params when they have `page_no` or
 *    `position_index`, else the one struct param (not a list) whose fields have them
 *    (`af_order_option` of taobao.tbk.dg.punish.order.get).
 *  - `cursor` when those params have `position_index`, `jump_type` and `page_no` and the response
 *    has `has_next` and `position_index` (the order APIs); `page` when they have `page_no`.
 *  - The items: the response's list field beside `has_next` (else `total_results`/`total_count`,
 *    else `position_index`), or the shallowest list field; paging needs exactly one.
 *  - A time window when the paging params have `start_time` and `end_time`.
 *  - Identity: the items' fields named `…trade_parent_id` / `…trade_id` (TOP's parent and child
 *    order ids), in spec order.
 */
import type { PagingMeta } from '../../../templates/runtime/metadata.js';
import type { MethodSpec, SpecField } from '../spec/model.js';
import { parseTopType } from '../vocabulary/top-types.js';

/** Deepest struct nesting walked in a response (the order pages sit at depth 2). */
const MAX_DEPTH = 4;
const TOTAL_FIELDS = ['total_results', 'total_count'];
const IDENTITY = /(^|_)trade(_parent)?_id$/;

interface Found {
  path: string[];
  field: SpecField;
}

/** Fields of the response tree, not descending into lists (an item's fields are not the page's). */
function walkResponse(spec: MethodSpec): Found[] {
  const found: Found[] = [];
  const walk = (fields: readonly SpecField[], path: string[], seen: readonly string[]): void => {
    for (const field of fields) {
      const here = [...path, field.name];
      found.push({ path: here, field });
      const ref = parseTopType(field.type);
      const struct = ref.scalar || ref.list ? undefined : spec.types[ref.element];
      if (struct && here.length < MAX_DEPTH && !seen.includes(ref.element)) walk(struct, here, [...seen, ref.element]);
    }
  };
  walk(spec.response, [], []);
  return found;
}

/** The paging params: top-level, or the fields of the one struct param holding them. */
function pagingParams(spec: MethodSpec): { param?: string; fields: readonly SpecField[] } | undefined {
  const pages = (fields: readonly SpecField[]): boolean =>
    fields.some((f) => f.name === 'page_no' || f.name === 'position_index');
  if (pages(spec.request)) return { fields: spec.request };
  const holders = spec.request.filter((p) => {
    const ref = parseTopType(p.type);
    return !ref.scalar && !ref.list && pages(spec.types[ref.element] ?? []);
  });
  if (holders.length !== 1) return undefined;
  const holder = holders[0]!;
  return { param: holder.name, fields: spec.types[parseTopType(holder.type).element]! };
}

function shallowest(found: readonly Found[], names: readonly string[]): Found | undefined {
  const matches = found.filter((f) => names.includes(f.field.name) && !parseTopType(f.field.type).list);
  return matches.sort((a, b) => a.path.length - b.path.length)[0];
}

const parentOf = (path: readonly string[]): string => path.slice(0, -1).join('.');

function findItems(found: readonly Found[], markers: readonly (Found | undefined)[]): Found | undefined {
  const lists = found.filter((f) => parseTopType(f.field.type).list);
  const anchor = markers.find((m) => m !== undefined);
  const candidates = anchor ? lists.filter((l) => parentOf(l.path) === parentOf(anchor.path)) : [];
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) return undefined;
  const depth = Math.min(...lists.map((l) => l.path.length));
  const top = lists.filter((l) => l.path.length === depth);
  return top.length === 1 ? top[0] : undefined;
}

/** The identity fields of the items (order ids), when the items are structs. */
function identityOf(spec: MethodSpec, items: SpecField): string[] {
  const ref = parseTopType(items.type);
  const fields = ref.scalar ? [] : (spec.types[ref.element] ?? []);
  return fields.filter((f) => IDENTITY.test(f.name)).map((f) => f.name);
}

/** The paging of a method, with the items' field (for its type), or undefined when it does not page. */
export function derivePaging(spec: MethodSpec): { paging: PagingMeta; items: SpecField } | undefined {
  const params = pagingParams(spec);
  if (!params) return undefined;
  const has = (name: string): boolean => params.fields.some((f) => f.name === name);
  const found = walkResponse(spec);
  const hasNext = shallowest(found, ['has_next']);
  const total = shallowest(found, TOTAL_FIELDS);
  const position = shallowest(found, ['position_index']);
  const items = findItems(found, [hasNext, total, position]);
  if (!items || !has('page_no')) return undefined;
  const cursor = has('position_index') && has('jump_type') && hasNext !== undefined && position !== undefined;
  const paging: PagingMeta = { style: cursor ? 'cursor' : 'page', items: items.path };
  if (params.param !== undefined) paging.param = params.param;
  if (hasNext) paging.hasNext = hasNext.path;
  if (total) paging.total = total.path;
  if (cursor) paging.position = position.path;
  const size = params.fields.find((f) => f.name === 'page_size')?.default;
  if (size !== undefined && /^[1-9]\d*$/.test(size)) paging.defaultPageSize = Number(size);
  if (has('start_time') && has('end_time')) paging.window = { start: 'start_time', end: 'end_time' };
  const identity = identityOf(spec, items.field);
  if (identity.length > 0) paging.identity = identity;
  return { paging, items: items.field };
}
