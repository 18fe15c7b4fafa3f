/**
 * An HTTP body → the decoded success object, or a thrown `TopError` for `error_response`.
 * JSON (plain `{ "<root>": { … } }` or simplified: no root key, no list wrappers) and XML
 * decode into the same typed shape, driven by `MethodMeta` (decode-json.ts, decode-xml.ts).
 * A body that is neither gives a `TopResponseError` holding the raw body.
 *
 * The client reads XML only through the `XmlDecoder` it is given (`decodeXmlResponse`), so a
 * program that never asks for XML does not carry an XML parser; `parseTopResponse` and
 * `decodeResponse` always read both.
 */
import { decodeJsonFields } from './decode-json.js';
import type { DecodeOptions } from './decode-options.js';
import { decodeXmlResponse } from './decode-xml.js';
import { errorFields, fieldText, parseAnswer } from './error-fields.js';
import { TopResponseError } from './errors.js';
import { isJsonObject, parseJsonLossless, type JsonObject, type JsonValue } from './json-lossless.js';
import type { MethodMeta } from './metadata.js';
import { createTopError } from './top-error-kinds.js';

export type ResponseFormat = 'json' | 'xml';

export type { DecodeOptions } from './decode-options.js';

export interface DecodedResponse {
  /** The object under the root key, decoded by the metadata, with `request_id` when sent. */
  data: Record<string, unknown>;
  format: ResponseFormat;
  requestId: string | undefined;
}

const ERROR_KEY = 'error_response';

/** Reads an XML answer (`decodeXmlResponse`): the success object, or a thrown error. */
export type XmlDecoder = (
  meta: MethodMeta,
  body: string,
  options: DecodeOptions,
  redact: (s: string) => string,
) => Record<string, unknown>;

/** `json`, `xml`, or `undefined` when the body is neither. */
export function detectFormat(body: string, contentType?: string | null): ResponseFormat | undefined {
  // The usual answer starts with its brace: no copy of the body to look past a BOM or blanks.
  const head = body.charCodeAt(0);
  if (head === 123 /* { */) return 'json';
  if (head === 60 /* < */) return 'xml';
  const first = body.replace(/^\uFEFF?\s*/, '')[0];
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'xml';
  if (first === undefined) return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  return undefined;
}

/**
 * The root object of a JSON success: under `meta.rootKey`, under the only `*_response` key, or
 * the whole object (simplified JSON without a root key).
 */
function jsonRoot(meta: MethodMeta, value: JsonObject): JsonValue {
  if (meta.rootKey in value) return value[meta.rootKey]!;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0]!.endsWith('_response') && isJsonObject(value[keys[0]!])) return value[keys[0]!]!;
  return value;
}

/** A simplified error may come without the `error_response` key: code + msg at the top. */
function looksLikeBareError(meta: MethodMeta, value: JsonObject): boolean {
  if (!('code' in value && 'msg' in value) || meta.response.some((f) => f.name === 'code' || f.name === 'msg'))
    return false;
  return (
    'sub_code' in value ||
    'sub_msg' in value ||
    Object.keys(value).every((k) => ['code', 'msg', 'request_id'].includes(k))
  );
}

function decodeJson(
  meta: MethodMeta,
  body: string,
  options: DecodeOptions,
  redact: (s: string) => string,
): Record<string, unknown> {
  const value = parseAnswer(meta, body, options, redact, 'JSON', parseJsonLossless);
  if (!isJsonObject(value))
    throw new TopResponseError(meta.method, 'the JSON answer is not an object', redact(body), options.status);
  const err = value[ERROR_KEY];
  if (isJsonObject(err))
    throw createTopError(
      meta.method,
      errorFields((k) => err[k], redact),
      options.status,
    );
  const root = jsonRoot(meta, value);
  if (!isJsonObject(root))
    throw new TopResponseError(meta.method, `"${meta.rootKey}" is not an object`, redact(body), options.status);
  if (root === value && looksLikeBareError(meta, value)) {
    throw createTopError(
      meta.method,
      errorFields((k) => value[k], redact),
      options.status,
    );
  }
  return decodeJsonFields(meta.response, root, meta.types);
}

/**
 * Decodes a TOP answer with its format and request id, reading XML through `xml` (without it, an
 * XML answer is a `TopResponseError`). Throws `TopError` for an `error_response`,
 * `TopResponseError` for a body that is neither JSON nor XML.
 */
export function decodeTopAnswer(
  meta: MethodMeta,
  body: string,
  options: DecodeOptions,
  xml: XmlDecoder | undefined,
): DecodedResponse {
  const redact = options.redact ?? ((s: string) => s);
  const format = detectFormat(body, options.contentType);
  if (format === undefined) {
    throw new TopResponseError(meta.method, 'the answer is neither JSON nor XML', redact(body), options.status);
  }
  if (format === 'xml' && xml === undefined) {
    const message = 'an XML answer, and the client has no XML decoder (option xml: decodeXmlResponse)';
    throw new TopResponseError(meta.method, message, redact(body), options.status);
  }
  const data = format === 'json' ? decodeJson(meta, body, options, redact) : xml!(meta, body, options, redact);
  const id = data['request_id'];
  if (id !== undefined && id !== null && typeof id !== 'string') data['request_id'] = String(id);
  return { data, format, requestId: fieldText(data['request_id']) };
}

/**
 * Decodes a TOP answer (JSON, simplified JSON or XML) with its format and request id. Throws
 * `TopError` for an `error_response`, `TopResponseError` for a body that is neither.
 */
export function parseTopResponse(meta: MethodMeta, body: string, options: DecodeOptions = {}): DecodedResponse {
  return decodeTopAnswer(meta, body, options, decodeXmlResponse);
}

/** Decodes a TOP answer (JSON, simplified JSON or XML) into the typed response object. */
export function decodeResponse<R extends object = Record<string, unknown>>(
  meta: MethodMeta,
  body: string,
  options: DecodeOptions = {},
): R {
  return parseTopResponse(meta, body, options).data as R;
}
