/**
 * The report as text for a terminal or a CI log: one header, one block per method (breaking
 * first), then the catalog. Colour only when asked (the command decides: a TTY without NO_COLOR).
 */
import type { CatalogChange, DiffReport, MethodDiff, Severity } from './diff-model.js';
import {
  describeChange,
  describeDisagreements,
  describeSide,
  describeSiteChecks,
  describeSiteRecord,
  describeTotals,
} from './report-wording.js';

const ANSI = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};
type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { breaking: 'red', compatible: 'green', docs: 'cyan' };

function painter(color: boolean) {
  return (style: Style, text: string) => (color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
}

function renderMethod(m: MethodDiff, paint: ReturnType<typeof painter>): string[] {
  const title = m.title ? ` (${m.title})` : '';
  const lines = [
    `${paint(SEVERITY_STYLE[m.severity], m.severity.toUpperCase())} ${paint('bold', m.method)}${title}${m.status === 'changed' ? '' : ` ${m.status}`}`,
  ];
  const width = Math.max(0, ...m.changes.map((c) => c.path.length));
  for (const c of m.changes) {
    if (c.kind === 'method-added' || c.kind === 'method-removed') continue;
    lines.push(
      `  ${paint(SEVERITY_STYLE[c.severity], c.severity.padEnd(10))} ${c.path.padEnd(width)}  ${describeChange(c)}`,
    );
  }
  if (m.changeDiff) {
    lines.push(`  ${paint('dim', describeSiteRecord(m.changeDiff))}`);
    for (const c of describeSiteChecks(m.changeDiff)) lines.push(`    ${paint('dim', c)}`);
    for (const d of describeDisagreements(m.changeDiff)) lines.push(`  ${paint('yellow', '! ' + d)}`);
  }
  return lines;
}

function renderCatalogChange(c: CatalogChange): string {
  const method = c.method ? ` [${c.method}]` : '';
  if (c.kind === 'title-renamed') return `  renamed  ${c.from} → ${c.title}${method} (linked by ${c.linkedBy})`;
  return `  ${c.kind === 'title-added' ? 'added  ' : 'removed'}  ${c.title}${method}`;
}

export function renderText(report: DiffReport, options: { color: boolean }): string {
  const paint = painter(options.color);
  const out = [
    `${paint('bold', 'API diff')} ${describeSide(report.old)} → ${describeSide(report.new)}`,
    `${describeTotals(report)}; suggested tbk-client bump: ${paint('bold', report.bump)}`,
  ];
  if (!report.methods.length && !report.catalog.length) out.push('', 'no changes');
  for (const m of report.methods) out.push('', ...renderMethod(m, paint));
  if (report.catalog.length) out.push('', paint('bold', 'CATALOG'), ...report.catalog.map(renderCatalogChange));
  return out.join('\n') + '\n';
}
