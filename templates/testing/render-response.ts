/**
 * Decoded value → gateway text, the inverse of the runtime decoder. Conventions (corpus README
 * "Conventions of the gateway", and the doc samples themselves):
 * - JSON: `{"<root_key>": {...}}` with every declared list wrapped, `{"n_tbk_item": [...]}`;
 * - simplified JSON: the same root key, lists bare. The doc site's `rspSampleSimplifyJson`
 *   (e.g. doc record taobao.tbk.order.refund.get) keeps the root key and drops only wrappers;
 * - XML: compact elements under the TOP prolog; a list is its wrapper element repeated, and a
 *   scalar field (e.g. `Json`) holding an object becomes its JSON text.
 * `request_id` is appended as the root's last member, as the gateway does.
 */
import type { FieldMeta, MethodMeta } from '../runtime/metadata.js';
import { LosslessNumber, stringifyJson } from '../runtime/json-lossless.js';
import { fieldsOf, findField, wrapperKey } from './response-fields.js';
import { isObject, setMember, type ResponseObject, type ResponseValue } from './response-value.js';

export type ResponseFormat = 'json' | 'simplify' | 'xml';

export function renderResponse(
  meta: MethodMeta,
  value: ResponseObject,
  format: ResponseFormat,
  requestId?: string,
): string {
  const tree = format === 'simplify' ? { ...value } : wrapObject(meta, undefined, value, format === 'xml');
  if (requestId !== undefined) setMember(tree, 'request_id', requestId);
  if (format === 'xml') return XML_PROLOG + writeXmlElement(meta.rootKey, tree);
  return stringifyJson({ [meta.rootKey]: tree });
}

function wrapObject(
  meta: MethodMeta,
  struct: string | undefined,
  value: ResponseObject,
  forXml: boolean,
): ResponseObject {
  const fields = fieldsOf(meta, struct);
  const result: ResponseObject = {};
  for (const [key, member] of Object.entries(value)) {
    setMember(result, key, wrapValue(meta, findField(fields, key), member, forXml));
  }
  return result;
}

function wrapValue(
  meta: MethodMeta,
  field: FieldMeta | undefined,
  value: ResponseValue,
  forXml: boolean,
): ResponseValue {
  if (!field) return value;
  if (field.list && Array.isArray(value)) {
    return { [wrapperKey(field)]: value.map((item) => wrapElement(meta, field, item, forXml)) };
  }
  return wrapElement(meta, field, value, forXml);
}

function wrapElement(meta: MethodMeta, field: FieldMeta, value: ResponseValue, forXml: boolean): ResponseValue {
  if (field.kind === 'struct' && isObject(value)) return wrapObject(meta, field.struct, value, forXml);
  // A scalar field holding an object (a Json field; or a doc mistake such as the objects in the
  // String[] future_activity_promotion_path_list of taobao.tbk.item.info.upgrade.get): JSON text,
  // which is what the runtime decodes such a value to from JSON.
  if (forXml && (isObject(value) || Array.isArray(value))) return stringifyJson(value);
  return value;
}

/** One element; arrays become the element repeated, `null` is omitted (TOP omits empties). */
export function writeXmlElement(name: string, value: ResponseValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => writeXmlElement(name, item)).join('');
  if (isObject(value)) {
    const inner = Object.entries(value)
      .map(([key, member]) => writeXmlElement(key, member))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(scalarText(value))}</${name}>`;
}

function scalarText(value: string | number | bigint | boolean | LosslessNumber): string {
  if (value instanceof LosslessNumber) return value.text;
  return String(value);
}

/** The prolog TOP puts before every XML answer. */
export const XML_PROLOG = '<?xml version="1.0" encoding="utf-8" ?>';

export function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}
