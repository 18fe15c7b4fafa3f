/**
 * The spec's YAML text written directly from plain data: the bytes the `yaml` package gives for
 * a Document of the value with quoteAmbiguousScalars applied and `lineWidth: 0` (yaml-document.ts),
 * at a fraction of the cost (no node tree, no visitor, no option merging per node). Block maps
 * and sequences only; a sequence under a key is indented one step, as the package does it.
 *
 * What it does not handle with certainty it refuses (emitYaml gives undefined) and serializeYaml
 * takes the package's path for that whole document: a root that is not a map or a sequence,
 * `undefined` in a sequence, objects that are not plain (Date, Map, class instances, a toJSON),
 * bigints, functions, symbols. The spec never holds these; a test checks that no spec file
 * falls back.
 */
import { documentYaml } from './yaml-document.js';
import { emitString, INDENT_STEP } from './yaml-string.js';

/** Thrown inside the emitter for a value it leaves to the package. */
class Unsupported extends Error {}

/** Past this length a key is written as an explicit `? key` (the package's implicit-key limit). */
const MAX_IMPLICIT_KEY = 1024;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Numbers as the core schema writes them: JSON's form, `-0`, `.nan`, `.inf`, `-.inf`. */
function emitNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** `value` as the node at `indent` (its children's indentation), not a key. */
function emitNode(value: unknown, indent: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return emitString(value, indent, false);
    case 'number':
      return emitNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return emitSequence(value, indent);
      if (isPlainObject(value)) return emitMap(value, indent);
      throw new Unsupported();
    default:
      throw new Unsupported();
  }
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value)
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** Items `- ` at `indent`, each item's own content one step in; `[]` when empty. */
function emitSequence(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const itemIndent = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < items.length; i += 1) {
    // A hole or an undefined item: the package writes null, which would not read back.
    if (items[i] === undefined) throw new Unsupported();
    out += `${i ? `\n${indent}` : ''}- ${emitNode(items[i], itemIndent)}`;
  }
  return out;
}

/** Pairs at `indent` (undefined values left out, as the package does); `{}` when none. */
function emitMap(map: Record<string, unknown>, indent: string): string {
  const inner = indent + INDENT_STEP;
  let out = '';
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    out += `${out ? `\n${indent}` : ''}${emitPair(key, value, indent, inner)}`;
  }
  return out || '{}';
}

/**
 * Keys as written, per key and whether it is a top-level one (the only thing of its place a
 * key's form depends on): the spec repeats a few field keys tens of thousands of times.
 */
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 4096;

function emitKey(key: string, inner: string): string {
  const cacheKey = (inner === INDENT_STEP ? 't' : 'n') + key;
  let text = keyTexts.get(cacheKey);
  if (text === undefined) {
    if (keyTexts.size >= MAX_KEY_TEXTS) keyTexts.clear();
    text = emitString(key, inner, true);
    keyTexts.set(cacheKey, text);
  }
  return text;
}

/** `key: value`; a non-empty collection on the next lines, one step in (sequences too). */
function emitPair(key: string, value: unknown, indent: string, inner: string): string {
  const keyText = emitKey(key, inner);
  const valueText = emitNode(value, inner);
  if (keyText.length > MAX_IMPLICIT_KEY) return `? ${keyText}\n${indent}: ${valueText}`;
  const onNextLine = isCollection(value) && !isEmptyCollection(value);
  return `${keyText}:${onNextLine ? `\n${inner}` : ' '}${valueText}`;
}

/** The YAML text of a plain map or sequence, or undefined when the value is not one emitYaml handles. */
export function emitYaml(value: unknown): string | undefined {
  if (!isCollection(value) || !(Array.isArray(value) || isPlainObject(value))) return undefined;
  try {
    return `${emitNode(value, '')}\n`;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

let fallbacks = 0;

/** How many documents this process wrote through the package instead (a test keeps it at zero for the spec). */
export function yamlFallbackCount(): number {
  return fallbacks;
}

/** The spec's YAML text for `value`: emitted directly, or through the package when emitYaml refuses it. */
export function serializeYaml(value: unknown): string {
  const text = emitYaml(value);
  if (text !== undefined) return text;
  fallbacks += 1;
  return documentYaml(value);
}
