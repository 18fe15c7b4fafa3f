/**
 * Scalar decoding by `ScalarKind` (the agreed mapping, docs/runtime.md "Type mapping"), the
 * same for JSON values and XML text, so both formats give the same typed object:
 * - string, price, json: exact source text (a JSON number keeps its digits; objects → JSON text);
 * - number: `number` while a safe integer, else `bigint` (from numbers or digit strings);
 * - boolean: `true`/`false`, also from the strings "true"/"false".
 * A value that does not fit its kind is kept as decoded generically, never dropped.
 */
import { LosslessNumber, stringifyJson, type JsonValue } from './json-lossless.js';
import { isIntegerText, toLong } from './long.js';
import type { ScalarKind } from './metadata.js';
import { setOwn } from './own-property.js';

const INTEGER_WITH_SPACE = /^\s*-?\d+\s*$/;

/** A JSON value decoded without metadata: lossless numbers become `Long` (or `number`). */
export function decodeGenericJson(value: JsonValue): unknown {
  if (value instanceof LosslessNumber) return isIntegerText(value.text) ? toLong(value.text) : Number(value.text);
  if (Array.isArray(value)) return value.map(decodeGenericJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) setOwn(out, k, decodeGenericJson(value[k]!));
    return out;
  }
  return value;
}

function toText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof LosslessNumber) return value.text;
  if (typeof value === 'object' && value !== null) return stringifyJson(value);
  return String(value);
}

/** Decodes one scalar (JSON value or XML text) by its kind. */
export function coerceScalar(kind: ScalarKind, value: JsonValue): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'number':
      if (typeof value === 'number') return value;
      if (value instanceof LosslessNumber) return decodeGenericJson(value);
      if (typeof value === 'string' && INTEGER_WITH_SPACE.test(value)) return toLong(value.trim());
      return decodeGenericJson(value);
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return decodeGenericJson(value);
    default:
      // string, price, json, file: text exactly as the gateway wrote it
      return toText(value);
  }
}
