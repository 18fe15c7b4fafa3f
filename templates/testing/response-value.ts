/**
 * A response value in decoded shape — no root key, list wrappers removed — read from a doc
 * sample. The renderer turns such a value back into JSON, simplified JSON or XML, so a method
 * documented with one sample format can still be answered in the others.
 */
import type { FieldMeta, MethodMeta } from '../runtime/metadata.js';
import { LosslessNumber, parseJsonLossless, type JsonValue } from '../runtime/json-lossless.js';
import { jsonListItems, xmlListItems } from '../runtime/list-items.js';
import { isIntegerText, toLong } from '../runtime/long.js';
import { parseXml, type XmlElement } from '../runtime/xml.js';
import { fieldsOf, findField } from './response-fields.js';

export type ResponseValue =
  null | boolean | string | number | bigint | LosslessNumber | ResponseValue[] | { [key: string]: ResponseValue };

export type ResponseObject = { [key: string]: ResponseValue };

/** The value under the single root key of a JSON sample (`{"x_response": {...}}`). */
export function readJsonSample(meta: MethodMeta, text: string): ResponseObject {
  const root = parseJsonLossless(text);
  const inner = isObject(root) ? singleMember(root) : undefined;
  if (!inner || !isObject(inner)) throw new TypeError('a JSON sample must be one object under one root key');
  return unwrapObject(meta, undefined, inner);
}

/** The value of the root element of an XML sample. */
export function readXmlSample(meta: MethodMeta, text: string): ResponseObject {
  return xmlObject(meta, undefined, parseXml(text));
}

export function isObject<T>(value: T): value is Extract<T, { [key: string]: unknown }> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

function singleMember(object: { [key: string]: JsonValue }): JsonValue | undefined {
  const keys = Object.keys(object);
  return keys.length === 1 ? object[keys[0]!] : undefined;
}

function unwrapObject(
  meta: MethodMeta,
  struct: string | undefined,
  object: { [key: string]: JsonValue },
): ResponseObject {
  const fields = fieldsOf(meta, struct);
  const result: ResponseObject = {};
  for (const [key, value] of Object.entries(object)) {
    setMember(result, key, unwrapValue(meta, findField(fields, key), value));
  }
  return result;
}

function unwrapValue(meta: MethodMeta, field: FieldMeta | undefined, value: JsonValue): ResponseValue {
  if (!field) return value;
  // Wrapped or not, under the declared wrapper key or another: as leniently as the runtime.
  if (field.list) return jsonListItems(field, value, meta.types).map((item) => unwrapElement(meta, field, item));
  return unwrapElement(meta, field, value);
}

function unwrapElement(meta: MethodMeta, field: FieldMeta, value: JsonValue): ResponseValue {
  if (field.kind === 'struct' && isObject(value)) return unwrapObject(meta, field.struct, value);
  return value;
}

function xmlObject(meta: MethodMeta, struct: string | undefined, element: XmlElement): ResponseObject {
  const fields = fieldsOf(meta, struct);
  const result: ResponseObject = {};
  const names = [...new Set(element.children.map((c) => c.name))];
  for (const name of names) {
    const children = element.children.filter((c) => c.name === name);
    const field = findField(fields, name);
    if (field?.list)
      setMember(
        result,
        name,
        xmlListItems(field, children[0]!, meta.types).map((c) => xmlElement(meta, field, c)),
      );
    else if (children.length > 1)
      setMember(
        result,
        name,
        children.map((c) => xmlElement(meta, field, c)),
      );
    else setMember(result, name, xmlElement(meta, field, children[0]!));
  }
  return result;
}

function xmlElement(meta: MethodMeta, field: FieldMeta | undefined, element: XmlElement): ResponseValue {
  if (field?.kind === 'struct' || (!field && element.children.length > 0))
    return xmlObject(meta, field?.struct, element);
  const text = element.text;
  const trimmed = text.trim();
  if (field?.kind === 'number' && isIntegerText(trimmed)) return toLong(trimmed);
  if (field?.kind === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return text;
}

/** Adds a member without letting a `__proto__` key reach the prototype. */
export function setMember(object: ResponseObject, key: string, value: ResponseValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
