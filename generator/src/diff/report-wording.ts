/**
 * Small wording pieces shared by the text and markdown renderers, so both say the same thing.
 */
import type { Change, ChangeDiffCheck, DiffReport, SideSummary } from './diff-model.js';

export function describeSide(side: SideSummary): string {
  const kind =
    side.kind === 'git'
      ? `git ${side.commit?.slice(0, 12) ?? ''}`.trim()
      : side.kind === 'pages'
        ? 'page sources'
        : 'spec folder';
  return `${side.input} (${kind}, ${side.methods} method${side.methods === 1 ? '' : 's'})`;
}

export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Kinds whose message does not already name the values, so the report shows them. */
const SHOWS_VALUES = new Set<Change['kind']>([
  'title-changed',
  'description-changed',
  'example-changed',
  'default-changed',
  'limits-changed',
  'doc-id-changed',
  'error-changed',
]);

/** The message, with `old → new` for documentation edits. */
export function describeChange(change: Change): string {
  const tag = change.inferred && change.kind !== 'provenance-changed' ? ' [from sample]' : '';
  if (!SHOWS_VALUES.has(change.kind)) return `${change.message}${tag}`;
  const show = (v: string | undefined) => (v === undefined ? '∅' : `"${shorten(v, 50)}"`);
  return `${change.message}: ${show(change.old)} → ${show(change.new)}${tag}`;
}

/** `2024-12-12` from epoch ms, in the doc site's own zone (GMT+8). */
export function siteDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10);
}

export function describeSiteRecord(check: ChangeDiffCheck): string {
  const list = (label: string, entries: string[]) => (entries.length ? `${label} ${entries.join(', ')}` : '');
  const parts = [list('input', check.input), list('output', check.output)].filter(Boolean);
  return `doc site change record of ${siteDate(check.gmtModified)}: ${parts.join('; ') || 'no entries'}`;
}

/** How each site entry fared, one line per non-empty group (disagreements are separate). */
export function describeSiteChecks(check: ChangeDiffCheck): string[] {
  const line = (label: string, entries: string[]) => (entries.length ? [`${label}: ${entries.join(', ')}`] : []);
  return [
    ...line('shown by our diff too', check.confirmed),
    ...line('already on the old side (the record is older)', check.alreadyOnOldSide),
    ...line('cannot be checked (struct fields not known on one side)', check.uncheckable),
  ];
}

export function describeDisagreements(check: ChangeDiffCheck): string[] {
  return [
    ...check.missingFromDiff.map((e) => `the site lists ${e}; our diff does not show it`),
    ...check.missingFromSite.map((e) => `our diff shows ${e}; the site's record does not list it`),
  ];
}

export function describeTotals(report: DiffReport): string {
  const s = report.summary;
  return `${s.breaking} breaking, ${s.compatible} compatible, ${s.docs} docs only; ${s.catalogChanges} catalog change${s.catalogChanges === 1 ? '' : 's'}`;
}
