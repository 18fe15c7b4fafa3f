/**
 * Struct fields the tables do not give, recovered from the response sample (docs/spec.md
 * "Inference"). Seed 000 types `result_list` as `UvIdGenerateRes []` and lists no fields; its
 * JSON sample shows `{ "result_list": { "uv_id_generate_res": [ { "error_message": … } ] } }`,
 * so UvIdGenerateRes gets error_message, encrypted_uvid and source_value, each `inferred: true`.
 * Keys a sample shows that no table lists are added the same way, after the table's fields.
 * JSON is preferred; the simplified JSON next; XML only when there is no JSON.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { Draft, DraftField, Origin } from './draft.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { isStructTypeName, splitTopType } from '../vocabulary/top-types.js';
import { fieldItems, findSampleRoot, isSampleObject, objectsOf, unwrapList, type SampleObject } from './sample-walk.js';
import { listWrapperKey, responseRootKey, typeNameFromKey } from './wrapper-keys.js';

interface Walk {
  draft: Draft;
  /** Struct names the tables use; a name guessed from a sample key must not join them. */
  declared: Set<string>;
  origin: Origin;
  kind: string;
  xml: boolean;
  diagnostics: Diagnostic[];
}

export function inferFromSamples(draft: Draft): Diagnostic[] {
  const root = findSampleRoot(draft.samples, draft.method);
  if (root === undefined) return [];
  const walk: Walk = {
    draft,
    declared: declaredStructs(draft),
    origin: root.origin,
    kind: root.kind,
    xml: root.xml,
    diagnostics: [],
  };
  if (root.unexpectedRootKey) {
    walk.diagnostics.push(
      diagnostic(
        root.origin,
        'warning',
        CODES.sampleRootKey,
        `${root.kind} sample root key is "${root.unexpectedRootKey}", expected "${responseRootKey(draft.method)}"; read anyway`,
      ),
    );
  }
  walkFields(draft.response, [root.object], 'response', walk);
  return walk.diagnostics;
}

function walkFields(fields: DraftField[], objects: SampleObject[], owner: string, walk: Walk): void {
  const hadTableFields = fields.some((f) => !f.inferred);
  const added: string[] = [];
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      if (fields.some((f) => f.name === key)) continue;
      fields.push(inferField(key, value, owner, walk));
      added.push(key);
    }
  }
  if (added.length > 0) {
    const message = hadTableFields
      ? `${owner}: the ${walk.kind} sample shows ${added.join(', ')}, which no table lists; added as inferred fields`
      : `${owner}: fields ${added.join(', ')} inferred from the ${walk.kind} sample`;
    walk.diagnostics.push(
      diagnostic(walk.origin, 'notice', hadTableFields ? CODES.sampleOnlyFields : CODES.fieldsInferred, message),
    );
  }
  for (const field of fields) {
    const { element: base, list } = splitTopType(field.type);
    if (!isStructTypeName(base)) continue;
    const values = objects.map((o) => o[field.name]).filter((v) => v !== undefined);
    if (list) reportWrapper(field, owner, values, walk);
    const children = objectsOf(values.flatMap((v) => fieldItems(v, field.type, walk.xml)));
    if (children.length === 0) continue;
    let typeFields = walk.draft.types.get(base);
    if (typeFields === undefined) {
      typeFields = [];
      walk.draft.types.set(base, typeFields);
    }
    walkFields(typeFields, children, base, walk);
  }
}

function declaredStructs(draft: Draft): Set<string> {
  const names = new Set<string>();
  const add = (fields: readonly DraftField[]) => {
    for (const field of fields) {
      const { element: base } = splitTopType(field.type);
      if (!field.inferred && isStructTypeName(base)) names.add(base);
    }
  };
  add(draft.request);
  add(draft.response);
  for (const [name, fields] of draft.types) {
    if (fields.some((f) => !f.inferred)) names.add(name);
    add(fields);
  }
  return names;
}

function reportWrapper(field: DraftField, owner: string, values: unknown[], walk: Walk): void {
  const { element: base } = splitTopType(field.type);
  for (const value of values) {
    const { unexpectedWrapper } = unwrapList(value, base, walk.xml);
    if (unexpectedWrapper === undefined) continue;
    walk.diagnostics.push(
      diagnostic(
        walk.origin,
        'warning',
        CODES.wrapperKey,
        `${owner}.${field.name}: the ${walk.kind} sample wraps the list in "${unexpectedWrapper}", the type ${field.type} gives "${listWrapperKey(base)}"; read anyway`,
      ),
    );
    return;
  }
}

function inferField(key: string, value: unknown, owner: string, walk: Walk): DraftField {
  let type = inferType(key, value, walk.xml);
  const { element: base, list } = splitTopType(type);
  // A struct named from the key (not from a list wrapper, which the gateway derives from the
  // real type name) is a guess: when the tables use that name for another struct, the parent's
  // type name goes in front (`data` under NTbkItem → NTbkItemData).
  if (base === typeNameFromKey(key) && walk.declared.has(base)) {
    const parent = owner === 'response' ? typeNameFromKey(responseRootKey(walk.draft.method)) : owner;
    type = `${parent}${base}${list ? '[]' : ''}`;
  }
  const field: DraftField = { name: key, type, inferred: true, origin: walk.origin };
  // JSON.parse rounds integers beyond 2^53 (order ids such as 1707359271433894971): no example
  // rather than a wrong one.
  const exact = typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value);
  if (
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    exact &&
    String(value) !== ''
  ) {
    field.example = String(value);
  }
  return field;
}

/**
 * The type a sample value shows: string → String, number → Number, boolean → Boolean; an
 * object → a struct named from the key; `{ "<key>": [ … ] }` (the gateway's list wrapper) or a
 * bare array → a list, of `String`/`Number`/`Boolean` for the `string`/`number`/`boolean`
 * wrappers or primitive elements, else of a struct named from the wrapper key. XML texts carry
 * no type: `true`/`false` → Boolean, an integer → Number, anything else → String; in XML a
 * single-key element holding elements is read as a list wrapper. `null` shows no type: String.
 */
export function inferType(key: string, value: unknown, xml: boolean): string {
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'string') {
    if (!xml) return 'String';
    if (value === 'true' || value === 'false') return 'Boolean';
    return /^-?\d+$/.test(value) ? 'Number' : 'String';
  }
  if (Array.isArray(value)) return `${elementType(key, value, xml)}[]`;
  if (!isSampleObject(value)) return 'String';
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0]! : undefined;
  if (only !== undefined) {
    const inner = value[only];
    const primitive = { string: 'String', number: 'Number', boolean: 'Boolean' }[only];
    if (primitive !== undefined && (Array.isArray(inner) || xml)) return `${primitive}[]`;
    if (Array.isArray(inner) || (xml && isSampleObject(inner)))
      return `${elementType(only, Array.isArray(inner) ? inner : [inner], xml)}[]`;
  }
  return typeNameFromKey(key);
}

function elementType(key: string, elements: unknown[], xml: boolean): string {
  const first = elements.find((e) => e !== null && e !== undefined);
  if (first === undefined) return 'String';
  if (isSampleObject(first)) return typeNameFromKey(key);
  return inferType(key, first, xml);
}
