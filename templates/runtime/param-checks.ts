/**
 * The check of each param kind (validate-params.ts walks the params and calls them): types with
 * the string forms the wire takes (`"123"` for a Number, `"true"` for a Boolean, JSON text for a
 * struct, as the doc examples are written), string lengths, number ranges, struct fields, files.
 * A generated method module imports the checks of the kinds its params have and names them in
 * `meta.checks`; `PARAM_CHECKS` holds them all.
 */
import { isIntegerText } from './long.js';
import type { FieldMeta, ParamCheck, ParamChecks, Validation } from './metadata.js';

// The check types live with the metadata that names the checks (`MethodMeta.checks`).
export type { ParamCheck, ParamChecks, Validation } from './metadata.js';

/** A value as a message shows it. */
export function describe(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'bigint') return `${value}n`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}

const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

const expects = (v: Validation, path: string, what: string, value: unknown): void =>
  v.add(path, `expects ${what}, got ${describe(value)}`);

function length(field: FieldMeta, text: string, path: string, v: Validation): void {
  if (field.maxLength !== undefined && text.length > field.maxLength)
    v.add(path, `is ${text.length} characters long, more than the maximum ${field.maxLength}`);
}

/** `compare(limit)`: below 0 when the value is less than the limit, above 0 when more. */
function range(
  field: FieldMeta,
  shown: number | bigint,
  path: string,
  v: Validation,
  compare: (limit: number) => number,
): void {
  const { minValue: min, maxValue: max } = field;
  if (min !== undefined && compare(min) < 0) v.add(path, `is ${shown}, less than the minimum ${min}`);
  if (max !== undefined && compare(max) > 0) v.add(path, `is ${shown}, more than the maximum ${max}`);
}

/** Number (a Java long): a number, bigint or integer text; an integer limit is compared exactly. */
export const checkInteger: ParamCheck = (field, value, path, v) => {
  let n: bigint;
  if (typeof value === 'bigint') n = value;
  else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && isIntegerText(value)) n = BigInt(value);
  else return expects(v, path, 'an integer (number, bigint or integer text)', value);
  range(field, n, path, v, (limit) =>
    Number.isInteger(limit) ? Number(n > BigInt(limit)) - Number(n < BigInt(limit)) : Number(n) - limit,
  );
};

/** Price: a finite number or decimal text. */
export const checkDecimal: ParamCheck = (field, value, path, v) => {
  let x: number;
  if (typeof value === 'number' && Number.isFinite(value)) x = value;
  else if (typeof value === 'string' && DECIMAL_TEXT.test(value)) x = Number(value);
  else return expects(v, path, 'a decimal (number or decimal text)', value);
  range(field, x, path, v, (limit) => x - limit);
};

export const checkBoolean: ParamCheck = (_field, value, path, v) => {
  if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') expects(v, path, 'a boolean', value);
};

/** Json: JSON text (its length checked) or any value JSON can write. */
export const checkJson: ParamCheck = (field, value, path, v) => {
  if (typeof value === 'function' || typeof value === 'symbol') expects(v, path, 'JSON text or a JSON value', value);
  else if (typeof value === 'string') length(field, value, path, v);
};

/** String (and Date, Field List): text, a number, a boolean, a valid Date or a list of texts. */
export const checkText: ParamCheck = (field, value, path, v) => {
  const ok =
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    (value instanceof Date && !Number.isNaN(value.getTime())) ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'));
  if (!ok) return expects(v, path, 'a string', value);
  length(field, Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '', path, v);
};

/** A struct: JSON text (sent as is) or an object, whose fields are checked in turn. */
export const checkStruct: ParamCheck = (field, value, path, v) => {
  if (typeof value === 'string') return;
  if (!isPlainObject(value)) return expects(v, path, `an object (${field.struct ?? 'struct'})`, value);
  const fields = field.struct !== undefined ? v.meta.types[field.struct] : undefined;
  if (fields) v.fields(fields, value, `${path}.`);
};

/** byte[]: a file, as the method's multipart support recognises them. */
export const checkFile: ParamCheck = (_field, value, path, v) => {
  const isFile = v.meta.multipart?.isFile;
  if (!isFile) v.add(path, "is a byte[] param, and the method's meta has no multipart support");
  else if (!isFile(value))
    expects(v, path, 'a file (Blob, Uint8Array, Readable, ReadableStream or { data, filename })', value);
};

/** Every check, by kind: what `validateParams` checks with. */
export const PARAM_CHECKS: Required<ParamChecks> = {
  number: checkInteger,
  price: checkDecimal,
  boolean: checkBoolean,
  json: checkJson,
  string: checkText,
  struct: checkStruct,
  file: checkFile,
};
