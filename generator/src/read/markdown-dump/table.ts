/**
 * Pipe tables of the markdown dump, with its one layout quirk: a cell broken over several
 * physical lines. taobao.tbk.spread.get prints
 *
 *     | requests | TbkSpreadRequest
 *     (blank line)
 *             [] | 必须 |  | 最大列表长度：20 | 请求列表，内部包含多个url |
 *
 * so a row that has fewer cells than the header, or lacks its closing pipe, takes the next
 * non-blank lines that are not rows, headings, fences or rules, joined with one space
 * (`TbkSpreadRequest []`), until it has its cells. 102 rows of the dump are broken this way.
 */
import { isSeparatorRow, splitRow } from '../pipe-table.js';
import { reportAt, type DumpContext } from './blocks.js';
import { DumpCode } from './dump-codes.js';

export interface TableRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

export interface DumpTable {
  header: string[];
  /** 1-based line of the header row. */
  line: number;
  rows: TableRow[];
  /** `lines[start .. end)` holds the table, header to last row. */
  start: number;
  end: number;
}

interface PendingRow {
  text: string;
  line: number;
}

const isRowStart = (trimmed: string) => trimmed.startsWith('|');
const endsRowHere = (trimmed: string) => trimmed.startsWith('#') || trimmed.startsWith('```') || trimmed === '---';

/** Read the first table in `lines[from .. to)`; undefined when there is none. */
export function readDumpTable(ctx: DumpContext, from: number, to: number, joinColumn: string): DumpTable | undefined {
  let start = from;
  while (start < to && !isRowStart(ctx.lines[start]!.trim())) start++;
  if (start >= to) return undefined;
  const header = splitRow(ctx.lines[start]!);
  const table: DumpTable = { header, line: start + 1, rows: [], start, end: start + 1 };
  const joinAt = header.includes(joinColumn) ? header.indexOf(joinColumn) : header.length - 1;
  let pending: PendingRow | undefined;
  const flush = () => {
    if (pending) pushRow(ctx, table, pending, joinAt);
    pending = undefined;
  };
  for (let i = start + 1; i < to; i++) {
    const trimmed = ctx.lines[i]!.trim();
    if (pending && !isRowStart(trimmed) && !endsRowHere(trimmed)) {
      // A continuation of a broken cell; blank lines inside the break are skipped.
      if (trimmed !== '') pending.text += ` ${trimmed}`;
      table.end = i + 1;
      if (isComplete(pending.text, header.length)) flush();
      continue;
    }
    flush();
    if (!isRowStart(trimmed)) break;
    table.end = i + 1;
    if (isSeparatorRow(trimmed)) continue;
    pending = { text: trimmed, line: i + 1 };
    if (isComplete(pending.text, header.length)) flush();
  }
  flush();
  return table;
}

function isComplete(text: string, width: number): boolean {
  return text.endsWith('|') && splitRow(text).length >= width;
}

function pushRow(ctx: DumpContext, table: DumpTable, row: PendingRow, joinAt: number): void {
  const width = table.header.length;
  const cells = splitRow(row.text);
  const first = cells[0] ? ` (${cells[0]})` : '';
  if (cells.length < width) {
    reportAt(
      ctx,
      'error',
      DumpCode.tooFewCells,
      row.line,
      `table row${first} has ${cells.length} cells, the header (line ${table.line}) has ${width}: row dropped`,
    );
    return;
  }
  if (cells.length > width) {
    // A `|` inside a cell: taobao.tbk.order.details.get prints the position_index example
    // `1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2`. The surplus is given back to the
    // example column, the one that holds raw values.
    const raw = rawCells(row.text);
    const extra = raw.length - width;
    const merged = raw
      .slice(joinAt, joinAt + extra + 1)
      .join('|')
      .trim();
    const fixed = [...raw.slice(0, joinAt), merged, ...raw.slice(joinAt + extra + 1)].map((c) => c.trim());
    reportAt(
      ctx,
      'warning',
      DumpCode.tooManyCells,
      row.line,
      `table row${first} has ${cells.length} cells, the header (line ${table.line}) has ${width}: read column ${joinAt + 1} as ${JSON.stringify(merged)}`,
    );
    table.rows.push({ cells: fixed, line: row.line });
    return;
  }
  table.rows.push({ cells, line: row.line });
}

/** Like splitRow but without trimming, so a cell's own `|` can be put back exactly. */
function rawCells(text: string): string[] {
  let body = text.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|');
}

/** Index of each named column in the header; -1 when absent. */
export function columnIndex(header: readonly string[], name: string): number {
  return header.findIndex((cell) => cell.replace(/\s+/g, '') === name);
}
