/**
 * The TOP type vocabulary (style.md rule 1): the scalar names, how a type string splits into an
 * element and a list, which other spellings of the scalars the pages print, and what looks like
 * a struct name. Readers keep types as printed; the normaliser brings them to the spec's form
 * (`SpecField.type`); the spec validation, the IR and the diff split them here, so every stage
 * agrees on what `Foo[]`, `byte[]` and `Field List` are.
 */

/** TOP scalar type names, as they appear in `SpecField.type`. */
export const TOP_SCALARS = [
  'String',
  'Number',
  'Boolean',
  'Date',
  'Price',
  'BigDecimal',
  'Json',
  'Field List',
  'byte[]',
] as const;
export type TopScalar = (typeof TOP_SCALARS)[number];

const SCALARS: ReadonlySet<string> = new Set(TOP_SCALARS);

export function isTopScalar(name: string): name is TopScalar {
  return SCALARS.has(name);
}

/** A split type: `Foo[]` → `{ element: 'Foo', list: true }`. */
export interface TopTypeRef {
  /** A TOP scalar name or a struct name. */
  element: string;
  list: boolean;
  /** Set when `element` is a TOP scalar; undefined for a struct. */
  scalar?: TopScalar;
}

/**
 * The spec's form of a printed type: whitespace collapsed and trimmed, none before a final `[]`.
 * The pages print `UvIdGenerateRes []` (seed 000, the markdown dump, reduced records) as well as
 * `LkItemDTO[]` (doc records); the spec always writes `X[]`.
 */
export function compactTopType(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\[\s*\]$/, '[]');
}

/**
 * Split a type already in the spec's form. `byte[]` is TOP's file type, not a list of bytes; any
 * other `[]` suffix makes a list (`byte[][]` is a list of files).
 */
export function splitTopType(type: string): TopTypeRef {
  const list = type !== 'byte[]' && type.endsWith('[]');
  const element = list ? type.slice(0, -2) : type;
  const ref: TopTypeRef = { element, list };
  if (isTopScalar(element)) ref.scalar = element;
  return ref;
}

/** Split a type as printed or as written: `NTbkItem []` → `{ element: 'NTbkItem', list: true }`. */
export function parseTopType(raw: string): TopTypeRef {
  return splitTopType(compactTopType(raw));
}

const STRUCT_NAME = /^[A-Z][A-Za-z0-9_]*$/;

/** An element that reads as a struct type name: not a TOP scalar, a capitalised identifier. */
export function isStructTypeName(element: string): boolean {
  return !SCALARS.has(element) && STRUCT_NAME.test(element);
}

/**
 * Other spellings of the TOP scalars: any case and spacing of the names themselves
 * (`string`, `Field list`, `BYTE[]`), and the Java names the SDKs use for numbers.
 */
const ALIASES: ReadonlyMap<string, TopScalar> = new Map([
  ...TOP_SCALARS.map((name) => [aliasKey(name), name] as const),
  ['long', 'Number'],
  ['integer', 'Number'],
  ['int', 'Number'],
  ['double', 'Number'],
  ['float', 'Number'],
]);

function aliasKey(spelling: string): string {
  return spelling.toLowerCase().replace(/\s+/g, '');
}

/** The TOP scalar a spelling stands for (`long` → `Number`), or undefined. */
export function topScalarAlias(spelling: string): TopScalar | undefined {
  return ALIASES.get(aliasKey(spelling));
}
