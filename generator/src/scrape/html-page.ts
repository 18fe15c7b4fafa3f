/**
 * Reader for a saved doc page (HTML). The page holds what a seed text page holds (the text pages
 * are renderings of it): the catalog nav as list items, the tables as `<table>`, SDK code and
 * samples in `<pre>`. The DOM is turned into the same scan the text reader builds, so every rule
 * about tables, samples, method name and auth is shared (`seed-page.ts`). Tables and samples are
 * recognised by their content (header cells, first statement), never by class names or position.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { ReadResult, Reader } from './page-model.js';
import { SeedCode } from './seed-codes.js';
import { assemblePage } from './seed-page.js';
import { detectSdkLanguage } from './sdk-samples.js';
import { SampleCloser, detectSampleSyntax } from './seed-samples.js';
import type { DocScan, ScanBlock, ScanLine, ScanTable } from './seed-scan.js';
import { looksLikeNotice } from './seed-nav.js';
import { recogniseTableHeader } from './seed-tables.js';

export const readHtmlPage: Reader = (file: string, text: string): ReadResult => {
  if (text.trim() === '') {
    return { pages: [], catalogs: [], diagnostics: [{ file, line: 0, level: 'error', code: SeedCode.emptyPage, message: 'page is empty' }] };
  }
  let scan: DocScan;
  try {
    scan = scanHtml(text);
  } catch (error) {
    // parse5 recovers from any markup; this only guards against the unexpected.
    const message = error instanceof Error ? error.message : String(error);
    return { pages: [], catalogs: [], diagnostics: [{ file, line: 0, level: 'error', code: SeedCode.htmlParse, message: `HTML could not be read: ${message}` }] };
  }
  return assemblePage(scan, { file, text, format: 'html' });
};

// Structural types for the parsed nodes: what these functions use of domhandler's nodes.
type DomNode = Parameters<CheerioAPI>[0] & { sourceCodeLocation?: { startLine: number } | null };
type DomElement = DomNode & { tagName: string };

function lineOf(node: DomNode): number {
  return node.sourceCodeLocation?.startLine ?? 0;
}

function cellText($: CheerioAPI, node: DomNode): string {
  return $(node).text().replace(/\s+/g, ' ').trim();
}

export function scanHtml(text: string): DocScan {
  const $ = load(text, { sourceCodeLocationInfo: true });
  const lines = text.split(/\r?\n/);
  const scan: DocScan = { nav: [], tables: [], blocks: [], stray: [], lastLine: lines.at(-1) === '' ? lines.length - 1 : lines.length };
  const notices: ScanLine[] = [];
  const titles: ScanLine[] = [];
  const prose: ScanLine[] = [];
  let sawTable = false;

  $('li, p, table, pre').each((_, node) => {
    // Content nested in a table or a sample belongs to that table or sample; a paragraph in a
    // list item is part of that item's title.
    if ($(node).parents('table, pre').length > 0) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'p' && $(node).parents('li').length > 0) return;
    if (tag === 'table') {
      sawTable = true;
      scan.tables.push(readTable($, node));
    } else if (tag === 'pre') {
      readPre($, node, scan);
    } else if (tag === 'li') {
      // A category item that holds a nested list is not a title; its leaf items are.
      if ($(node).find('li').length > 0) return;
      const title = cellText($, node);
      if (title !== '') titles.push({ text: title, line: lineOf(node) });
    } else if (!sawTable) {
      const line = { text: cellText($, node), line: lineOf(node) };
      if (line.text === '') return;
      (looksLikeNotice(line.text) ? notices : prose).push(line);
    }
  });
  // Same order as the text rendering: notice, catalog titles, then the page's description,
  // wherever the nav sits in the DOM.
  scan.nav = [...notices, ...titles, ...prose];
  return scan;
}

function readTable($: CheerioAPI, table: DomElement): ScanTable {
  const rows = $(table).find('tr').toArray();
  const cellsOf = (row: DomElement): string[] => $(row).children('th, td').toArray().map((cell) => cellText($, cell));
  const header = rows[0] ? cellsOf(rows[0]) : [];
  return {
    kind: recogniseTableHeader(header),
    header,
    line: lineOf(rows[0] ?? table),
    rows: rows.slice(1).map((row) => {
      const cells = cellsOf(row);
      return { cells, line: lineOf(row), text: cells.join(' | ') };
    }),
  };
}

function readPre($: CheerioAPI, pre: DomElement, scan: DocScan): void {
  // The parser already drops the newline right after `<pre>`; trailing blank lines are layout.
  const code = $(pre).text().replace(/\s+$/, '');
  if (code.trim() === '') return;
  // The first line of the text sits on the `<pre>` tag's line.
  const line = lineOf(pre);
  const language = detectSdkLanguage(code);
  const syntax = language ? undefined : detectSampleSyntax(code);
  if (!language && !syntax) {
    scan.stray.push({ text: code, line });
    return;
  }
  const block: ScanBlock = { text: code, line, closed: true };
  if (language) block.language = language;
  if (syntax) {
    block.syntax = syntax;
    const closer = new SampleCloser(syntax);
    for (const l of code.split('\n')) closer.push(l);
    block.closed = closer.closed;
  }
  scan.blocks.push(block);
}
