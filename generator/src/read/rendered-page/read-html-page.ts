/**
 * Reader for a saved doc page (HTML). The page holds what a seed text page holds (the text pages
 * are renderings of it): the catalog nav as list items, the tables as `<table>`, SDK code and
 * samples in `<pre>`. The DOM is turned into the same scan the text reader builds, so every rule
 * about tables, samples, method name and auth is shared (`read/rendered-page/scan-to-page.ts`). Tables and samples are
 * recognised by their content (header cells, first statement), never by class names or position.
 * One walk over the DOM visits every node once, and every text is collected once (the leaf list
 * items, cells and samples do not overlap), so the cost is linear in the page's size.
 */
import type { ChildNode, Element, ParentNode } from 'domhandler';
import type { ReadResult, Reader } from '../page-model.js';
import { SeedCode } from './reader-codes.js';
import { assemblePage } from './scan-to-page.js';
import { detectSdkLanguage } from './sdk-samples.js';
import { SampleCloser, detectSampleSyntax } from './samples.js';
import type { DocScan, ScanBlock, ScanLine, ScanTable } from './scan-text.js';
import { looksLikeNotice } from './nav.js';
import { recogniseTableHeader } from './tables.js';
import { parseHtml } from './html-dom.js';

export { MAX_HTML_DEPTH } from './html-dom.js';

export const readHtmlPage: Reader = (file: string, text: string): ReadResult => {
  const fail = (line: number, code: string, message: string): ReadResult => ({
    pages: [],
    catalogs: [],
    diagnostics: [{ file, line, level: 'error', code, message }],
  });
  if (text.trim() === '') return fail(0, SeedCode.emptyPage, 'page is empty');
  let dom: ReturnType<typeof parseHtml>;
  try {
    dom = parseHtml(text);
  } catch (error) {
    // htmlparser2 recovers from any markup; this only guards against the unexpected.
    return fail(
      0,
      SeedCode.htmlParse,
      `HTML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!dom.ok) return fail(dom.line, SeedCode.htmlTooDeep, dom.message);
  return assemblePage(scanDom(dom.document, dom.lineOf, dom.text), { file, text: dom.text, format: 'html' });
};

type LineOf = (offset: number) => number;

const isElement = (node: ChildNode): node is Element =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Text of a subtree (what a browser's textContent gives), `<table>`s inside it left out if asked. */
function textOf(node: ParentNode, skipTables = false): string {
  let out = '';
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text' || next.type === 'cdata') {
      if (next.type === 'text') out += next.data;
      else stack.push(...[...next.children].reverse());
    } else if (isElement(next) && !(skipTables && next.name === 'table')) {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
    }
  }
  return out;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function scanDom(document: ParentNode, lineOf: LineOf, text: string): DocScan {
  const lines = text.split('\n');
  const scan: DocScan = {
    nav: [],
    tables: [],
    blocks: [],
    stray: [],
    lastLine: lines.at(-1) === '' ? lines.length - 1 : lines.length,
  };
  const notices: ScanLine[] = [];
  const titles: ScanLine[] = [];
  const prose: ScanLine[] = [];
  let sawTable = false;
  const at = (node: Element) => lineOf(node.startIndex ?? 0);

  /** Visits `node`'s children; returns whether a `<li>` is among the descendants. */
  const walk = (node: ParentNode, inside: { tableOrPre: boolean; li: boolean; p: boolean }): boolean => {
    let holdsLi = false;
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const tag = child.name.toLowerCase();
      // Content nested in a table or a sample belongs to that table or sample; a paragraph in a
      // list item (or another paragraph) is part of that item's title (or that paragraph).
      const counts = !inside.tableOrPre;
      if (counts && tag === 'table') {
        sawTable = true;
        scan.tables.push(readTable(child, lineOf));
      } else if (counts && tag === 'pre') {
        readPre(child, at(child), scan);
      } else if (counts && tag === 'p' && !inside.li && !inside.p && !sawTable) {
        const line = { text: flat(textOf(child)), line: at(child) };
        if (line.text !== '') (looksLikeNotice(line.text) ? notices : prose).push(line);
      }
      const nested = walk(child, {
        tableOrPre: inside.tableOrPre || tag === 'table' || tag === 'pre',
        li: inside.li || tag === 'li',
        p: inside.p || tag === 'p',
      });
      if (tag === 'li') {
        // A category item that holds a nested list is not a title; its leaf items are.
        if (counts && !nested) {
          const title = flat(textOf(child));
          if (title !== '') titles.push({ text: title, line: at(child) });
        }
        holdsLi = true;
      }
      holdsLi ||= nested;
    }
    return holdsLi;
  };
  walk(document, { tableOrPre: false, li: false, p: false });
  // Same order as the text rendering: notice, catalog titles, then the page's description,
  // wherever the nav sits in the DOM.
  scan.nav = [...notices, ...titles, ...prose];
  return scan;
}

/** The table's own rows (a table nested in a cell is not read) and their `th`/`td` cells. */
function readTable(table: Element, lineOf: LineOf): ScanTable {
  const rows: Element[] = [];
  const collect = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child) || child.name === 'table') continue;
      if (child.name === 'tr') rows.push(child);
      else collect(child);
    }
  };
  collect(table);
  const cellsOf = (row: Element): string[] =>
    row.children
      .filter((cell): cell is Element => isElement(cell) && (cell.name === 'th' || cell.name === 'td'))
      .map((cell) => flat(textOf(cell, true)));
  const header = rows[0] ? cellsOf(rows[0]) : [];
  return {
    kind: recogniseTableHeader(header),
    header,
    line: lineOf((rows[0] ?? table).startIndex ?? 0),
    rows: rows.slice(1).map((row) => {
      const cells = cellsOf(row);
      return { cells, line: lineOf(row.startIndex ?? 0), text: cells.join(' | ') };
    }),
  };
}

function readPre(pre: Element, line: number, scan: DocScan): void {
  // A newline right after `<pre>` is not content (HTML standard); trailing blank lines are layout.
  const code = textOf(pre).replace(/^\n/, '').replace(/\s+$/, '');
  if (code.trim() === '') return;
  // The first line of the text sits on the `<pre>` tag's line.
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
