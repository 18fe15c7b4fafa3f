/**
 * Plain data → the final-form document of a TypeScript literal (layout-doc.ts), for the
 * metadata and fixtures generated modules declare. The layout is prettier's for the text
 * literal.ts writes (which objects it breaks, which arrays it joins, where a value moves after
 * its key), so the printed text is what prettier would make of it:
 *  - an object holding an object or array value is written broken (prettier keeps an object
 *    broken when its first key starts a line); any other object, and every array, takes one
 *    line when it fits in the width, else one entry per line with a trailing comma;
 *  - an array of two or more objects (or arrays) with more than one entry each is always broken;
 *  - an array of numbers fills lines;
 *  - a string, an expression or null that does not fit after its key moves to the next line,
 *    unless the key is shorter than five columns (prettier's "short key" rule);
 *  - strings take single quotes unless they hold more single than double quotes.
 */
import { propertyKey } from '../ir/names.js';
import { bracketed, fill, group, ifBreak, indent, join, line, softline, type Doc } from './layout-doc.js';
import { Expression, stringLiteral } from './literal.js';

/** The quotes prettier chooses for a string literal, with its escapes adjusted to them. */
export function quotedString(text: string): string {
  const body = stringLiteral(text).slice(1, -1);
  let singles = 0;
  let doubles = 0;
  for (const ch of body) {
    if (ch === "'") singles++;
    else if (ch === '"') doubles++;
  }
  if (singles <= doubles) return `'${body}'`;
  // More single quotes than double: prettier switches to double quotes.
  return `"${body.replace(/\\(.)|"/gs, (match, escaped: string | undefined) => (escaped === "'" ? "'" : escaped !== undefined ? match : '\\"'))}"`;
}

const isObjectValue = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && !(value instanceof Expression);

function scalarText(value: unknown): string {
  if (value instanceof Expression) return value.text;
  if (typeof value === 'string') return quotedString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  throw new TypeError(`cannot print ${typeof value} as a literal`);
}

const definedEntries = (value: object): [string, unknown][] => Object.entries(value).filter(([, v]) => v !== undefined);

/** Entries of an object or array element, as prettier counts them for its break rule. */
function entryCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return isObjectValue(value) ? definedEntries(value).length : 0;
}

function arrayDoc(items: readonly unknown[]): Doc {
  if (!items.length) return '[]';
  if (items.every((v) => typeof v === 'number')) {
    return group(['[', indent([softline, fill(join([',', line], items.map(String)))]), ifBreak(','), softline, ']']);
  }
  const shouldBreak =
    items.length > 1 &&
    items.every(
      (v, i) =>
        isObjectValue(v) &&
        entryCount(v) > 1 &&
        (i === items.length - 1 || Array.isArray(items[i + 1]) === Array.isArray(v)),
    );
  return bracketed(
    '[',
    items.map((v) => literalDoc(v)),
    ']',
    { shouldBreak },
  );
}

/** `key: value`, breaking after the colon the way prettier's assignment layouts do. */
export function propertyDoc(key: string, value: Doc, valueKind: 'object' | 'fixed' | 'breakable'): Doc {
  if (valueKind !== 'breakable' || key.length < 5) return [key, ': ', value];
  return group([key, ':', group(indent([line, value]))]);
}

function valueKind(value: unknown): 'object' | 'fixed' | 'breakable' {
  if (isObjectValue(value)) return 'object';
  return typeof value === 'number' || typeof value === 'boolean' ? 'fixed' : 'breakable';
}

function objectDoc(value: object, expanded: boolean): Doc {
  const entries = definedEntries(value);
  if (!entries.length) return '{}';
  const props = entries.map(([k, v]) => propertyDoc(propertyKey(k), literalDoc(v), valueKind(v)));
  return bracketed('{', props, '}', {
    spaced: true,
    shouldBreak: expanded || entries.some(([, v]) => isObjectValue(v)),
  });
}

/** The document of a literal value; `expanded` writes a top-level object broken whatever its width. */
export function literalDoc(value: unknown, expanded = false): Doc {
  if (Array.isArray(value)) return arrayDoc(value);
  if (isObjectValue(value)) return objectDoc(value, expanded);
  return scalarText(value);
}
