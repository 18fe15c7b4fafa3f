/**
 * List wrappers (corpus README "Conventions of the gateway"): a list field is written
 * `"results": { "n_tbk_item": [ … ] }` in JSON and `<results><n_tbk_item>…</n_tbk_item></results>`
 * in XML; simplified JSON writes the array itself. Unwrapping is lenient because the docs are:
 * - the wrapper may hold one object instead of an array (XML always looks like that for one item);
 * - the wrapper key may differ from the metadata's (taobao.tbk.dg.general.link.parse wraps
 *   `material_url_list` in `material_url_list`, not in the element type's name), so an object
 *   whose only key is not a field of the element type is taken as a wrapper too;
 * - an object whose keys are fields of the element type is a single unwrapped item.
 */
import { LosslessNumber, type JsonValue } from './json-lossless.js';
import type { FieldMeta, MethodMeta } from './metadata.js';
import type { XmlElement } from './xml.js';

function isElementField(field: FieldMeta, types: MethodMeta['types'], key: string): boolean {
  if (field.kind !== 'struct' || field.struct === undefined) return false;
  return types[field.struct]?.some((f) => f.name === key) ?? false;
}

/** The items of a JSON list field, wrapped or not. */
export function jsonListItems(field: FieldMeta, value: JsonValue, types: MethodMeta['types']): JsonValue[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) return [value];
  const keys = Object.keys(value);
  let key: string | undefined;
  if (field.wrapper !== undefined && keys.includes(field.wrapper)) key = field.wrapper;
  else if (keys.length === 1 && !isElementField(field, types, keys[0]!)) key = keys[0];
  else if (keys.length === 0) return [];
  if (key === undefined) return [value];
  const inner = value[key];
  if (inner === undefined || inner === null) return [];
  return Array.isArray(inner) ? inner : [inner];
}

/** The item elements of an XML list field element. */
export function xmlListItems(field: FieldMeta, element: XmlElement, types: MethodMeta['types']): XmlElement[] {
  const children = element.children;
  if (children.length === 0) return element.text.trim() === '' ? [] : [element];
  const wrapped = field.wrapper !== undefined ? children.filter((c) => c.name === field.wrapper) : [];
  if (wrapped.length > 0) return wrapped;
  if (children.some((c) => isElementField(field, types, c.name))) return [element];
  return children;
}
