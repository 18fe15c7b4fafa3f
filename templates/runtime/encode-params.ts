/**
 * Business params → wire text, by `FieldMeta` (the agreed type mapping, docs/runtime.md):
 * structs and struct lists as JSON text, primitive lists comma-joined, `Date` as GMT+8
 * `yyyy-MM-dd HH:mm:ss`, booleans `true`/`false`, integers as decimal digits (bigint too).
 * `null`, `undefined`, `""` and whitespace-only values are neither sent nor signed.
 * Params not in the metadata are sent too, encoded the same way by their JS type (a file, for a
 * method with `byte[]` params, as a file part).
 */
import { fieldsByName } from './field-lookup.js';
import type { FileInput } from './file-input.js';
import { stringifyJson } from './json-lossless.js';
import type { FieldMeta, MethodMeta } from './metadata.js';
import { setOwn } from './own-property.js';
import { formatTopTimestamp } from './timestamp.js';

export interface EncodedParams {
  /** Text params (signed). */
  text: Record<string, string>;
  /** `byte[]` params (multipart parts, not signed); only for a meta with `multipart`. */
  files: Record<string, FileInput>;
  /** True when `files` holds a param. */
  hasFiles: boolean;
}

/** True for values that are not sent at all. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A copy of a JSON-bound value with every `Date` replaced by its GMT+8 text. */
function withTimestamps(value: unknown): unknown {
  if (value instanceof Date) return formatTopTimestamp(value);
  if (Array.isArray(value)) return value.map(withTimestamps);
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, withTimestamps(v));
    return out;
  }
  return value;
}

function isScalarLike(value: unknown): boolean {
  return value instanceof Date || (typeof value !== 'object' && typeof value !== 'function');
}

function encodeScalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return formatTopTimestamp(value);
  // String(1e21) is "1e+21": integers that large go through bigint to keep plain digits.
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every(isScalarLike))
    return value
      .filter((v) => !isBlank(v))
      .map(encodeScalar)
      .join(',');
  return stringifyJson(withTimestamps(value));
}

/** Wire text of one value (`undefined` when it is not sent). */
export function encodeValue(field: FieldMeta | undefined, value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (field?.kind === 'struct' || field?.kind === 'json') text = stringifyJson(withTimestamps(value));
  else text = encodeScalar(value);
  return text.trim() === '' ? undefined : text;
}

/** Splits params into signed text params and file parts. Assumes `validateParams` passed. */
export function encodeParams(meta: MethodMeta, params: Readonly<Record<string, unknown>>): EncodedParams {
  const byName = fieldsByName(meta.request);
  // No prototype: a param named `__proto__` is then an ordinary key (on `{}` it would set the
  // prototype and be lost), and `constructor` or `toString` never read Object's members.
  const text = Object.create(null) as Record<string, string>;
  const files = Object.create(null) as Record<string, FileInput>;
  const isFile = meta.multipart?.isFile;
  let hasFiles = false;
  for (const name of Object.keys(params)) {
    const value = params[name];
    const field = byName.get(name);
    if (isFile && (field?.kind === 'file' || field === undefined) && isFile(value)) {
      files[name] = value;
      hasFiles = true;
      continue;
    }
    const encoded = encodeValue(field, value);
    if (encoded !== undefined) text[name] = encoded;
  }
  return { text, files, hasFiles };
}
