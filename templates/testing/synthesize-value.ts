/**
 * A success value for a method documented without any response sample (the methods known only
 * from the reduced doc records in `doc-records-reduced/`, which keep no samples). Built from the
 * response metadata alone, deterministic, and visibly synthetic: every declared field once,
 * lists with one element, strings `synthetic:<field>`, and a response field named like a request
 * param takes that param's example value. The gateway also sends `x-mock-synthetic: 1`.
 */
import type { FieldMeta, MethodFixture, MethodMeta } from '../runtime/metadata.js';
import { setMember, type ResponseObject, type ResponseValue } from './response-value.js';

export const SYNTHETIC_PREFIX = 'synthetic:';

export function synthesizeResponse(fixture: Pick<MethodFixture, 'meta' | 'example'>): ResponseObject {
  return synthesizeObject(fixture.meta, fixture.meta.response, fixture.example, new Set());
}

function synthesizeObject(
  meta: MethodMeta,
  fields: readonly FieldMeta[],
  example: Readonly<Record<string, string>>,
  enclosing: ReadonlySet<string>,
): ResponseObject {
  const result: ResponseObject = {};
  for (const field of fields) {
    const value = synthesizeField(meta, field, example, enclosing);
    if (value !== undefined) setMember(result, field.name, value);
  }
  return result;
}

function synthesizeField(
  meta: MethodMeta,
  field: FieldMeta,
  example: Readonly<Record<string, string>>,
  enclosing: ReadonlySet<string>,
): ResponseValue | undefined {
  let element: ResponseValue | undefined;
  if (field.kind === 'struct') {
    // A struct that contains itself (tree-shaped types) is expanded once, then left out.
    if (!field.struct || enclosing.has(field.struct)) return undefined;
    const inner = new Set(enclosing).add(field.struct);
    element = synthesizeObject(meta, meta.types[field.struct] ?? [], example, inner);
  } else {
    element = synthesizeScalar(field, example[field.name]);
  }
  if (element === undefined) return undefined;
  return field.list ? [element] : element;
}

function synthesizeScalar(field: FieldMeta, example: string | undefined): ResponseValue | undefined {
  // A list param's example is comma-joined; its first element stands for a list element.
  const sample = (field.list ? example?.split(',')[0] : example)?.trim();
  switch (field.kind) {
    case 'string':
      return sample || `${SYNTHETIC_PREFIX}${field.name}`;
    case 'number':
      return sample && /^-?\d+$/.test(sample) ? toInteger(sample) : 1;
    case 'boolean':
      return sample === 'false' ? false : true;
    case 'price':
      return sample && /^-?\d+(\.\d+)?$/.test(sample) ? sample : '1.00';
    case 'json':
      return JSON.stringify({ synthetic: field.name });
    case 'file':
      return undefined;
  }
}

function toInteger(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}
