/**
 * First pass over a seed text page: cut it into the catalog nav, the tables and the sample
 * blocks, with the line of each piece. Nothing is interpreted here; `read/rendered-page/scan-to-page.ts` turns the
 * scan into the page model. The saved HTML reader builds the same scan from the DOM, so both
 * formats share every rule after this point.
 */
import { isSeparatorRow, isTableRow, splitRow, textAfterSeparator } from '../pipe-table.js';
import { detectSdkLanguage, type SdkLanguage } from './sdk-samples.js';
import { SampleCloser, detectSampleSyntax, type SampleSyntax } from './samples.js';
import { recogniseTableHeader, type TableKind } from './tables.js';
import { splitLines } from '../split-lines.js';

export interface ScanLine {
  text: string;
  line: number;
}

export interface ScanRow {
  cells: string[];
  line: number;
  text: string;
}

export interface ScanTable {
  /** undefined: a header row followed by a separator, but not one of the known headers. */
  kind: TableKind | undefined;
  header: string[];
  line: number;
  rows: ScanRow[];
}

export interface ScanBlock {
  /** The block's lines joined with `\n`, exactly as printed. */
  text: string;
  line: number;
  language?: SdkLanguage;
  syntax?: SampleSyntax;
  /** Samples only: false when the JSON braces or XML root never closed. */
  closed: boolean;
}

export interface DocScan {
  /** Non-empty lines before the first table: catalog titles, a notice, the description. */
  nav: ScanLine[];
  tables: ScanTable[];
  blocks: ScanBlock[];
  /** Lines that belong to no table and no block. */
  stray: ScanLine[];
  /** Last line of the file (where a truncated page ends). */
  lastLine: number;
}

interface OpenBlock {
  lines: string[];
  line: number;
  language?: SdkLanguage;
  syntax?: SampleSyntax;
  closer?: SampleCloser;
}

export function scanSeedText(text: string): DocScan {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  if (lines.length > 1 && lines.at(-1) === '') lines.pop(); // the final newline ends a line
  const scan: DocScan = { nav: [], tables: [], blocks: [], stray: [], lastLine: lines.length };
  let index = 0;

  // The nav runs until the first table row or the first recognisable sample.
  for (; index < lines.length; index += 1) {
    const text = lines[index]!.trim();
    if (isTableRow(text) || detectSdkLanguage(text) || detectSampleSyntax(text)) break;
    if (text !== '') scan.nav.push({ text, line: index + 1 });
  }

  let table: ScanTable | undefined;
  let block: OpenBlock | undefined;
  const closeBlock = (): void => {
    if (block) {
      while (block.lines.length > 1 && block.lines.at(-1)!.trim() === '') block.lines.pop();
      scan.blocks.push({
        text: block.lines.join('\n'),
        line: block.line,
        ...(block.language ? { language: block.language } : {}),
        ...(block.syntax ? { syntax: block.syntax } : {}),
        closed: block.closer ? block.closer.closed : true,
      });
    }
    block = undefined;
  };

  for (; index < lines.length; index += 1) {
    const raw = lines[index]!;
    const line = index + 1;
    const glued = textAfterSeparator(raw);
    if (glued !== undefined && !(block?.closer && !block.closer.closed)) {
      closeBlock();
      scan.stray.push({ text: glued, line });
      continue;
    }
    const text = raw.trim();
    const cells = isTableRow(text) && !isSeparatorRow(text) ? splitRow(text) : undefined;
    const kind = cells ? recogniseTableHeader(cells) : undefined;
    const language = detectSdkLanguage(text);
    const syntax = language ? undefined : detectSampleSyntax(text);

    // An open JSON or XML sample takes every line until it closes; only a new SDK sample, a
    // sample of the other syntax or a table header ends it early (a truncated or unbalanced
    // sample must not swallow the rest of the page). Nested `{` or `<tag>` lines stay inside.
    if (block?.closer && !block.closer.closed) {
      const breaks = kind !== undefined || language !== undefined || (syntax !== undefined && syntax !== block.syntax);
      if (!breaks) {
        block.lines.push(raw);
        block.closer.push(raw);
        continue;
      }
    }
    if (kind) {
      closeBlock();
      table = { kind, header: cells!, line, rows: [] };
      scan.tables.push(table);
      continue;
    }
    // `import top.api` continues a Python sample that started with its coding comment.
    if (language && !(language === 'python' && block?.language === 'python' && !/^#/.test(text))) {
      closeBlock();
      table = undefined;
      block = { lines: [raw], line, language };
      continue;
    }
    if (syntax) {
      closeBlock();
      table = undefined;
      const closer = new SampleCloser(syntax);
      closer.push(raw);
      block = { lines: [raw], line, syntax, closer };
      continue;
    }
    if (block && !block.closer) {
      // Multi-line SDK code (seed 003) continues until the next recognisable start.
      block.lines.push(raw);
      continue;
    }
    closeBlock();
    if (text === '') continue;
    if (isSeparatorRow(text)) continue;
    if (table && cells) {
      table.rows.push({ cells, line, text });
      continue;
    }
    const next = lines[index + 1]?.trim() ?? '';
    if (cells && isSeparatorRow(next)) {
      // A header row we do not know: keep it so its rows are not reported one by one.
      table = { kind: undefined, header: cells, line, rows: [] };
      scan.tables.push(table);
      continue;
    }
    table = undefined;
    scan.stray.push({ text, line });
  }
  closeBlock();
  return scan;
}
