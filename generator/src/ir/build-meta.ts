/**
 * `MethodMeta`: the data a generated module declares and the runtime and mock gateway
 * interpret (templates/runtime/metadata.ts). Built from the spec alone so that the generator,
 * the fixtures and `tbk-gen mock` agree on every byte of it.
 */
import type { FieldMeta, MethodMeta } from '../../../templates/runtime/metadata.js';
import type { MethodSpec, SpecField } from '../spec/model.js';
import { nameMethod, wrapperKeyOf } from './names.js';
import { derivePaging } from './paging.js';
import { scalarKind } from './type-map.js';
import { isRequired } from '../vocabulary/required.js';
import { parseTopType } from '../vocabulary/top-types.js';

/** `request`: a business param; `response`: a response field; `struct`: a field of a struct. */
export type FieldRole = 'request' | 'response' | 'struct';

export function buildFieldMeta(field: SpecField, role: FieldRole): FieldMeta {
  const ref = parseTopType(field.type);
  const meta: FieldMeta = { name: field.name, kind: ref.scalar ? scalarKind(ref.scalar) : 'struct' };
  if (!ref.scalar) meta.struct = ref.element;
  if (ref.list) {
    meta.list = true;
    // Only responses wrap lists (`"results": { "n_tbk_item": [...] }`); struct fields may be either.
    if (role !== 'request') meta.wrapper = wrapperKeyOf(ref.element);
  }
  if (role !== 'response' && isRequired(field)) meta.required = true;
  const limits = field.limits;
  if (limits?.max_length !== undefined) meta.maxLength = limits.max_length;
  if (limits?.max_list_size !== undefined) meta.maxListSize = limits.max_list_size;
  if (limits?.max_value !== undefined) meta.maxValue = limits.max_value;
  if (limits?.min_value !== undefined) meta.minValue = limits.min_value;
  return meta;
}

/**
 * The struct names reachable from the request params and from the response fields, each in
 * first-reached order (depth first, doc order). Names absent from `types` are skipped here;
 * build-ir reports them.
 */
export function reachableStructs(spec: MethodSpec): { request: string[]; response: string[] } {
  const walk = (fields: readonly SpecField[], seen: string[]): string[] => {
    for (const field of fields) {
      const ref = parseTopType(field.type);
      if (ref.scalar || seen.includes(ref.element) || !Object.hasOwn(spec.types, ref.element)) continue;
      seen.push(ref.element);
      walk(spec.types[ref.element]!, seen);
    }
    return seen;
  };
  return { request: walk(spec.request, []), response: walk(spec.response, []) };
}

export function buildMethodMeta(spec: MethodSpec): MethodMeta {
  const reach = reachableStructs(spec);
  const used = new Set([...reach.request, ...reach.response]);
  const types: Record<string, FieldMeta[]> = {};
  for (const name of Object.keys(spec.types).sort()) {
    if (used.has(name)) types[name] = spec.types[name]!.map((f) => buildFieldMeta(f, 'struct'));
  }
  const meta: MethodMeta = {
    method: spec.method,
    auth: spec.auth,
    rootKey: nameMethod(spec.method).rootKey,
    request: spec.request.map((f) => buildFieldMeta(f, 'request')),
    response: spec.response.map((f) => buildFieldMeta(f, 'response')),
    types,
  };
  const paging = derivePaging(spec)?.paging;
  if (paging) meta.paging = paging;
  return meta;
}
