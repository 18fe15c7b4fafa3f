/**
 * Reading and writing the spec folder: `spec/methods/<method>.yaml`, `spec/catalog.yaml`.
 * Serialisation is deterministic (key order of spec/model.ts, doc order for fields, LF, one
 * trailing newline) so that scraping twice gives identical bytes and diffs stay small.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isMap } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { parseYamlWithPositions } from '../report/yaml-positions.js';
import type { CatalogSpec, MethodSpec, SpecField } from './model.js';
import { quoteAmbiguousScalars } from './yaml-scalars.js';

const METHOD_KEYS: (keyof MethodSpec)[] = [
  'method', 'title', 'description', 'doc_id', 'auth', 'request', 'response', 'types', 'samples', 'errors',
  'sources', 'disagreements', 'repairs', 'accepted_mismatches', 'change_diff', 'override',
];
const FIELD_KEYS: (keyof SpecField)[] = ['name', 'type', 'required', 'example', 'default', 'limits', 'description', 'inferred'];

function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) {
    const v = value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function orderField(field: SpecField): Partial<SpecField> {
  return ordered(field, FIELD_KEYS);
}

/** The canonical object form of a method spec (key order fixed, undefined dropped). */
export function canonicalMethodSpec(spec: MethodSpec): Partial<MethodSpec> {
  const out: Partial<MethodSpec> = ordered(spec, METHOD_KEYS);
  out.request = spec.request.map(orderField) as SpecField[];
  out.response = spec.response.map(orderField) as SpecField[];
  const types: Record<string, SpecField[]> = {};
  for (const name of Object.keys(spec.types).sort()) types[name] = spec.types[name]!.map(orderField) as SpecField[];
  out.types = types;
  return out;
}

function toYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  quoteAmbiguousScalars(doc);
  return doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

export function methodFileName(method: string): string {
  return `${method}.yaml`;
}

export function serializeMethodSpec(spec: MethodSpec): string {
  return toYaml(canonicalMethodSpec(spec));
}

export function serializeCatalog(catalog: CatalogSpec): string {
  return toYaml(catalog);
}

/**
 * Texts this process serialised, with the value they hold: `gen` scrapes, writes the spec and
 * reads it straight back to generate, and parsing 112 YAML files costs half a second. A file
 * whose text is one of these takes its value from here (a copy); any other text is parsed.
 * Sound because serialising is exact: parsing the text gives the value back (a test checks it
 * on every spec).
 */
const serialised = new Map<string, unknown>();

export function rememberSerialised(text: string, value: unknown): void {
  serialised.set(text, value);
}

function parseSpecText(file: string, text: string): ReturnType<typeof parseYamlWithPositions> | { value: unknown; diagnostics: Diagnostic[]; document?: undefined } {
  if (serialised.has(text)) return { value: structuredClone(serialised.get(text)), diagnostics: [] };
  return parseYamlWithPositions(file, text);
}

export interface SpecFolder {
  dir: string;
  methods: Map<string, MethodSpec>;
  /** File path (relative to the cwd as given) per method, for messages. */
  files: Map<string, string>;
  /** Raw text per method file. */
  texts: Map<string, string>;
  /** Methods (named by file) whose file exists but could not be parsed (reported already). */
  unreadable?: Set<string>;
  catalog?: CatalogSpec;
  diagnostics: Diagnostic[];
}

/**
 * Read every `methods/*.yaml` and `catalog.yaml` under `dir`. This does not validate against
 * the schema (see spec/validate-spec.ts); it only parses. A missing `methods/` folder is a
 * TBK201 error.
 */
export async function readSpecFolder(dir: string): Promise<SpecFolder> {
  const result: SpecFolder = { dir, methods: new Map(), files: new Map(), texts: new Map(), unreadable: new Set(), diagnostics: [] };
  const methodsDir = join(dir, 'methods');
  let names: string[];
  try {
    names = (await readdir(methodsDir)).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    result.diagnostics.push({ file: methodsDir, line: 0, level: 'error', code: 'TBK201', message: 'no spec here: the folder has no methods/ directory' });
    return result;
  }
  for (const name of names) {
    const file = join(methodsDir, name);
    const text = await readFile(file, 'utf8');
    const parsed = parseSpecText(file, text);
    result.diagnostics.push(...parsed.diagnostics);
    const value = parsed.value as MethodSpec | undefined;
    if (!value || typeof value !== 'object' || typeof value.method !== 'string') {
      if (!parsed.diagnostics.length) {
        result.diagnostics.push({ file, line: 1, level: 'error', code: 'TBK202', message: 'not a method spec: no `method` key' });
      }
      result.unreadable!.add(name.slice(0, -'.yaml'.length));
      continue;
    }
    result.methods.set(value.method, value);
    result.files.set(value.method, file);
    result.texts.set(value.method, text);
  }
  try {
    const file = join(dir, 'catalog.yaml');
    const parsed = parseSpecText(file, await readFile(file, 'utf8'));
    result.diagnostics.push(...parsed.diagnostics);
    const isObject = parsed.document ? isMap(parsed.document.contents) : typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value);
    if (parsed.value && isObject) result.catalog = parsed.value as CatalogSpec;
  } catch {
    // A spec folder without a catalog is legal (e.g. a hand-made fixture).
  }
  return result;
}
