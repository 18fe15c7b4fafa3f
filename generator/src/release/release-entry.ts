/**
 * The history entry of a release (spec/releases.yaml), built from the diff since the previous
 * release: every change of the diff lands in one section, per method in method order —
 * `breaking` (what the diff classes breaking), `added` (a method, an optional param or a
 * response field added), `changed` (the other compatible changes: a param no longer required,
 * auth relaxed) and `docs` (documentation, samples, error codes; catalog titles under
 * "catalog"). The change texts are the diff report's own wording, as markdown: the path in a
 * code span, doc text escaped.
 */
import type { Change, CatalogChange, DiffReport } from '../diff/diff-model.js';
import { describeChange, describeTotals } from '../diff/report-wording.js';
import { compareText } from '../diff/compare-text.js';
import { markdownText } from '../emit/readme-view.js';
import type { ChangeSection, MethodChanges, ReleaseEntry } from '../spec/release-history.js';

const ADDITIONS = new Set<Change['kind']>(['method-added', 'param-added-optional', 'field-added']);

export function sectionOf(change: Change): ChangeSection {
  if (change.severity === 'breaking') return 'breaking';
  if (change.severity === 'compatible') return ADDITIONS.has(change.kind) ? 'added' : 'changed';
  return 'docs';
}

/** `` `request.tk_domain`: optional param added (Number) ``; a method added or removed reads as it is. */
function changeText(method: string, change: Change): string {
  const text = markdownText(describeChange(change));
  return change.path === method ? text : `\`${change.path.replace(/`/g, "'")}\`: ${text}`;
}

function catalogText(c: CatalogChange): string {
  const text =
    c.kind === 'title-renamed'
      ? `title renamed: ${c.from ?? ''} → ${c.title}`
      : `title ${c.kind === 'title-added' ? 'added' : 'removed'}: ${c.title}`;
  return markdownText(text);
}

export interface EntryContext {
  version: string;
  previous: string;
  date: string;
  comparedWith: string;
}

export function buildReleaseEntry(report: DiffReport, context: EntryContext): ReleaseEntry {
  const sections: Record<ChangeSection, MethodChanges[]> = { breaking: [], added: [], changed: [], docs: [] };
  const methods = [...report.methods].sort((a, b) => compareText(a.method, b.method));
  for (const m of methods) {
    const bySection = new Map<ChangeSection, string[]>();
    for (const c of m.changes) {
      const section = sectionOf(c);
      bySection.set(section, [...(bySection.get(section) ?? []), changeText(m.method, c)]);
    }
    for (const [section, changes] of bySection)
      sections[section].push({ method: m.method, ...(m.title ? { title: m.title } : {}), changes });
  }
  if (report.catalog.length) sections.docs.push({ method: 'catalog', changes: report.catalog.map(catalogText) });
  const changed = report.methods.length || report.catalog.length;
  return {
    version: context.version,
    date: context.date,
    previous: context.previous,
    compared_with: context.comparedWith,
    summary: changed ? describeTotals(report) : 'no API change',
    ...sections,
  };
}
