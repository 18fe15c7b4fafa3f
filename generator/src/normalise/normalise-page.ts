/**
 * One page → a draft spec for its method, every value tagged with its file and line.
 * Types are normalised; struct fields the page nests (records' `subParams`) become `types`;
 * the markdown dump's flattened `└` rows are placed by the page's own sample
 * (place-flattened-rows.ts). Nothing is merged or inferred across pages here.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import { parseLimitsText } from '../read/limits-text.js';
import type { Page, PageParam, ParamLimits } from '../read/page-model.js';
import type { Draft, DraftField, Origin } from './draft.js';
import type { FieldLimits } from '../spec/model.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { normaliseType } from './normalise-type.js';
import { isStructTypeName, splitTopType } from '../vocabulary/top-types.js';
import { placeFlattenedRows } from './place-flattened-rows.js';
import { readSamples } from './read-samples.js';
import { findSampleRoot } from './sample-walk.js';
import { addStructFields } from './struct-fields.js';

export interface NormalisedPage {
  draft?: Draft;
  diagnostics: Diagnostic[];
}

interface Flattened {
  parent: DraftField;
  rows: DraftField[];
  side: 'request' | 'response';
}

export function normalisePage(page: Page): NormalisedPage {
  const diagnostics: Diagnostic[] = [];
  const method = page.method?.value.trim();
  if (!method) {
    diagnostics.push(
      diagnostic(page, 'error', CODES.noMethod, `page names no API method; no spec can be built from it`),
    );
    return { diagnostics };
  }
  const origin = (line: number): Origin => ({ file: page.file, format: page.format, line });
  const types = new Map<string, DraftField[]>();
  const flattened: Flattened[] = [];
  const ctx = { page, origin, types, flattened, diagnostics };
  const { samples, diagnostics: sampleDiagnostics } = readSamples(page);
  diagnostics.push(...sampleDiagnostics);

  const draft: Draft = {
    method,
    origin: origin(page.line),
    request: page.request.map((p) => toField(p, 'request', ctx)),
    response: page.response.map((p) => toField(p, 'response', ctx)),
    types,
    samples,
    errors: page.errors.map((e) => ({
      code: e.code,
      ...text('message', e.message),
      ...text('solution', e.solution),
      origin: origin(e.line),
    })),
    sources: [{ file: page.file, format: page.format, sha256: page.sha256 }],
    disagreements: [],
  };
  if (page.title?.value.trim()) draft.title = { value: page.title.value.trim(), origin: origin(page.title.line) };
  if (page.description?.value.trim())
    draft.description = { value: page.description.value.trim(), origin: origin(page.description.line) };
  if (page.docId !== undefined) draft.docId = { value: page.docId, origin: origin(page.line) };
  if (page.auth) draft.auth = { value: page.auth.value, evidence: page.auth.evidence, origin: origin(page.auth.line) };
  if (page.changeDiff) {
    const { gmtModified, inputDiff, outputDiff } = page.changeDiff;
    draft.changeDiff = {
      value: { gmt_modified: gmtModified, input: inputDiff, output: outputDiff },
      origin: origin(page.line),
    };
  }
  // Only response rows can be placed by a sample; request structs have none.
  const root = findSampleRoot(samples, method);
  for (const { parent, rows, side } of flattened) {
    diagnostics.push(...placeFlattenedRows(parent, rows, types, side === 'response' ? root : undefined));
  }
  return { draft, diagnostics };
}

interface Context {
  page: Page;
  origin: (line: number) => Origin;
  types: Map<string, DraftField[]>;
  flattened: Flattened[];
  diagnostics: Diagnostic[];
}

function toField(param: PageParam, side: 'request' | 'response', ctx: Context): DraftField {
  const where = { file: ctx.page.file, line: param.line };
  const normalised = normaliseType(param.type);
  if (normalised.odd)
    ctx.diagnostics.push(diagnostic(where, 'warning', CODES.oddType, `${param.name}: ${normalised.odd}`));
  if (normalised.corrected)
    ctx.diagnostics.push(diagnostic(where, 'notice', CODES.correctedType, `${param.name}: ${normalised.corrected}`));
  const field: DraftField = { name: param.name.trim(), type: normalised.type, origin: ctx.origin(param.line) };
  if (side === 'request' && param.required !== undefined) field.required = param.required;
  if (param.example !== undefined && param.example.trim() !== '') field.example = param.example.trim();
  // Readers parse 更多限制 into default/limits; the raw text is the fallback for one that did not.
  const fromText = (param.limitsText ? parseLimitsText(param.limitsText) : undefined) ?? {};
  const defaultValue = param.default?.trim() || fromText.default;
  if (defaultValue) field.default = defaultValue;
  const limits = toLimits(param.limits ?? fromText.limits);
  if (limits) field.limits = limits;
  if (param.description !== undefined && param.description.trim() !== '') field.description = param.description.trim();

  const children = (param.children ?? []).map((child) => toField(child, side, ctx));
  if (children.length === 0) return field;
  const { element: base } = splitTopType(field.type);
  if (!isStructTypeName(base)) {
    ctx.diagnostics.push(
      diagnostic(
        where,
        'warning',
        CODES.childrenOfScalar,
        `${field.name}: type ${field.type} is not a struct, its ${children.length} nested rows are ignored`,
      ),
    );
    return field;
  }
  if (param.childrenFlattened) ctx.flattened.push({ parent: field, rows: children, side });
  else ctx.diagnostics.push(...addStructFields(ctx.types, base, children));
  return field;
}

function toLimits(page: ParamLimits | undefined): FieldLimits | undefined {
  const limits: FieldLimits = {};
  if (page?.maxLength !== undefined) limits.max_length = page.maxLength;
  if (page?.maxListSize !== undefined) limits.max_list_size = page.maxListSize;
  if (page?.maxValue !== undefined) limits.max_value = page.maxValue;
  if (page?.minValue !== undefined) limits.min_value = page.minValue;
  return Object.keys(limits).length > 0 ? limits : undefined;
}

function text<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed === '' ? {} : ({ [key]: trimmed } as Record<K, string>);
}
