/**
 * Table types against the values the response sample shows. A mismatch is reported and the
 * table's type kept: seed 004 types `biz_error_desc` as Boolean while its sample value is the
 * sentence 请求账号身份不为主账号; only an override (spec/overrides) changes a type.
 * TOP prints ids typed String as JSON numbers and Number fields as numeric strings, and clients
 * read both, so those are accepted; what a typed client could not read is reported.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { Draft, DraftField } from './draft.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { isStructTypeName, splitTopType } from '../vocabulary/top-types.js';
import { fieldItems, findSampleRoot, isSampleObject, objectsOf, type SampleObject } from './sample-walk.js';
import { listWrapperKey } from './wrapper-keys.js';

const NUMERIC = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function checkSampleTypes(draft: Draft): Diagnostic[] {
  const root = findSampleRoot(draft.samples, draft.method);
  if (root === undefined) return [];
  const diagnostics: Diagnostic[] = [];
  const visit = (fields: DraftField[], objects: SampleObject[], owner: string, depth: number) => {
    for (const field of fields) {
      const values = objects
        .map((o) => o[field.name])
        .filter((v) => v !== undefined && v !== null && !(root.xml && v === ''));
      if (values.length === 0) continue;
      if (!field.inferred) {
        const bad = values.find((v) => !fits(field.type, v, root.xml));
        if (bad !== undefined) {
          diagnostics.push(
            diagnostic(
              field.origin,
              'warning',
              CODES.sampleTypeMismatch,
              `${owner}.${field.name}: the table types it ${field.type} but the ${root.kind} sample value is ${show(bad)}; type kept`,
            ),
          );
        }
      }
      const { element: base } = splitTopType(field.type);
      const typeFields = draft.types.get(base);
      if (!isStructTypeName(base) || typeFields === undefined || depth > 32) continue;
      visit(typeFields, objectsOf(values.flatMap((v) => fieldItems(v, field.type, root.xml))), base, depth + 1);
    }
  };
  visit(draft.response, [root.object], 'response', 0);
  return diagnostics;
}

function fits(type: string, value: unknown, xml: boolean): boolean {
  const { element: base, list } = splitTopType(type);
  if (list) return Array.isArray(value) || isSampleObject(value);
  if (isStructTypeName(base)) return isSampleObject(value) && !(!xml && isWrappedList(value, base));
  return fitsScalar(base, value);
}

/** `{ "foo": [ … ] }` where a single struct Foo is declared: the sample shows a list of Foo. */
function isWrappedList(value: Record<string, unknown>, base: string): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === listWrapperKey(base) && Array.isArray(value[keys[0]]);
}

function fitsScalar(base: string, value: unknown): boolean {
  switch (base) {
    case 'String':
    case 'Date':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'Number':
    case 'Price':
    case 'BigDecimal':
      return typeof value === 'number' || (typeof value === 'string' && NUMERIC.test(value.trim()));
    case 'Boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    default:
      // Json, Field List, byte[]: any value.
      return true;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
