/**
 * `request_id`: a fresh id on every answer, added to a doc sample without re-serialising it
 * (the sample's bytes, number spellings and layout are what a client must cope with).
 */
import { randomBytes } from 'node:crypto';
import { parseJsonLossless } from '../runtime/json-lossless.js';
import { XML_PROLOG } from './render-response.js';
import { isObject } from './response-value.js';

/** 13 lowercase base-36 characters, the look of TOP's ids (e.g. `16ajxzl9e0hqv`). */
export function newRequestId(): string {
  const bytes = randomBytes(13);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * Adds `"request_id": id` as the last member of the object under the root key
 * (`{"x_response": {..., "request_id": id}}`); when the text is not of that shape, as the last
 * member of the outermost object. Text that is not an object is returned unchanged.
 */
export function addRequestIdToJson(text: string, id: string): string {
  const body = text.trimEnd();
  if (!body.endsWith('}')) return text;
  const member = `"request_id":${JSON.stringify(id)}`;
  const outerClose = body.length - 1;
  const innerClose = lastNonSpace(body, outerClose - 1);
  const rooted = hasSingleRootObject(body) && body[innerClose] === '}';
  const close = rooted ? innerClose : outerClose;
  // Right after the last member, so the sample's own layout around it stays as printed.
  const before = lastNonSpace(body, close - 1);
  const separator = body[before] === '{' ? '' : ',';
  return body.slice(0, before + 1) + separator + member + body.slice(before + 1);
}

/** Adds `<request_id>` before the root's closing tag, and the TOP prolog when missing. */
export function addRequestIdToXml(text: string, id: string): string {
  const body = text.trim();
  const close = body.lastIndexOf('</');
  const withId = close < 0 ? body : `${body.slice(0, close)}<request_id>${id}</request_id>${body.slice(close)}`;
  return withId.startsWith('<?xml') ? withId : XML_PROLOG + withId;
}

/** `{"key": {...}}`; judged from the text's start when the sample is not strict JSON. */
function hasSingleRootObject(body: string): boolean {
  try {
    const root = parseJsonLossless(body);
    if (!isObject(root)) return false;
    const values = Object.values(root);
    return values.length === 1 && isObject(values[0]);
  } catch {
    return /^\s*\{\s*"[^"]+"\s*:\s*\{/.test(body);
  }
}

function lastNonSpace(text: string, from: number): number {
  let at = from;
  while (at >= 0 && /\s/.test(text[at]!)) at--;
  return at;
}
