/**
 * Validation of spec files: spec/schema.json (schema-check.ts), then the checks a schema
 * cannot express — every struct type a field names is defined under `types`, type names are
 * TOP vocabulary, field names are unique per list, every defined type is used, a file under
 * `methods/` is named after its method, and the catalog agrees with the method files.
 * Messages carry the YAML position of the offending node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import type { CatalogSpec, SpecField } from './model.js';
import { TOP_SCALARS, isStructTypeName, isTopScalar, splitTopType } from '../vocabulary/top-types.js';
import { checkCatalogSchema, checkMethodSchema, locatorOf, type Locate } from './schema-check.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import type { SpecFolder } from './spec-files.js';
import { SpecCode } from './spec-codes.js';

/** The form spec/schema.json requires of a type; malformed ones are the schema's to report. */
const TYPE_FORM = /^(Field List|byte\[\]|[A-Za-z_][A-Za-z0-9_]*)(\[\])?$/;

export function validateMethodSpec(file: string, text: string): Diagnostic[] {
  const parsed = parseYamlWithPositions(file, text);
  if (parsed.diagnostics.length) return parsed.diagnostics;
  const locate = locatorOf(parsed);
  return [...checkMethodSchema(file, parsed.value, locate), ...crossCheck(file, parsed.value, locate)];
}

/**
 * The same checks on a spec about to be written as `text` (its serialisation), without
 * parsing the text unless there is a problem to locate: scraping validates 112 files per run.
 * `value` must be the plain data form of `text` (canonical spec, no undefined members).
 */
export function validateMethodValue(file: string, value: unknown, text: string): Diagnostic[] {
  let parsedLocate: Locate | undefined;
  const locate: Locate = (segments, key) => {
    parsedLocate ??= locatorOf(parseYamlWithPositions(file, text));
    return parsedLocate(segments, key);
  };
  return [...checkMethodSchema(file, value, locate), ...crossCheck(file, value, locate)];
}

export function validateSpecFolder(folder: SpecFolder): Diagnostic[] {
  const out: Diagnostic[] = [];
  // readSpecFolder parsed every file already: validate those values, and parse a text again
  // only to locate a problem (the generator validates all 112 files before every run).
  for (const [method, text] of [...folder.texts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const file = folder.files.get(method) ?? `${method}.yaml`;
    const value = folder.methods.get(method);
    out.push(...(value ? validateMethodValue(file, value, text) : validateMethodSpec(file, text)));
  }
  const file = join(folder.dir, 'catalog.yaml');
  // A method file that exists but could not be parsed was reported already: it is not missing.
  const methods = new Set([...folder.methods.keys(), ...(folder.unreadable ?? [])]);
  if (existsSync(file)) out.push(...validateCatalog(file, readFileSync(file, 'utf8'), methods));
  return out;
}

/** The catalog against the schema, and its `spec` flags against the method files present. */
export function validateCatalog(file: string, text: string, methods: ReadonlySet<string>): Diagnostic[] {
  const parsed = parseYamlWithPositions(file, text);
  if (parsed.diagnostics.length) return parsed.diagnostics;
  return checkCatalog(file, parsed.value, locatorOf(parsed), methods);
}

/** validateCatalog on a catalog about to be written as `text`; parses only to locate problems. */
export function validateCatalogValue(
  file: string,
  value: unknown,
  text: string,
  methods: ReadonlySet<string>,
): Diagnostic[] {
  let parsedLocate: Locate | undefined;
  const locate: Locate = (segments, key) => {
    parsedLocate ??= locatorOf(parseYamlWithPositions(file, text));
    return parsedLocate(segments, key);
  };
  return checkCatalog(file, value, locate, methods);
}

function checkCatalog(file: string, value: unknown, locate: Locate, methods: ReadonlySet<string>): Diagnostic[] {
  const schema = checkCatalogSchema(file, value, locate);
  if (schema.length) return schema;
  const out: Diagnostic[] = [];
  const catalog = value as CatalogSpec;
  const seen = new Set<string>();
  catalog.titles.forEach((t, i) => {
    const at = (key: string) => locate(['titles', String(i), key]);
    // A title printed for two methods is listed once per method (build-catalog.ts).
    const key = `${t.title}\u0000${t.method ?? ''}`;
    if (seen.has(key))
      out.push({
        file,
        ...at('title'),
        level: 'error',
        code: SpecCode.catalogMismatch,
        message: `title "${t.title}"${t.method ? ` of ${t.method}` : ''} is listed twice`,
      });
    seen.add(key);
    const has = t.method !== undefined && methods.has(t.method);
    if (t.spec !== has) {
      const says = t.spec
        ? `says ${t.method ?? 'it'} has a spec, but there is no methods/${t.method}.yaml`
        : `says ${t.method} has no spec, but methods/${t.method}.yaml exists`;
      out.push({
        file,
        ...at('spec'),
        level: 'warning',
        code: SpecCode.catalogMismatch,
        message: `catalog out of step with the method files: "${t.title}" ${says}`,
      });
    }
  });
  return out;
}

/** Distance between two names, to suggest the scalar a misspelt type meant. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function suggest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => editDistance(k.toLowerCase(), lower) <= 2);
}

/** Fields well-formed enough to cross-check (the schema reports the others). */
function isField(value: unknown): value is SpecField {
  const f = value as SpecField;
  return (
    !!f && typeof f === 'object' && typeof f.name === 'string' && typeof f.type === 'string' && TYPE_FORM.test(f.type)
  );
}

function crossCheck(file: string, value: unknown, locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = value as Record<string, unknown>;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return out;
  const at = (path: (string | number)[]) => locate(path.map(String));
  const types =
    spec.types && typeof spec.types === 'object' && !Array.isArray(spec.types)
      ? (spec.types as Record<string, unknown>)
      : {};
  const defined = Object.keys(types);
  const used = new Set<string>();

  const checkList = (list: unknown, path: string[], where: string) => {
    if (!Array.isArray(list)) return;
    const names = new Map<string, number>();
    list.forEach((field: unknown, i) => {
      if (!isField(field)) return;
      const first = names.get(field.name);
      if (first !== undefined) {
        out.push({
          file,
          ...at([...path, i, 'name']),
          level: 'error',
          code: SpecCode.duplicateField,
          message: `duplicate field "${field.name}" in ${where} (first at line ${at([...path, first, 'name']).line})`,
        });
      } else names.set(field.name, i);
      const { element: base, scalar } = splitTopType(field.type);
      if (scalar) return;
      if (base in types) {
        used.add(base);
        return;
      }
      const near = suggest(base, [...TOP_SCALARS, ...defined]);
      const pos = at([...path, i, 'type']);
      if (isStructTypeName(base) && !(near && isTopScalar(near))) {
        out.push({
          file,
          ...pos,
          level: 'error',
          code: SpecCode.unknownStruct,
          message: `${where}.${field.name}: struct type "${base}" is not defined under \`types\`${near ? ` (did you mean ${near}?)` : ''}`,
        });
      } else {
        out.push({
          file,
          ...pos,
          level: 'error',
          code: SpecCode.unknownType,
          message: `${where}.${field.name}: unknown type "${field.type}"${near ? ` (did you mean ${near}?)` : ''}`,
        });
      }
    });
  };
  checkList(spec.request, ['request'], 'request');
  checkList(spec.response, ['response'], 'response');
  for (const name of defined) checkList(types[name], ['types', name], `types.${name}`);
  for (const name of defined) {
    if (!used.has(name))
      out.push({
        file,
        ...locate(['types'], name),
        level: 'warning',
        code: SpecCode.unusedStruct,
        message: `type ${name} is defined but no field uses it`,
      });
  }
  if (
    typeof spec.method === 'string' &&
    basename(dirname(file)) === 'methods' &&
    basename(file) !== `${spec.method}.yaml`
  ) {
    out.push({
      file,
      ...at(['method']),
      level: 'error',
      code: SpecCode.fileNameMismatch,
      message: `file name ${basename(file)} does not match method ${spec.method}`,
    });
  }
  return out;
}
