/**
 * Sample values against the response metadata: every field a success sample shows must be
 * declared, and a declared scalar must hold a value of its kind (docs/design.md "Agreed TOP type →
 * TypeScript mapping": a JSON number or boolean in a String field is fine, it decodes to its
 * source text; a sentence in a Boolean field is not — seed 004's `biz_error_desc`).
 * A mismatch is named by the declaration it concerns, `response.<field>` or
 * `types.<Struct>.<field>`, the path format of `accepted_mismatches` in the spec.
 */
import { LosslessNumber, parseJsonLossless, type JsonObject, type JsonValue } from '../runtime/json-lossless.js';
import { jsonListItems, xmlListItems } from '../runtime/list-items.js';
import type { FieldMeta, MethodFixture, MethodMeta, ScalarKind } from '../runtime/metadata.js';
import { parseXml, type XmlElement } from '../runtime/xml.js';

export type SuccessSample = 'json' | 'simplify_json' | 'xml';

export interface SampleMismatch {
  /** The declaration: `response.biz_error_desc`, `types.NTbkItem.num_iid`. */
  path: string;
  sample: SuccessSample;
  /** Where in the sample: `data.result[0].refund_status`. */
  at: string;
  problem: string;
}

/** Every mismatch of the success samples, once per declaration and sample. */
export function findSampleMismatches(fixture: MethodFixture): SampleMismatch[] {
  const found: SampleMismatch[] = [];
  for (const sample of ['json', 'simplify_json', 'xml'] as const) {
    const text = fixture.samples[sample];
    if (text === undefined) continue;
    const walker = new Walker(fixture.meta, sample);
    try {
      if (sample === 'xml') walker.xmlObject(undefined, parseXml(text), '', true);
      else walker.jsonObject(undefined, jsonRoot(fixture.meta, parseJsonLossless(text)), '', true);
    } catch (e) {
      walker.add(`samples.${sample}`, '', `the sample cannot be read: ${(e as Error).message}`);
    }
    found.push(...walker.found);
  }
  return found;
}

/** The object under the root key; simplified samples may lack the root key. */
function jsonRoot(meta: MethodMeta, value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw new TypeError('the sample is not a JSON object');
  const keys = Object.keys(value);
  const inner =
    meta.rootKey in value
      ? value[meta.rootKey]
      : keys.length === 1 && keys[0]!.endsWith('_response')
        ? value[keys[0]!]
        : value;
  if (!isJsonObject(inner)) throw new TypeError(`"${meta.rootKey}" is not an object`);
  return inner;
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Why text cannot be a value of `kind` (XML text, JSON strings), or undefined. */
function textProblem(kind: ScalarKind, text: string): string | undefined {
  const t = text.trim();
  if (kind === 'number' && !INTEGER.test(t)) return `a Number field holds ${JSON.stringify(text)}`;
  if (kind === 'boolean' && t !== 'true' && t !== 'false') return `a Boolean field holds ${JSON.stringify(text)}`;
  if (kind === 'price' && !DECIMAL.test(t)) return `a Price field holds ${JSON.stringify(text)}`;
  return undefined;
}

function jsonScalarProblem(kind: ScalarKind, value: JsonValue): string | undefined {
  if (typeof value === 'string') return textProblem(kind, value);
  if (typeof value === 'object' && value !== null && !(value instanceof LosslessNumber)) {
    return kind === 'json' ? undefined : `a ${kind} field holds ${Array.isArray(value) ? 'an array' : 'an object'}`;
  }
  const text = value instanceof LosslessNumber ? value.text : String(value);
  if (kind === 'number' && typeof value !== 'boolean') return textProblem(kind, text);
  if (kind === 'price' && typeof value !== 'boolean') return undefined;
  if (kind === 'boolean' && typeof value === 'boolean') return undefined;
  if (kind === 'string' || kind === 'json' || kind === 'file') return undefined;
  return `a ${kind} field holds ${text}`;
}

class Walker {
  readonly found: SampleMismatch[] = [];
  constructor(
    private readonly meta: MethodMeta,
    private readonly sample: SuccessSample,
  ) {}

  add(path: string, at: string, problem: string): void {
    if (!this.found.some((m) => m.path === path)) this.found.push({ path, sample: this.sample, at, problem });
  }

  private lookup(owner: string | undefined, name: string): { field: FieldMeta | undefined; path: string } {
    const fields = owner === undefined ? this.meta.response : (this.meta.types[owner] ?? []);
    return {
      field: fields.find((f) => f.name === name),
      path: owner === undefined ? `response.${name}` : `types.${owner}.${name}`,
    };
  }

  jsonObject(owner: string | undefined, object: JsonObject, at: string, root = false): void {
    for (const [name, value] of Object.entries(object)) {
      if (root && name === 'request_id') continue;
      const { field, path } = this.lookup(owner, name);
      const here = at ? `${at}.${name}` : name;
      if (!field) this.add(path, here, 'the sample has a field the metadata does not declare');
      else if (value !== null) this.jsonField(field, value, path, here);
    }
  }

  private jsonField(field: FieldMeta, value: JsonValue, path: string, at: string): void {
    if (!field.list) return this.jsonElement(field, value, path, at);
    if (typeof value !== 'object' || value === null || value instanceof LosslessNumber) {
      return this.add(path, at, 'a list field holds a single value');
    }
    jsonListItems(field, value, this.meta.types).forEach((item, i) =>
      this.jsonElement(field, item, path, `${at}[${i}]`),
    );
  }

  private jsonElement(field: FieldMeta, value: JsonValue, path: string, at: string): void {
    if (value === null) return;
    if (field.kind !== 'struct') {
      const problem = jsonScalarProblem(field.kind, value);
      return problem ? this.add(path, at, problem) : undefined;
    }
    if (!isJsonObject(value)) return this.add(path, at, `a ${field.struct ?? 'struct'} field holds a non-object`);
    this.jsonObject(field.struct, value, at);
  }

  xmlObject(owner: string | undefined, element: XmlElement, at: string, root = false): void {
    for (const child of element.children) {
      if (root && child.name === 'request_id') continue;
      const { field, path } = this.lookup(owner, child.name);
      const here = at ? `${at}.${child.name}` : child.name;
      if (!field) this.add(path, here, 'the sample has a field the metadata does not declare');
      else if (field.list)
        xmlListItems(field, child, this.meta.types).forEach((item, i) =>
          this.xmlElement(field, item, path, `${here}[${i}]`),
        );
      else this.xmlElement(field, child, path, here);
    }
  }

  private xmlElement(field: FieldMeta, element: XmlElement, path: string, at: string): void {
    if (field.kind === 'struct') {
      if (element.children.length === 0 && element.text.trim() !== '')
        return this.add(path, at, `a ${field.struct ?? 'struct'} field holds text`);
      return this.xmlObject(field.struct, element, at);
    }
    if (element.children.length > 0) {
      return field.kind === 'json' ? undefined : this.add(path, at, `a ${field.kind} field holds elements`);
    }
    const problem = textProblem(field.kind, element.text);
    if (problem) this.add(path, at, problem);
  }
}

/**
 * Paths (`response.x`, `types.S.y`) of declared fields absent from a decoded answer. Struct
 * fields are followed into the first list element; a struct inside itself is expanded once,
 * and file fields are never part of an answer.
 */
export function missingDeclaredFields(meta: MethodMeta, value: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const walk = (
    fields: readonly FieldMeta[],
    object: Record<string, unknown>,
    where: string,
    enclosing: ReadonlySet<string>,
  ): void => {
    for (const field of fields) {
      if (field.kind === 'file' || (field.kind === 'struct' && (!field.struct || enclosing.has(field.struct))))
        continue;
      const present = object[field.name];
      if (present === undefined) {
        missing.push(`${where}.${field.name}`);
        continue;
      }
      if (field.kind !== 'struct') continue;
      const item = field.list && Array.isArray(present) ? (present as unknown[])[0] : present;
      if (item !== null && typeof item === 'object') {
        walk(
          meta.types[field.struct!] ?? [],
          item as Record<string, unknown>,
          `types.${field.struct}`,
          new Set(enclosing).add(field.struct!),
        );
      }
    }
  };
  walk(meta.response, value, 'response', new Set());
  return missing;
}
