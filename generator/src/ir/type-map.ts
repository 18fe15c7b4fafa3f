/**
 * The agreed TOP type → TypeScript mapping (docs/generator.md "Type mapping"; the runtime's
 * encoder and decoder implement the same table). Request params accept every form the runtime
 * can encode; response fields claim only what the decoder delivers. The TOP type itself is
 * parsed by the vocabulary (`parseTopType`, vocabulary/top-types.ts); this module owns only
 * what the IR makes of it.
 */
import type { ScalarKind } from '../../../templates/runtime/metadata.js';
import type { TopScalar, TopTypeRef } from '../vocabulary/top-types.js';

/** Runtime type names a mapped type refers to; the module imports exactly these. */
export type RuntimeTypeName = 'Long' | 'FileInput';

const KIND: Record<TopScalar, ScalarKind> = {
  String: 'string',
  Date: 'string',
  'Field List': 'string',
  Number: 'number',
  Boolean: 'boolean',
  Price: 'price',
  BigDecimal: 'price',
  Json: 'json',
  'byte[]': 'file',
};

const REQUEST: Record<TopScalar, string> = {
  String: 'string',
  // A string must be an integer literal: it carries ids beyond 2^53 exactly.
  Number: 'number | bigint | string',
  Boolean: 'boolean',
  Date: 'string | Date',
  Price: 'string | number',
  BigDecimal: 'string | number',
  Json: 'string | object',
  'Field List': 'string | readonly string[]',
  'byte[]': 'FileInput',
};

/** Element types of scalar lists: a Field List inside a list is one name. */
const REQUEST_ELEMENT: Record<TopScalar, string> = { ...REQUEST, 'Field List': 'string' };

const RESPONSE: Record<TopScalar, string> = {
  String: 'string',
  Number: 'Long',
  Boolean: 'boolean',
  Date: 'string',
  Price: 'string',
  BigDecimal: 'string',
  Json: 'string',
  'Field List': 'string',
  // No doc page has a file in a response; the gateway could only send text.
  'byte[]': 'string',
};

export function scalarKind(scalar: TopScalar): ScalarKind {
  return KIND[scalar];
}

/** The runtime types the mapped type of `ref` refers to. */
export function runtimeTypesOf(ref: TopTypeRef, flavour: 'request' | 'response'): RuntimeTypeName[] {
  if (flavour === 'request') return ref.scalar === 'byte[]' ? ['FileInput'] : [];
  return ref.scalar === 'Number' ? ['Long'] : [];
}

function arrayOf(element: string, readonly: boolean): string {
  const inner = element.includes(' ') ? `(${element})` : element;
  return `${readonly ? 'readonly ' : ''}${inner}[]`;
}

/**
 * Type of a request param or a request struct field. `structName` is the TypeScript name of the
 * struct when `ref` is not a scalar. Scalar lists also take the comma-joined text.
 */
export function requestType(ref: TopTypeRef, structName?: string): string {
  if (ref.scalar) return ref.list ? `${arrayOf(REQUEST_ELEMENT[ref.scalar], true)} | string` : REQUEST[ref.scalar];
  return ref.list ? arrayOf(structName!, true) : structName!;
}

/** Type of a response field or a response struct field (optionality is the caller's). */
export function responseType(ref: TopTypeRef, structName?: string): string {
  const element = ref.scalar ? RESPONSE[ref.scalar] : structName!;
  return ref.list ? arrayOf(element, false) : element;
}
