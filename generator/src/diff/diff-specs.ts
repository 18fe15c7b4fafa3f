/**
 * Compare two specs (in memory) into a DiffReport: methods added, removed and changed with every
 * change classified, the catalog's title changes, the doc site's own change records beside ours,
 * and the semver bump that follows.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { CatalogSpec, MethodSpec } from '../spec/model.js';
import { compareChangeDiff } from './change-diff-compare.js';
import { compareText } from './compare-text.js';
import { diffCatalog } from './diff-catalog.js';
import { diffMethod } from './diff-method.js';
import {
  SEVERITIES,
  type Change,
  type DiffReport,
  type DiffSummary,
  type MethodDiff,
  type Severity,
} from './diff-model.js';
import { flattenFields } from './flatten-fields.js';
import { buildDiffIr } from './method-ir.js';
import { suggestBump } from './semver-bump.js';
import type { SpecSide } from './spec-side.js';

export interface DiffOptions {
  /**
   * Compare only the methods both sides have (e.g. two crawls covering different methods); the
   * catalogs are then compared only on titles mapped to those methods.
   */
  sharedOnly?: boolean;
  /**
   * Where the warnings go that a compared method's spec is rejected by the generator on a side
   * (TBK410, method-ir.ts): its fields are then compared on the spec alone.
   */
  diagnostics?: Diagnostic[];
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

function highest(changes: readonly Change[]): Severity {
  return changes.reduce<Severity>((acc, c) => (rank(c.severity) < rank(acc) ? c.severity : acc), 'docs');
}

function bySeverity(changes: Change[]): Change[] {
  // Stable: within a severity the order stays auth, fields (old side first, then added), docs.
  return changes
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => rank(a.severity) - rank(b.severity) || i - j)
    .map(([c]) => c);
}

/** A change of a request param or response field, at any depth (not auth, docs, samples). */
const isFieldChange = (c: Change) => c.path.startsWith('request.') || c.path.startsWith('response.');

function diffOneMethod(
  name: string,
  a: MethodSpec | undefined,
  b: MethodSpec | undefined,
  sides: { before: SpecSide; after: SpecSide; diagnostics: Diagnostic[] },
): MethodDiff | undefined {
  const title = b?.title ?? a?.title;
  const base = { method: name, ...(title ? { title } : {}) };
  if (!a)
    return {
      ...base,
      status: 'added',
      severity: 'compatible',
      changes: [{ severity: 'compatible', kind: 'method-added', path: name, message: 'method added' }],
    };
  if (!b)
    return {
      ...base,
      status: 'removed',
      severity: 'breaking',
      changes: [{ severity: 'breaking', kind: 'method-removed', path: name, message: 'method removed' }],
    };
  let [before, after] = [flattenFields(a), flattenFields(b)];
  let found = diffMethod(a, b, before, after);
  // The IR's facts follow from the fields' TOP types and the structs they reach: where the spec
  // shows no field change, neither does the IR, and it is not built (docs/diff.md).
  if (found.some(isFieldChange)) {
    const irOf = (spec: MethodSpec, side: SpecSide) => buildDiffIr(spec, side.summary.input, sides.diagnostics);
    [before, after] = [flattenFields(a, irOf(a, sides.before)), flattenFields(b, irOf(b, sides.after))];
    found = diffMethod(a, b, before, after);
  }
  const changes = bySeverity(found);
  const changeDiff = compareChangeDiff({ old: a, new: b, changes, before, after, oldTime: sides.before.time });
  if (!changes.length && !changeDiff) return undefined;
  return { ...base, status: 'changed', severity: highest(changes), changes, ...(changeDiff ? { changeDiff } : {}) };
}

function summarise(methods: readonly MethodDiff[], catalogChanges: number): DiffSummary {
  const all = methods.flatMap((m) => m.changes);
  const count = (s: Severity) => all.filter((c) => c.severity === s).length;
  return {
    breaking: count('breaking'),
    compatible: count('compatible'),
    docs: count('docs'),
    methodsAdded: methods.filter((m) => m.status === 'added').length,
    methodsRemoved: methods.filter((m) => m.status === 'removed').length,
    methodsChanged: methods.filter((m) => m.status === 'changed' && m.changes.length > 0).length,
    catalogChanges,
    changeDiffDisagreements: methods.reduce(
      (n, m) => n + (m.changeDiff ? m.changeDiff.missingFromDiff.length + m.changeDiff.missingFromSite.length : 0),
      0,
    ),
  };
}

function restrictCatalog(catalog: CatalogSpec, methods: ReadonlySet<string>): CatalogSpec {
  return { ...catalog, titles: catalog.titles.filter((t) => t.method !== undefined && methods.has(t.method)) };
}

export function diffSpecs(before: SpecSide, after: SpecSide, options: DiffOptions = {}): DiffReport {
  const names = new Set([...before.methods.keys(), ...after.methods.keys()]);
  const methods: MethodDiff[] = [];
  for (const name of [...names].sort(compareText)) {
    const a = before.methods.get(name);
    const b = after.methods.get(name);
    if (options.sharedOnly && (!a || !b)) continue;
    const d = diffOneMethod(name, a, b, { before, after, diagnostics: options.diagnostics ?? [] });
    if (d) methods.push(d);
  }
  methods.sort((x, y) => rank(x.severity) - rank(y.severity) || compareText(x.method, y.method));
  // A hand-made spec folder may have no catalog: then there is nothing to compare it with.
  let [oldCatalog, newCatalog] = [before.catalog, after.catalog];
  if (options.sharedOnly && oldCatalog && newCatalog) {
    const shared = new Set([...before.methods.keys()].filter((m) => after.methods.has(m)));
    [oldCatalog, newCatalog] = [restrictCatalog(oldCatalog, shared), restrictCatalog(newCatalog, shared)];
  }
  const catalog = oldCatalog && newCatalog ? diffCatalog(oldCatalog, newCatalog) : [];
  const summary = summarise(methods, catalog.length);
  return { version: 1, old: before.summary, new: after.summary, bump: suggestBump(summary), summary, methods, catalog };
}
