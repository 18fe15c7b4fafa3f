/**
 * The report as markdown for a pull-request comment, through templates/diff-report.md.hbs. The
 * template is logic-free, so everything it prints is computed here (style.md: handlebars for
 * prose, no logic in templates): a summary table, then per-method details, breaking first, then
 * the catalog. Text from the docs is escaped here for markdown table cells.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { CatalogChange, DiffReport, MethodDiff, Severity } from './diff-model.js';
import {
  describeChange,
  describeDisagreements,
  describeSide,
  describeSiteChecks,
  describeSiteRecord,
  describeTotals,
} from './report-wording.js';

const TEMPLATE_URL = new URL('../../../templates/diff-report.md.hbs', import.meta.url);

const MARK: Record<Severity, string> = { breaking: '🔴 breaking', compatible: '🟢 compatible', docs: '📝 docs' };
const GROUP_HEADING: Record<Severity, string> = {
  breaking: 'Breaking changes',
  compatible: 'Compatible changes',
  docs: 'Documentation-only changes',
};
const BUMP_REASON = {
  major: 'breaking changes found',
  minor: 'compatible additions only',
  patch: 'documentation changes only',
  none: 'no changes',
} as const;

/** Text for a table cell or a line: no line breaks, pipes and HTML escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .trim();
}

/** For text inside a code span: backticks cannot be escaped there, so they are replaced. */
function escapeCode(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|');
}

function methodView(m: MethodDiff) {
  const title = m.title ? ` — ${escapeMarkdown(m.title)}` : '';
  const status = m.status === 'changed' ? `${m.changes.length} change${m.changes.length === 1 ? '' : 's'}` : m.status;
  return {
    open: m.severity === 'breaking' ? ' open' : '',
    summary: `<code>${escapeMarkdown(m.method)}</code>${title} (${status})`,
    rows: m.changes.map((c) => ({
      severity: MARK[c.severity],
      path: escapeCode(c.path),
      change: escapeMarkdown(describeChange(c)),
    })),
    siteRecord: m.changeDiff ? [escapeMarkdown(describeSiteRecord(m.changeDiff))] : [],
    siteChecks: m.changeDiff ? describeSiteChecks(m.changeDiff).map(escapeMarkdown) : [],
    disagreements: m.changeDiff ? describeDisagreements(m.changeDiff).map(escapeMarkdown) : [],
  };
}

function catalogRow(c: CatalogChange) {
  const change =
    c.kind === 'title-renamed' ? `renamed (linked by ${c.linkedBy})` : c.kind === 'title-added' ? 'added' : 'removed';
  return {
    change,
    title: escapeMarkdown(c.title),
    was: escapeMarkdown(c.from ?? ''),
    method: c.method ? `\`${escapeCode(c.method)}\`` : '',
  };
}

export function buildMarkdownView(report: DiffReport) {
  const s = report.summary;
  const severities: Severity[] = ['breaking', 'compatible', 'docs'];
  return {
    heading: 'API diff',
    oldSide: escapeMarkdown(describeSide(report.old)),
    newSide: escapeMarkdown(describeSide(report.new)),
    bump: report.bump,
    bumpReason: `${BUMP_REASON[report.bump]} (${describeTotals(report)})`,
    summaryRows: [
      { label: MARK.breaking, count: s.breaking },
      { label: MARK.compatible, count: s.compatible },
      { label: MARK.docs, count: s.docs },
      { label: 'methods added', count: s.methodsAdded },
      { label: 'methods removed', count: s.methodsRemoved },
      { label: 'methods changed', count: s.methodsChanged },
      { label: 'catalog changes', count: s.catalogChanges },
      { label: 'disagreements with the doc site’s change records', count: s.changeDiffDisagreements },
    ],
    groups: severities
      .map((severity) => ({
        heading: GROUP_HEADING[severity],
        methods: report.methods.filter((m) => m.severity === severity).map(methodView),
      }))
      .filter((g) => g.methods.length > 0),
    catalog: report.catalog.length ? [{ rows: report.catalog.map(catalogRow) }] : [],
  };
}

let compiled: HandlebarsTemplateDelegate | undefined;

export function renderMarkdown(report: DiffReport): string {
  // noEscape: the view is escaped for markdown above; HTML entity escaping would show inside code.
  compiled ??= Handlebars.compile(readFileSync(TEMPLATE_URL, 'utf8'), { noEscape: true, strict: true });
  return (
    compiled(buildMarkdownView(report))
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
