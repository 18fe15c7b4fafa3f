/**
 * Pages from every reader → one spec per method (docs/design.md "The spec", docs/spec.md).
 * Per method: normalise each page (normalise-page.ts), merge the drafts by the precedence rule
 * (merge-sources.ts), recover what the tables leave out from the samples
 * (infer-from-samples.ts), check the tables against the samples (check-sample-types.ts), then
 * drop the provenance. Problems are collected, never thrown.
 */
import { sortDiagnostics, type Diagnostic } from '../report/diagnostic.js';
import type { Page } from '../read/page-model.js';
import type { SampleKind } from '../vocabulary/sample-kinds.js';
import { checkSampleTypes } from './check-sample-types.js';
import type { Draft, DraftField } from './draft.js';
import { inferFromSamples } from './infer-from-samples.js';
import { mergeDrafts } from './merge-sources.js';
import type { MethodSpec, SampleRepair, SpecField } from '../spec/model.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { dropOversizedValues } from './drop-oversized-values.js';
import { normalisePage } from './normalise-page.js';
import { isStructTypeName, splitTopType } from '../vocabulary/top-types.js';

export function buildSpecs(pages: Page[]): { specs: MethodSpec[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byMethod = new Map<string, Draft[]>();
  for (const page of pages) {
    diagnostics.push(...dropOversizedValues(page));
    const { draft, diagnostics: found } = normalisePage(page);
    diagnostics.push(...found);
    if (draft === undefined) continue;
    byMethod.set(draft.method, [...(byMethod.get(draft.method) ?? []), draft]);
  }
  const specs: MethodSpec[] = [];
  for (const method of [...byMethod.keys()].sort()) {
    const draft = mergeDrafts(byMethod.get(method)!);
    diagnostics.push(...inferFromSamples(draft), ...checkSampleTypes(draft), ...keepReachableTypes(draft));
    if (draft.disagreements.length > 0) {
      const paths = draft.disagreements.map((d) => d.path);
      const shown = paths.length > 5 ? `${paths.slice(0, 5).join(', ')}, …` : paths.join(', ');
      diagnostics.push(
        diagnostic(
          draft.origin,
          'notice',
          CODES.disagreements,
          `${method}: sources disagree on ${paths.length} value(s), recorded under disagreements: ${shown}`,
        ),
      );
    }
    specs.push(toMethodSpec(draft));
  }
  return { specs, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Keep the struct types the request and response reach (a type only a losing source named is
 * dropped with its source's disagreement recorded), and report reached structs nobody expands:
 * they stay as empty structs so that the generator still knows the name is a struct.
 */
function keepReachableTypes(draft: Draft): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reached = new Set<string>();
  const visit = (fields: DraftField[]) => {
    for (const field of fields) {
      const { element: base } = splitTopType(field.type);
      if (!isStructTypeName(base) || reached.has(base)) continue;
      reached.add(base);
      const typeFields = draft.types.get(base);
      if (typeFields === undefined || typeFields.length === 0) {
        draft.types.set(base, []);
        diagnostics.push(
          diagnostic(
            field.origin,
            'warning',
            CODES.emptyStruct,
            `${field.name}: no source lists the fields of ${base} and no sample shows them; kept as a struct without fields`,
          ),
        );
      } else visit(typeFields);
    }
  };
  visit(draft.request);
  visit(draft.response);
  for (const name of [...draft.types.keys()]) if (!reached.has(name)) draft.types.delete(name);
  return diagnostics;
}

function toMethodSpec(draft: Draft): MethodSpec {
  const spec: MethodSpec = {
    method: draft.method,
    auth: draft.auth?.value ?? 'unknown',
    request: draft.request.map(toSpecField),
    response: draft.response.map(toSpecField),
    types: Object.fromEntries(
      [...draft.types.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, fields]) => [name, fields.map(toSpecField)]),
    ),
    samples: {},
    errors: draft.errors.map(({ origin: _origin, ...error }) => error),
    sources: draft.sources,
  };
  if (draft.title) spec.title = draft.title.value;
  if (draft.description) spec.description = draft.description.value;
  if (draft.docId) spec.doc_id = draft.docId.value;
  const repairs: SampleRepair[] = [];
  for (const [kind, sample] of Object.entries(draft.samples) as [
    SampleKind,
    NonNullable<Draft['samples'][SampleKind]>,
  ][]) {
    spec.samples[kind] = sample.text;
    if (sample.repair) repairs.push(sample.repair);
  }
  if (draft.disagreements.length > 0) spec.disagreements = draft.disagreements;
  if (repairs.length > 0) spec.repairs = repairs;
  if (draft.changeDiff) spec.change_diff = draft.changeDiff.value;
  return spec;
}

function toSpecField({ origin: _origin, depthUnknown: _depthUnknown, ...field }: DraftField): SpecField {
  return field;
}
