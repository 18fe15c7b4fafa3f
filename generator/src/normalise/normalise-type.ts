/**
 * Type spellings → the spec's TOP vocabulary (spec/model.ts `SpecField.type`).
 * The pages print `UvIdGenerateRes []` (seed 000, the markdown dump, reduced records) as well as
 * `LkItemDTO[]` (doc records); the spec always writes `X[]`. Case variants of the TOP scalars
 * are corrected and reported; anything that is neither a scalar nor a struct name is kept as
 * printed and reported, so an override can fix it.
 */
import { TOP_SCALARS } from '../spec/model.js';

export interface NormalisedType {
  type: string;
  /** Set when the spelling was changed beyond whitespace and `[]` (e.g. `string` → `String`). */
  corrected?: string;
  /** Set when the spelling is neither a TOP scalar nor a struct name. */
  odd?: string;
}

const SCALARS: ReadonlySet<string> = new Set(TOP_SCALARS);

/** Case-insensitive and compact spellings of the TOP scalars, and Java names the SDKs use. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ...TOP_SCALARS.map((name) => [name.toLowerCase().replace(/\s+/g, ''), name] as [string, string]),
  ['long', 'Number'],
  ['integer', 'Number'],
  ['int', 'Number'],
  ['double', 'Number'],
  ['float', 'Number'],
]);

const STRUCT_NAME = /^[A-Z][A-Za-z0-9_]*$/;

export function normaliseType(raw: string): NormalisedType {
  const compact = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\[\s*\]$/, '[]');
  if (compact === '') return { type: '', odd: 'no type given' };
  if (SCALARS.has(compact)) return { type: compact };
  const { base, list } = splitListType(compact);
  if (SCALARS.has(base)) return { type: compact };
  const alias =
    ALIASES.get(compact.toLowerCase().replace(/\s+/g, '')) ?? ALIASES.get(base.toLowerCase().replace(/\s+/g, ''));
  if (alias !== undefined) {
    const type = alias === 'byte[]' || !list ? alias : `${alias}[]`;
    return { type, corrected: `type "${raw.trim()}" read as "${type}"` };
  }
  if (STRUCT_NAME.test(base)) return { type: compact };
  return { type: compact, odd: `unknown type spelling "${raw.trim()}" kept as printed` };
}

/** `Foo[]` → { base: 'Foo', list: true }; `byte[]` is a scalar (a file), not a list. */
export function splitListType(type: string): { base: string; list: boolean } {
  if (type !== 'byte[]' && type.endsWith('[]')) return { base: type.slice(0, -2), list: true };
  return { base: type, list: false };
}

export function isScalarType(base: string): boolean {
  return SCALARS.has(base);
}

/** A struct type name: anything not a TOP scalar that looks like a type name. */
export function isStructType(base: string): boolean {
  return !SCALARS.has(base) && STRUCT_NAME.test(base);
}
