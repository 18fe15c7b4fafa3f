/**
 * An XML response element → the same typed shape as its JSON twin (decode-json.ts): all XML
 * text is coerced by the field's kind, list wrappers become arrays (one item element still
 * means a one-item list), unknown elements are kept (text when a leaf, an object otherwise,
 * an array when the name repeats). `decodeXmlResponse` reads a whole XML answer: the client
 * takes it as its `xml` option, so programs that never read XML do not carry the parser.
 */
import { coerceScalar } from './coerce-scalar.js';
import type { DecodeOptions } from './decode-options.js';
import { errorFields, parseAnswer } from './error-fields.js';
import { fieldsByName } from './field-lookup.js';
import { TopResponseError } from './errors.js';
import { stringifyJson } from './json-lossless.js';
import { xmlListItems } from './list-items.js';
import type { FieldMeta, MethodMeta } from './metadata.js';
import { setOwn } from './own-property.js';
import { createTopError } from './top-error-kinds.js';
import { parseXml, type XmlElement } from './xml.js';

type Types = MethodMeta['types'];

function decodeGeneric(element: XmlElement, types: Types): unknown {
  return element.children.length === 0 ? element.text : decodeXmlFields([], element, types);
}

function decodeItem(field: FieldMeta, element: XmlElement, types: Types): unknown {
  if (field.kind === 'struct') {
    const fields = field.struct !== undefined ? types[field.struct] : undefined;
    return fields ? decodeXmlFields(fields, element, types) : decodeGeneric(element, types);
  }
  // A scalar written as nested elements (e.g. a Json field): keep it as JSON text.
  if (element.children.length > 0) return coerceScalar(field.kind, stringifyJson(decodeGeneric(element, types)));
  return coerceScalar(field.kind, element.text);
}

/** Decodes the child elements of `element` by the given fields (others generically). */
export function decodeXmlFields(
  fields: readonly FieldMeta[],
  element: XmlElement,
  types: Types,
): Record<string, unknown> {
  const byName = fieldsByName(fields);
  const groups = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const group = groups.get(child.name);
    if (group) group.push(child);
    else groups.set(child.name, [child]);
  }
  const out: Record<string, unknown> = {};
  for (const [name, group] of groups) {
    const field = byName.get(name);
    let decoded: unknown;
    if (field?.list)
      decoded = group.flatMap((e) => xmlListItems(field, e, types)).map((e) => decodeItem(field, e, types));
    else {
      const items = group.map((e) => (field ? decodeItem(field, e, types) : decodeGeneric(e, types)));
      decoded = items.length === 1 ? items[0] : items;
    }
    setOwn(out, name, decoded);
  }
  return out;
}

/** An XML answer → the success object under its root element; `error_response` → `TopError`. */
export function decodeXmlResponse(
  meta: MethodMeta,
  body: string,
  options: DecodeOptions,
  redact: (s: string) => string,
): Record<string, unknown> {
  const root = parseAnswer(meta, body, options, redact, 'XML', parseXml);
  if (root.name === 'error_response') {
    const child = (k: string): string | undefined => root.children.find((c) => c.name === k)?.text;
    throw createTopError(meta.method, errorFields(child, redact), options.status);
  }
  if (root.name !== meta.rootKey && !root.name.endsWith('_response')) {
    throw new TopResponseError(meta.method, `unexpected root element <${root.name}>`, redact(body), options.status);
  }
  return decodeXmlFields(meta.response, root, meta.types);
}
