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

class Checker {
  readonly problems: ValidationProblem[] = [];
  constructor(
    private readonly types: MethodMeta['types'],
    private readonly isFile: ((value: unknown) => boolean) | undefined,
  ) {}

  add(param: string, message: string): void {
    this.problems.push({ param, message });
  }

  fields(fields: readonly FieldMeta[], values: Record<string, unknown>, prefix: string): void {
    for (const field of fields) {
      // Own properties only: an absent `constructor` or `toString` param is not Object's method.
      const value = Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
      const path = prefix + field.name;
      const empty = isBlank(value) || (Array.isArray(value) && value.length === 0);
      if (empty) {
        if (field.required) this.add(path, 'required param is missing');
      } else this.field(field, value, path);
    }
  }

  private field(field: FieldMeta, value: unknown, path: string): void {
    if (field.kind === 'file') {
      if (!this.isFile) this.add(path, "is a byte[] param, and the method's meta has no multipart support");
      else if (!this.isFile(value))
        this.add(
          path,
          `expects a file (Blob, Uint8Array, Readable, ReadableStream or { data, filename }), got ${describe(value)}`,
        );
      return;
    }
    if (field.list) {
      const items = typeof value === 'string' && field.kind !== 'struct' ? value.split(',') : value;
      if (typeof items === 'string') return; // struct list given as JSON text: sent as is
      if (!Array.isArray(items)) return this.add(path, `expects a list, got ${describe(value)}`);
      if (field.maxListSize !== undefined && items.length > field.maxListSize) {
        this.add(path, `has ${items.length} items, more than the maximum ${field.maxListSize}`);
      }
      items.forEach((item, i) => this.single(field, item, `${path}[${i}]`));
      return;
    }
    this.single(field, value, path);
  }

  private single(field: FieldMeta, value: unknown, path: string): void {
    if (field.kind === 'struct') {
      if (typeof value === 'string') return; // JSON text, sent as is
      if (!isPlainObject(value))
        return this.add(path, `expects an object (${field.struct ?? 'struct'}), got ${describe(value)}`);
      const fields = field.struct !== undefined ? this.types[field.struct] : undefined;
      if (fields) this.fields(fields, value, `${path}.`);
      return;
    }
    switch (field.kind) {
      case 'number':
        return this.integer(field, value, path);
      case 'price':
        return this.decimal(field, value, path);
      case 'boolean':
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') {
          this.add(path, `expects a boolean, got ${describe(value)}`);
        }
        return;
      case 'json':
        if (typeof value === 'function' || typeof value === 'symbol')
          this.add(path, `expects JSON text or a JSON value, got ${describe(value)}`);
        else if (typeof value === 'string') this.length(field, value, path);
        return;
      default:
        return this.text(field, value, path);
    }
  }

  private text(field: FieldMeta, value: unknown, path: string): void {
    const ok =
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'bigint' ||
      typeof value === 'boolean' ||
      (value instanceof Date && !Number.isNaN(value.getTime())) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'));
    if (!ok) return this.add(path, `expects a string, got ${describe(value)}`);
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
    this.length(field, text, path);
  }

  private length(field: FieldMeta, text: string, path: string): void {
    if (field.maxLength !== undefined && text.length > field.maxLength) {
      this.add(path, `is ${text.length} characters long, more than the maximum ${field.maxLength}`);
    }
  }

  private integer(field: FieldMeta, value: unknown, path: string): void {
    let n: bigint;
    if (typeof value === 'bigint') n = value;
    else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
    else if (typeof value === 'string' && isIntegerText(value)) n = BigInt(value);
    else return this.add(path, `expects an integer (number, bigint or integer text), got ${describe(value)}`);
    this.range(
      field,
      n,
      path,
      (limit) => (Number.isInteger(limit) ? n < BigInt(limit) : Number(n) < limit),
      (limit) => (Number.isInteger(limit) ? n > BigInt(limit) : Number(n) > limit),
    );
  }

  private decimal(field: FieldMeta, value: unknown, path: string): void {
    let x: number;
    if (typeof value === 'number' && Number.isFinite(value)) x = value;
    else if (typeof value === 'string' && DECIMAL_TEXT.test(value)) x = Number(value);
    else return this.add(path, `expects a decimal (number or decimal text), got ${describe(value)}`);
    this.range(
      field,
      x,
      path,
      (limit) => x < limit,
      (limit) => x > limit,
    );
  }

  private range(
    field: FieldMeta,
    shown: number | bigint,
    path: string,
    below: (n: number) => boolean,
    above: (n: number) => boolean,
  ): void {
    if (field.minValue !== undefined && below(field.minValue))
      this.add(path, `is ${shown}, less than the minimum ${field.minValue}`);
    if (field.maxValue !== undefined && above(field.maxValue))
      this.add(path, `is ${shown}, more than the maximum ${field.maxValue}`);
  }
}

/** Every problem of `params` against the method's request metadata (empty when valid). */
export function validateParams(meta: MethodMeta, params: unknown): ValidationProblem[] {
  const checker = new Checker(meta.types, meta.multipart?.isFile);
  if (!isPlainObject(params)) {
    checker.add('(params)', `expects an object of params, got ${describe(params)}`);
    return checker.problems;
  }
  checker.fields(meta.request, params, '');
  return checker.problems;
}
