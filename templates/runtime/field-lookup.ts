/**
 * Fields by wire name, built once per field list: a method's metadata is static, and a response
 * decodes the same struct's fields for every item of a list.
 */
import type { FieldMeta } from './metadata.js';

const byList = new WeakMap<readonly FieldMeta[], ReadonlyMap<string, FieldMeta>>();

export function fieldsByName(fields: readonly FieldMeta[]): ReadonlyMap<string, FieldMeta> {
  let map = byList.get(fields);
  if (!map) byList.set(fields, (map = new Map(fields.map((f) => [f.name, f]))));
  return map;
}
