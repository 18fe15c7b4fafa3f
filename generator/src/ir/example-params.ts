/**
 * Example request params for a method's fixture (`MethodFixture.example`, wire text by wire
 * name): the doc's `example` values where they are usable as typed, and a synthetic value for a
 * required param without a usable one, so the fixture request passes local validation.
 *
 * Doc examples are often not usable as printed: `adzone_id` examples like `mm_1_2_3` for a
 * Number, struct params whose example is prose, lists longer than their `max_list_size`. An
 * unusable example of an optional param is left out; of a required param it is replaced.
 */
import type { MethodSpec, SpecField } from '../spec/model.js';
import { isRequired } from '../vocabulary/required.js';
import { parseTopType, type TopTypeRef } from '../vocabulary/top-types.js';

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function scalarUsable(ref: TopTypeRef, value: string, field: SpecField): boolean {
  const text = value.trim();
  if (!text) return false;
  switch (ref.scalar) {
    case 'Number': {
      if (!INTEGER.test(text)) return false;
      const n = Number(text);
      const { min_value: min, max_value: max } = field.limits ?? {};
      return (min === undefined || n >= min) && (max === undefined || n <= max);
    }
    case 'Boolean':
      return text === 'true' || text === 'false';
    case 'Price':
    case 'BigDecimal':
      return DECIMAL.test(text);
    case 'Json':
      return isJson(text);
    default: {
      const max = field.limits?.max_length;
      return max === undefined || [...value].length <= max;
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function synthesizeScalar(ref: TopTypeRef, field: SpecField): string {
  switch (ref.scalar) {
    case 'Number':
      return String(
        field.limits?.min_value ??
          (field.limits?.max_value !== undefined && field.limits.max_value < 1 ? field.limits.max_value : 1),
      );
    case 'Boolean':
      return 'true';
    case 'Date':
      return '2024-01-01 00:00:00';
    case 'Price':
    case 'BigDecimal':
      return '1.00';
    case 'Json':
      return '{}';
    case 'byte[]':
      return 'example';
    default:
      return 'example'.slice(0, Math.max(1, field.limits?.max_length ?? 7));
  }
}

/** A struct value as plain data: required fields only, from their examples or synthesized. */
function synthesizeStruct(spec: MethodSpec, name: string, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth > 4) return out;
  for (const field of spec.types[name] ?? []) {
    if (!isRequired(field)) continue;
    const value = structFieldValue(spec, field, depth + 1);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function structFieldValue(spec: MethodSpec, field: SpecField, depth: number): unknown {
  const ref = parseTopType(field.type);
  if (!ref.scalar) {
    const value = synthesizeStruct(spec, ref.element, depth);
    return ref.list ? [value] : value;
  }
  const text =
    field.example !== undefined && scalarUsable(ref, field.example, field)
      ? field.example.trim()
      : synthesizeScalar(ref, field);
  const value = ref.scalar === 'Number' || ref.scalar === 'Boolean' ? (JSON.parse(text) as unknown) : text;
  return ref.list ? [value] : value;
}

function usableListExample(ref: TopTypeRef, field: SpecField): string | undefined {
  const items = (field.example ?? '').split(',').map((s) => s.trim());
  if (!items.every((item) => scalarUsable(ref, item, field))) return undefined;
  const max = field.limits?.max_list_size;
  return max === undefined || items.length <= max ? items.join(',') : undefined;
}

function usableStructExample(ref: TopTypeRef, example: string): string | undefined {
  try {
    const value: unknown = JSON.parse(example);
    const ok = ref.list ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
    return ok ? example.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The example text of one param, or undefined when it is best left out. */
export function exampleParam(spec: MethodSpec, field: SpecField): string | undefined {
  const ref = parseTopType(field.type);
  const example = field.example?.trim() ? field.example : undefined;
  let usable: string | undefined;
  if (example !== undefined) {
    if (!ref.scalar) usable = usableStructExample(ref, example);
    else if (ref.list) usable = usableListExample(ref, field);
    else if (scalarUsable(ref, example, field)) usable = ref.scalar === 'String' ? example : example.trim();
  }
  if (usable !== undefined || !isRequired(field)) return usable;
  if (!ref.scalar) {
    const value = synthesizeStruct(spec, ref.element, 0);
    return JSON.stringify(ref.list ? [value] : value);
  }
  return synthesizeScalar(ref, field);
}

export function exampleParams(spec: MethodSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of spec.request) {
    const value = exampleParam(spec, field);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}
