/**
 * Example request params for a method's fixture (`MethodFixture.example`, wire text by wire
 * name): the doc's `example` values where they are usable as typed, and a synthetic value for a
 * required param without a usable one, so the fixture request passes local validation. Read
 * from the IR: the parsed types, the required rule and the limits are build-ir's.
 *
 * Doc examples are often not usable as printed: `adzone_id` examples like `mm_1_2_3` for a
 * Number, struct params whose example is prose, lists longer than their `max_list_size`. An
 * unusable example of an optional param is left out; of a required param it is replaced.
 */
import type { IrField, IrMethod, IrTypeRef } from './model.js';

/** What the example params are built from. */
export type ExampleSource = Pick<IrMethod, 'params' | 'structs'>;

/** The fields of the request-flavour structs by spec name (those the params reach). */
type StructFields = ReadonlyMap<string, readonly IrField[]>;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function scalarUsable(ref: IrTypeRef, value: string, field: IrField): boolean {
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

function synthesizeScalar(ref: IrTypeRef, field: IrField): string {
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
function synthesizeStruct(structs: StructFields, name: string, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth > 4) return out;
  for (const field of structs.get(name) ?? []) {
    if (!field.required) continue;
    const value = structFieldValue(structs, field, depth + 1);
    if (value !== undefined) out[field.wireName] = value;
  }
  return out;
}

function structFieldValue(structs: StructFields, field: IrField, depth: number): unknown {
  const { ref } = field;
  if (!ref.scalar) {
    const value = synthesizeStruct(structs, ref.struct!, depth);
    return ref.list ? [value] : value;
  }
  const text =
    field.example !== undefined && scalarUsable(ref, field.example, field)
      ? field.example.trim()
      : synthesizeScalar(ref, field);
  const value = ref.scalar === 'Number' || ref.scalar === 'Boolean' ? (JSON.parse(text) as unknown) : text;
  return ref.list ? [value] : value;
}

function usableListExample(ref: IrTypeRef, field: IrField): string | undefined {
  const items = (field.example ?? '').split(',').map((s) => s.trim());
  if (!items.every((item) => scalarUsable(ref, item, field))) return undefined;
  const max = field.limits?.max_list_size;
  return max === undefined || items.length <= max ? items.join(',') : undefined;
}

function usableStructExample(ref: IrTypeRef, example: string): string | undefined {
  try {
    const value: unknown = JSON.parse(example);
    const ok = ref.list ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
    return ok ? example.trim() : undefined;
  } catch {
    return undefined;
  }
}

function requestStructs(m: Pick<IrMethod, 'structs'>): StructFields {
  return new Map(m.structs.filter((s) => s.flavour === 'request').map((s) => [s.specName, s.fields]));
}

/** The example text of one param, or undefined when it is best left out. */
function exampleOf(structs: StructFields, field: IrField): string | undefined {
  const { ref } = field;
  const example = field.example?.trim() ? field.example : undefined;
  let usable: string | undefined;
  if (example !== undefined) {
    if (!ref.scalar) usable = usableStructExample(ref, example);
    else if (ref.list) usable = usableListExample(ref, field);
    else if (scalarUsable(ref, example, field)) usable = ref.scalar === 'String' ? example : example.trim();
  }
  if (usable !== undefined || !field.required) return usable;
  if (!ref.scalar) {
    const value = synthesizeStruct(structs, ref.struct!, 0);
    return JSON.stringify(ref.list ? [value] : value);
  }
  return synthesizeScalar(ref, field);
}

/** The example text of one param of `m`, or undefined when it is best left out. */
export function exampleParam(m: Pick<IrMethod, 'structs'>, field: IrField): string | undefined {
  return exampleOf(requestStructs(m), field);
}

/** The example params of a method by wire name, in param order; params best left out are absent. */
export function exampleParams(m: ExampleSource): Record<string, string> {
  const structs = requestStructs(m);
  const out: Record<string, string> = {};
  for (const field of m.params) {
    const value = exampleOf(structs, field);
    if (value !== undefined) out[field.wireName] = value;
  }
  return out;
}
