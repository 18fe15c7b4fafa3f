/**
 * Reading and writing the spec folder: `spec/methods/<method>.yaml`, `spec/catalog.yaml`.
 * Serialisation is deterministic (key order of spec/model.ts, doc order for fields, LF, one
 * trailing newline) so that scraping twice gives identical bytes and diffs stay small.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import type { CatalogSpec, MethodSpec, SpecField } from './model.js';
import { readYamlValue, type YamlValue } from './read-yaml-value.js';
import { serializeYaml } from './yaml-emit.js';
import { SpecCode } from './spec-codes.js';

const METHOD_KEYS: (keyof MethodSpec)[] = [
  'method',
  'title',
  'description',
  'doc_id',
  'auth',
  'request',
  'response',
  'types',
  'samples',
  'errors',
  'sources',
  'disagreements',
  'repairs',
  'accepted_mismatches',
  'change_diff',
  'override',
];
const FIELD_KEYS: (keyof SpecField)[] = [
  'name',
  'type',
  'required',
  'example',
  'default',
  'limits',
  'description',
  'inferred',
];

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
  return serializeYaml(value);
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

function parseSpecText(file: string, text: string): YamlValue {
  if (serialised.has(text)) return { value: structuredClone(serialised.get(text)), diagnostics: [] };
  return readYamlValue(file, text);
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

/** One method file read and parsed: its value (undefined when unreadable), text and problems. */
export interface MethodFile {
  /** File name under `methods/`. */
  name: string;
  file: string;
  text: string;
  spec?: MethodSpec;
  diagnostics: Diagnostic[];
}

/** The `*.yaml` file names under `dir/methods`, sorted; undefined (and a TBK201) without the folder. */
export async function listMethodFiles(dir: string, diagnostics: Diagnostic[]): Promise<string[] | undefined> {
  const methodsDir = join(dir, 'methods');
  try {
    return (await readdir(methodsDir)).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    diagnostics.push({
      file: methodsDir,
      line: 0,
      level: 'error',
      code: SpecCode.noMethodsFolder,
      message: 'no spec here: the folder has no methods/ directory',
    });
    return undefined;
  }
}

/** Reads and parses one method file (no schema check); a file without a `method` key is a TBK202. */
export async function readMethodFile(dir: string, name: string): Promise<MethodFile> {
  const file = join(dir, 'methods', name);
  const text = await readFile(file, 'utf8');
  const parsed = parseSpecText(file, text);
  const diagnostics = [...parsed.diagnostics];
  const value = parsed.value as MethodSpec | undefined;
  if (!value || typeof value !== 'object' || typeof value.method !== 'string') {
    if (!diagnostics.length)
      diagnostics.push({
        file,
        line: 1,
        level: 'error',
        code: SpecCode.noMethodKey,
        message: 'not a method spec: no `method` key',
      });
    return { name, file, text, diagnostics };
  }
  return { name, file, text, spec: value, diagnostics };
}

/** `dir/catalog.yaml` parsed, when there is one (a spec folder without a catalog is legal). */
export async function readCatalogFile(dir: string, diagnostics: Diagnostic[]): Promise<CatalogSpec | undefined> {
  try {
    const file = join(dir, 'catalog.yaml');
    const parsed = parseSpecText(file, await readFile(file, 'utf8'));
    diagnostics.push(...parsed.diagnostics);
    const isObject = parsed.document
      ? isMap(parsed.document.contents)
      : typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value);
    return parsed.value && isObject ? (parsed.value as CatalogSpec) : undefined;
  } catch {
    // A spec folder without a catalog is legal (e.g. a hand-made fixture).
    return undefined;
  }
}

/**
 * Read every `methods/*.yaml` and `catalog.yaml` under `dir`. This does not validate against
 * the schema (see spec/validate-spec.ts); it only parses. A missing `methods/` folder is a
 * TBK201 error. The generator reads the files one at a time instead (readMethodFile), so that
 * it never holds the whole folder.
 */
export async function readSpecFolder(dir: string): Promise<SpecFolder> {
  const result: SpecFolder = {
    dir,
    methods: new Map(),
    files: new Map(),
    texts: new Map(),
    unreadable: new Set(),
    diagnostics: [],
  };
  const names = await listMethodFiles(dir, result.diagnostics);
  if (!names) return result;
  for (const name of names) {
    const read = await readMethodFile(dir, name);
    result.diagnostics.push(...read.diagnostics);
    if (!read.spec) {
      result.unreadable!.add(name.slice(0, -'.yaml'.length));
      continue;
    }
    result.methods.set(read.spec.method, read.spec);
    result.files.set(read.spec.method, read.file);
    result.texts.set(read.spec.method, read.text);
  }
  const catalog = await readCatalogFile(dir, result.diagnostics);
  if (catalog) result.catalog = catalog;
  return result;
}
