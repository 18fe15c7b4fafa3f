/**
 * Finding fields inside a parsed response sample by the gateway's conventions (corpus README,
 * last section): the success root key `<method>_response`, list fields wrapped as
 * `{ "<element key>": [ … ] }`, and the simplified form (`simplify=true`) without wrappers.
 */
import type { SampleKind } from '../vocabulary/sample-kinds.js';
import type { DraftSample, Origin } from './draft.js';
import { listWrapperKey, responseRootKey } from './wrapper-keys.js';

export type SampleObject = Record<string, unknown>;

export interface SampleRoot {
  kind: SampleKind;
  origin: Origin;
  /** The object holding the response's top-level fields. */
  object: SampleObject;
  /** XML samples carry text only: every scalar is a string. */
  xml: boolean;
  /** The root key found when it is not the expected one. */
  unexpectedRootKey?: string;
}

/** Samples in the order inference prefers them: typed JSON first, XML only when no JSON. */
const PREFERENCE: SampleKind[] = ['json', 'simplify_json', 'xml'];

export function isSampleObject(value: unknown): value is SampleObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function findSampleRoot(
  samples: Partial<Record<SampleKind, DraftSample>>,
  method: string,
): SampleRoot | undefined {
  for (const kind of PREFERENCE) {
    const sample = samples[kind];
    if (sample === undefined || !isSampleObject(sample.value)) continue;
    const found = descendRoot(sample.value, method);
    if (found === undefined) continue;
    return { kind, origin: sample.origin, xml: kind === 'xml', ...found };
  }
  return undefined;
}

function descendRoot(
  value: SampleObject,
  method: string,
): { object: SampleObject; unexpectedRootKey?: string } | undefined {
  const expected = responseRootKey(method);
  const keys = Object.keys(value);
  if (isSampleObject(value[expected])) return { object: value[expected] };
  if (keys.includes('error_response')) return undefined;
  // The doc site's simplified samples sometimes keep the root key, sometimes not.
  const only = keys.length === 1 ? keys[0]! : undefined;
  if (only !== undefined && only.endsWith('_response') && isSampleObject(value[only])) {
    return { object: value[only], unexpectedRootKey: only };
  }
  return { object: value };
}

export interface ListItems {
  items: unknown[];
  /** The wrapper key found when it differs from the one the element type gives. */
  unexpectedWrapper?: string;
}

/**
 * The elements of a list field's sample value. `{ "uv_id_generate_res": [ … ] }` (seed 000) and
 * the simplified bare array both give the array; XML gives an object (one element) or an array
 * (a repeated tag) under the wrapper key.
 */
export function unwrapList(value: unknown, elementType: string, xml: boolean): ListItems {
  if (value === undefined || value === null) return { items: [] };
  if (Array.isArray(value)) return { items: value };
  if (!isSampleObject(value)) return { items: [value] };
  const key = listWrapperKey(elementType);
  if (key in value) return { items: asArray(value[key]) };
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0]! : undefined;
  if (only !== undefined && (Array.isArray(value[only]) || (xml && isSampleObject(value[only])))) {
    return { items: asArray(value[only]), unexpectedWrapper: only };
  }
  return { items: [value] };
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** The objects among values (lists flattened one level). */
export function objectsOf(values: readonly unknown[]): SampleObject[] {
  return values.flatMap(asArray).filter(isSampleObject);
}

/**
 * The sample values of one field: list elements for a list type; for a struct type printed
 * without `[]` whose sample is a wrapped list (the dump drops `[]`, corpus README), the
 * elements too, so the struct's fields are still found (check-sample-types reports the list).
 */
export function fieldItems(value: unknown, type: string, xml: boolean): unknown[] {
  if (value === undefined) return [];
  const list = type !== 'byte[]' && type.endsWith('[]');
  const base = list ? type.slice(0, -2) : type;
  if (list) return unwrapList(value, base, xml).items;
  if (isSampleObject(value) && Array.isArray(value[listWrapperKey(base)]) && Object.keys(value).length === 1) {
    return value[listWrapperKey(base)] as unknown[];
  }
  return [value];
}
