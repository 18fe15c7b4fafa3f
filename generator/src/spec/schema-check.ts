/**
 * spec/schema.json through ajv, with compiler-style positions: ajv's `instancePath`
 * (`/request/3/type`) is walked through the YAML document to the node it names, so a message
 * reads `spec/methods/x.yaml:12:11: error TBK220 request[3].type: must match …`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { loadSchemaValidators, type SchemaValidators } from './schema-validators.js';
import type { ParsedYaml } from '../positions/yaml-positions.js';
import { SpecCode } from './spec-codes.js';

let compiled: SchemaValidators | undefined;

/** Loaded on first use, once per process. */
function validators(): SchemaValidators {
  compiled ??= loadSchemaValidators();
  return compiled;
}

function segmentsOf(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The YAML node at a JSON pointer, or the deepest node on the way; `key` picks a map key. */
export function nodeAt(root: unknown, segments: readonly string[], key?: string): Node | undefined {
  const pairOf = (map: Node, name: string) =>
    isMap(map) ? map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === name) : undefined;
  let node = root as Node | undefined;
  for (const segment of segments) {
    const next = isMap(node)
      ? (pairOf(node, segment)?.value as Node | undefined)
      : isSeq(node)
        ? (node.items[Number(segment)] as Node | undefined)
        : undefined;
    if (!next) return node;
    node = next;
  }
  const pair = key !== undefined && node ? pairOf(node, key) : undefined;
  return pair ? (pair.key as Node) : node;
}

/** `/request/3/type` → `request[3].type`. */
function readablePath(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i ? `.${s}` : s)).join('');
}

function explain(error: ErrorObject): { message: string; key?: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { message: `unknown key "${String(params.additionalProperty)}"`, key: String(params.additionalProperty) };
    case 'required':
      return { message: `missing key "${String(params.missingProperty)}"` };
    case 'enum':
      return { message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'pattern':
      return { message: `${JSON.stringify(error.data)} does not have the expected form ${String(params.pattern)}` };
    case 'propertyNames':
      return { message: `has a key that is not a valid name` };
    default:
      return { message: error.message ?? error.keyword };
  }
}

/** Position of the node at a JSON pointer (and map key), 1-based. */
export type Locate = (segments: readonly string[], key?: string) => { line: number; column: number };

/** A locator over a parsed document. */
export function locatorOf(parsed: ParsedYaml): Locate {
  return (segments, key) => parsed.positionOf(nodeAt(parsed.document.contents, segments, key));
}

function check(validate: ValidateFunction, file: string, value: unknown, locate: Locate): Diagnostic[] {
  if (validate(value)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // propertyNames reports the offending key twice (the name, then the map); keep one.
    if (error.keyword === 'pattern' && error.propertyName !== undefined) continue;
    const segments = segmentsOf(error.instancePath);
    const { message, key } = explain(error);
    const at = locate(segments, error.propertyName ?? key);
    const where = readablePath(segments) || '(top level)';
    const text = `${where}${error.propertyName ? ` key "${error.propertyName}"` : ''}: ${message}`;
    if (seen.has(`${at.line}:${text}`)) continue;
    seen.add(`${at.line}:${text}`);
    out.push({
      file,
      line: at.line,
      column: at.column,
      level: 'error',
      code: SpecCode.schema,
      message: `schema: ${text}`,
    });
  }
  return out;
}

export function checkMethodSchema(file: string, value: unknown, locate: Locate): Diagnostic[] {
  return check(validators().method, file, value, locate);
}

export function checkCatalogSchema(file: string, value: unknown, locate: Locate): Diagnostic[] {
  return check(validators().catalog, file, value, locate);
}
