/**
 * A parsed JSON response object → the typed shape of `MethodMeta`: list wrappers become
 * arrays, scalars are coerced by kind, structs recurse. Unknown keys are kept, decoded
 * generically, so data a newer gateway adds is never dropped. A declared field holding `null`
 * is left out: the types declare fields optional (`field?: T`, never `null`), the XML form of
 * the same answer has no element for it, and the gateway omits empty values anyway.
 */
import { coerceScalar, decodeGenericJson } from './coerce-scalar.js';
import { fieldsByName } from './field-lookup.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json-lossless.js';
import { jsonListItems } from './list-items.js';
import type { FieldMeta, MethodMeta } from './metadata.js';
import { setOwn } from './own-property.js';

type Types = MethodMeta['types'];

function decodeItem(field: FieldMeta, value: JsonValue, types: Types): unknown {
  if (field.kind !== 'struct') return coerceScalar(field.kind, value);
  const fields = field.struct !== undefined ? types[field.struct] : undefined;
  return fields && isJsonObject(value) ? decodeJsonFields(fields, value, types) : decodeGenericJson(value);
}

function decodeField(field: FieldMeta, value: JsonValue, types: Types): unknown {
  if (value === null) return null;
  if (field.list) return jsonListItems(field, value, types).map((item) => decodeItem(field, item, types));
  return decodeItem(field, value, types);
}

/** Decodes the keys of a JSON object by the given fields (others generically). */
export function decodeJsonFields(
  fields: readonly FieldMeta[],
  object: JsonObject,
  types: Types,
): Record<string, unknown> {
  const byName = fieldsByName(fields);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const value = object[key]!;
    const field = byName.get(key);
    if (field && value === null) continue;
    setOwn(out, key, field ? decodeField(field, value, types) : decodeGenericJson(value));
  }
  return out;
}
