/**
 * Markdown pipe tables in final form: each column padded to its widest cell (at least three
 * columns, the delimiter's `---`), the delimiter row keeping each column's alignment colons,
 * as prettier's markdown printer aligns them (widths from text-width.ts). Lines outside tables,
 * and fenced code, are left as they are. The README template's tables hold generated values,
 * so the padding is computed on the rendered text.
 */
import { displayWidth } from './text-width.js';

type Align = 'left' | 'right' | 'center' | 'none';

const DELIMITER_CELL = /^:?-+:?$/;

/** Cells of a table line, split on unescaped pipes, trimmed. */
function cellsOf(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : 'none';
}

function delimiter(align: Align, width: number): string {
  if (align === 'center') return `:${'-'.repeat(width - 2)}:`;
  if (align === 'left') return `:${'-'.repeat(width - 1)}`;
  if (align === 'right') return `${'-'.repeat(width - 1)}:`;
  return '-'.repeat(width);
}

function pad(cell: string, align: Align, width: number): string {
  const room = width - displayWidth(cell);
  if (align === 'right') return `${' '.repeat(room)}${cell}`;
  if (align === 'center') return `${' '.repeat(room >> 1)}${cell}${' '.repeat(room - (room >> 1))}`;
  return `${cell}${' '.repeat(room)}`;
}

function alignTable(rows: string[][]): string[] {
  const aligns = rows[1]!.map(alignOf);
  const body = [rows[0]!, ...rows.slice(2)];
  const widths = aligns.map((_, i) => Math.max(3, ...body.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(rows[0]!.map((c, i) => pad(c, aligns[i]!, widths[i]!))),
    line(aligns.map((a, i) => delimiter(a, widths[i]!))),
    ...rows.slice(2).map((r) => line(aligns.map((a, i) => pad(r[i] ?? '', a, widths[i]!)))),
  ];
}

const isRow = (line: string): boolean => line.trimStart().startsWith('|');

/** The text with every pipe table aligned. */
export function alignMarkdownTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    const marker = /^\s*(`{3,}|~{3,})/.exec(current)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    const next = lines[i + 1];
    if (fence || !isRow(current) || next === undefined || !isRow(next)) {
      out.push(current);
      continue;
    }
    const head = cellsOf(current);
    const delimiters = cellsOf(next);
    if (delimiters.length !== head.length || !delimiters.every((c) => DELIMITER_CELL.test(c))) {
      out.push(current);
      continue;
    }
    const rows = [head, delimiters];
    let j = i + 2;
    for (; j < lines.length && isRow(lines[j]!); j++) rows.push(cellsOf(lines[j]!));
    out.push(...alignTable(rows));
    i = j - 1;
  }
  return out.join('\n');
}
