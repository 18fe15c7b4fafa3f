/**
 * Local validation of request params against `MethodMeta`, before any network call
 * (design.md "Client behaviour"): missing required params, wrong types, list sizes, string
 * lengths and number ranges. Every problem is collected, then reported at once.
 * String forms are accepted wherever the wire takes text (`"123"` for a Number, `"true"` for a
 * Boolean, `"a,b"` for a list, JSON text for a struct), as the doc examples are written.
 */
import type { ValidationProblem } from './errors.js';
import { isBlank } from './encode-params.js';
import { isIntegerText } from './long.js';
import type { FieldMeta, MethodMeta } from './metadata.js';

const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

function describe(value: unknown): string {
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}

/** Every problem of `params` against the method's request metadata (empty when valid). */
export function validateParams(meta: MethodMeta, params: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const isFile = meta.multipart?.isFile;
  const add = (param: string, message: string): void => void problems.push({ param, message });

  const fields = (list: readonly FieldMeta[], values: Record<string, unknown>, prefix: string): void => {
    for (const field of list) {
      // Own properties only: an absent `constructor` or `toString` param is not Object's method.
      const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
      const path = prefix + field.name;
      if (isBlank(value) || (Array.isArray(value) && value.length === 0)) {
        if (field.required) add(path, 'required param is missing');
      } else if (field.kind === 'file') {
        if (!isFile) add(path, "is a byte[] param, and the method's meta has no multipart support");
        else if (!isFile(value))
          add(
            path,
            `expects a file (Blob, Uint8Array, Readable, ReadableStream or { data, filename }), got ${describe(value)}`,
          );
      } else if (!field.list) single(field, value, path);
      else {
        const items = typeof value === 'string' && field.kind !== 'struct' ? value.split(',') : value;
        if (typeof items === 'string') continue; // struct list given as JSON text: sent as is
        if (!Array.isArray(items)) add(path, `expects a list, got ${describe(value)}`);
        else {
          if (field.maxListSize !== undefined && items.length > field.maxListSize)
            add(path, `has ${items.length} items, more than the maximum ${field.maxListSize}`);
          items.forEach((item, i) => single(field, item, `${path}[${i}]`));
        }
      }
    }
  };

  /** `compare(limit)`: below 0 when the value is less than the limit, above 0 when more. */
  const range = (field: FieldMeta, shown: number | bigint, path: string, compare: (limit: number) => number): void => {
    const { minValue: min, maxValue: max } = field;
    if (min !== undefined && compare(min) < 0) add(path, `is ${shown}, less than the minimum ${min}`);
    if (max !== undefined && compare(max) > 0) add(path, `is ${shown}, more than the maximum ${max}`);
  };

  const length = (field: FieldMeta, text: string, path: string): void => {
    if (field.maxLength !== undefined && text.length > field.maxLength)
      add(path, `is ${text.length} characters long, more than the maximum ${field.maxLength}`);
  };

  const single = (field: FieldMeta, value: unknown, path: string): void => {
    const expects = (what: string): void => add(path, `expects ${what}, got ${describe(value)}`);
    switch (field.kind) {
      case 'struct': {
        if (typeof value === 'string') return; // JSON text, sent as is
        if (!isPlainObject(value)) return expects(`an object (${field.struct ?? 'struct'})`);
        const inner = field.struct !== undefined ? meta.types[field.struct] : undefined;
        if (inner) fields(inner, value, `${path}.`);
        return;
      }
      case 'number': {
        let n: bigint;
        if (typeof value === 'bigint') n = value;
        else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
        else if (typeof value === 'string' && isIntegerText(value)) n = BigInt(value);
        else return expects('an integer (number, bigint or integer text)');
        // An integer limit is compared exactly, as a bigint; a fractional one as a number.
        return range(field, n, path, (limit) =>
          Number.isInteger(limit) ? Number(n - BigInt(limit) > 0n) - Number(n < BigInt(limit)) : Number(n) - limit,
        );
      }
      case 'price': {
        let x: number;
        if (typeof value === 'number' && Number.isFinite(value)) x = value;
        else if (typeof value === 'string' && DECIMAL_TEXT.test(value)) x = Number(value);
        else return expects('a decimal (number or decimal text)');
        return range(field, x, path, (limit) => x - limit);
      }
      case 'boolean':
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') expects('a boolean');
        return;
      case 'json':
        if (typeof value === 'function' || typeof value === 'symbol') expects('JSON text or a JSON value');
        else if (typeof value === 'string') length(field, value, path);
        return;
      default: {
        const ok =
          typeof value === 'string' ||
          typeof value === 'number' ||
          typeof value === 'bigint' ||
          typeof value === 'boolean' ||
          (value instanceof Date && !Number.isNaN(value.getTime())) ||
          (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
        if (!ok) return expects('a string');
        length(field, Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '', path);
      }
    }
  };

  if (!isPlainObject(params)) add('(params)', `expects an object of params, got ${describe(params)}`);
  else fields(meta.request, params, '');
  return problems;
}
