/**
 * The report as JSON, the shape documented in docs/diff.md. Keys are written in a fixed order
 * (not the order objects happened to be built in) so the output is byte-stable for tools and
 * snapshot tests; optional keys are omitted when empty.
 */
import type { CatalogChange, Change, ChangeDiffCheck, DiffReport, MethodDiff, SideSummary } from './diff-model.js';

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}

const SIDE_KEYS: (keyof SideSummary)[] = ['input', 'kind', 'commit', 'methods', 'catalogTitles'];
const CHANGE_KEYS: (keyof Change)[] = ['severity', 'kind', 'path', 'old', 'new', 'inferred', 'message'];
const CHECK_KEYS: (keyof ChangeDiffCheck)[] = [
  'gmtModified',
  'input',
  'output',
  'newerThanOld',
  'confirmed',
  'alreadyOnOldSide',
  'uncheckable',
  'missingFromDiff',
  'missingFromSite',
];
const CATALOG_KEYS: (keyof CatalogChange)[] = ['kind', 'title', 'from', 'method', 'linkedBy'];

function orderMethod(m: MethodDiff) {
  return {
    ...pick(m, ['method', 'title', 'status', 'severity']),
    changes: m.changes.map((c) => pick(c, CHANGE_KEYS)),
    ...(m.changeDiff ? { changeDiff: pick(m.changeDiff, CHECK_KEYS) } : {}),
  };
}

export function renderJson(report: DiffReport): string {
  const ordered = {
    version: report.version,
    old: pick(report.old, SIDE_KEYS),
    new: pick(report.new, SIDE_KEYS),
    bump: report.bump,
    summary: pick(report.summary, [
      'breaking',
      'compatible',
      'docs',
      'methodsAdded',
      'methodsRemoved',
      'methodsChanged',
      'catalogChanges',
      'changeDiffDisagreements',
    ]),
    methods: report.methods.map(orderMethod),
    catalog: report.catalog.map((c) => pick(c, CATALOG_KEYS)),
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
