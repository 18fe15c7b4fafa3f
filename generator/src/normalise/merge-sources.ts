/**
 * Several drafts of one method (one per page that documents it) → one draft, by the rule of
 * docs/spec.md "Merging sources": drafts are first put in precedence order (source-precedence.ts,
 * then file, then line), so the result does not depend on the order pages arrive in; every value
 * the sources state differently is recorded in `disagreements` with what each file said.
 */
import { sha256 } from '../files/sha256.js';
import { SAMPLE_KINDS, type SampleKind } from '../vocabulary/sample-kinds.js';
import type { Draft, DraftField, DraftSample, Sourced } from './draft.js';
import { dropMisplacedRows } from './drop-misplaced-rows.js';
import { comparable, display, mergeFieldLists } from './merge-fields.js';
import type { Disagreement } from '../spec/model.js';
import { precedenceRank, RULES } from './source-precedence.js';

export function orderDrafts(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort(
    (a, b) =>
      precedenceRank(a.origin.format) - precedenceRank(b.origin.format) ||
      compareText(a.origin.file, b.origin.file) ||
      a.origin.line - b.origin.line,
  );
}

export function mergeDrafts(input: readonly Draft[]): Draft {
  const drafts = orderDrafts(input);
  const first = drafts[0]!;
  const disagreements: Disagreement[] = [];
  dropMisplacedRows(drafts, disagreements);
  const merged: Draft = {
    method: first.method,
    origin: first.origin,
    request: mergeFieldLists(
      'request',
      drafts.map((d) => ({ file: d.origin.file, fields: d.request })),
      disagreements,
    ),
    response: mergeFieldLists(
      'response',
      drafts.map((d) => ({ file: d.origin.file, fields: d.response })),
      disagreements,
    ),
    types: mergeTypes(drafts, disagreements),
    samples: mergeSamples(drafts, disagreements),
    errors: mergeErrors(drafts, disagreements),
    sources: drafts
      .flatMap((d) => d.sources)
      .sort((a, b) => compareText(a.file, b.file) || compareText(a.format, b.format)),
    disagreements,
  };
  const title = pick(
    'title',
    drafts.map((d) => d.title),
    disagreements,
  );
  if (title) merged.title = title;
  const description = pick(
    'description',
    drafts.map((d) => d.description),
    disagreements,
  );
  if (description) merged.description = description;
  const docId = pick(
    'doc_id',
    drafts.map((d) => d.docId),
    disagreements,
  );
  if (docId) merged.docId = docId;
  const auth = pick(
    'auth',
    drafts.map((d) => d.auth),
    disagreements,
  );
  if (auth) merged.auth = auth;
  const changeDiff = pick(
    'change_diff',
    drafts.map((d) => d.changeDiff),
    disagreements,
  );
  if (changeDiff) merged.changeDiff = changeDiff;
  return merged;
}

/** The first stated value in precedence order; a disagreement when stated values differ. */
function pick<T, S extends Sourced<T>>(
  path: string,
  candidates: (S | undefined)[],
  disagreements: Disagreement[],
): S | undefined {
  const stated = candidates.filter((c): c is S => c !== undefined);
  if (stated.length === 0) return undefined;
  if (new Set(stated.map((s) => comparable(s.value))).size > 1) {
    disagreements.push({
      path,
      said: stated.map((s) => ({ source: s.origin.file, value: display(s.value) })),
      chose: display(stated[0]!.value),
      rule: RULES.precedence,
    });
  }
  return stated[0];
}

function mergeTypes(drafts: Draft[], disagreements: Disagreement[]): Map<string, DraftField[]> {
  const names = [...new Set(drafts.flatMap((d) => [...d.types.keys()]))].sort(compareText);
  const types = new Map<string, DraftField[]>();
  for (const name of names) {
    const lists = drafts
      .filter((d) => (d.types.get(name)?.length ?? 0) > 0)
      .map((d) => ({ file: d.origin.file, fields: d.types.get(name)! }));
    types.set(name, mergeFieldLists(`types.${name}`, lists, disagreements));
  }
  return types;
}

function mergeSamples(drafts: Draft[], disagreements: Disagreement[]): Partial<Record<SampleKind, DraftSample>> {
  const samples: Partial<Record<SampleKind, DraftSample>> = {};
  for (const kind of SAMPLE_KINDS) {
    const stated = drafts.map((d) => d.samples[kind]).filter((s): s is DraftSample => s !== undefined);
    if (stated.length === 0) continue;
    const usable = stated.filter((s) => s.value !== undefined);
    const chosen = usable[0] ?? stated[0]!;
    samples[kind] = chosen;
    const shapes = new Set(usable.map((s) => canonicalJson(s.value)));
    if (shapes.size > 1 || (usable.length > 0 && usable.length < stated.length)) {
      disagreements.push({
        path: `samples.${kind}`,
        said: stated.map((s) => ({ source: s.origin.file, value: describeSample(s) })),
        chose: chosen.origin.file,
        rule: RULES.usableSample,
      });
    }
  }
  return samples;
}

function mergeErrors(drafts: Draft[], disagreements: Disagreement[]): Draft['errors'] {
  const codes = [...new Set(drafts.flatMap((d) => d.errors.map((e) => e.code)))];
  return codes.map((code) => {
    const stated = drafts.flatMap((d) => d.errors.filter((e) => e.code === code));
    const chosen = { ...stated[0]! };
    for (const key of ['message', 'solution'] as const) {
      const said = stated.filter((e) => e[key] !== undefined);
      if (said.length === 0) continue;
      chosen[key] = said[0]![key];
      if (new Set(said.map((e) => comparable(e[key]))).size > 1) {
        disagreements.push({
          path: `errors.${code}.${key}`,
          said: said.map((e) => ({ source: e.origin.file, value: e[key]! })),
          chose: said[0]![key]!,
          rule: RULES.precedence,
        });
      }
    }
    return chosen;
  });
}

function describeSample(sample: DraftSample): string {
  if (sample.value === undefined) return 'does not parse';
  const json = canonicalJson(sample.value);
  return `sha256 ${sha256(json).slice(0, 12)} of ${json.length} chars of canonical JSON`;
}

/** JSON with object keys sorted, so that key order and whitespace do not count as a difference. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
