/**
 * Diagnostic codes of the seed text and saved HTML readers (range TBK001–TBK049, documented in
 * docs/diagnostics.md "Seed text and HTML readers"). Readers collect, never throw.
 */
import type { Diagnostic, Level } from '../../report/diagnostic.js';

export const SeedCode = {
  emptyPage: 'TBK001',
  noStructure: 'TBK002',
  noMethodName: 'TBK003',
  methodDisagrees: 'TBK004',
  rootKeyMismatch: 'TBK005',
  authDisagrees: 'TBK006',
  noAuthEvidence: 'TBK007',
  navNotice: 'TBK010',
  navNotTitle: 'TBK011',
  navDuplicate: 'TBK012',
  tooManyCells: 'TBK020',
  tooFewCells: 'TBK021',
  rowDropped: 'TBK022',
  requiredUnknown: 'TBK023',
  limitsUnknown: 'TBK024',
  emptyRow: 'TBK025',
  unknownTable: 'TBK026',
  tableRepeated: 'TBK027',
  strayLine: 'TBK028',
  sectionMissing: 'TBK030',
  truncated: 'TBK031',
  sampleUnclosed: 'TBK032',
  sampleRepeated: 'TBK033',
  htmlParse: 'TBK040',
  htmlTooDeep: 'TBK041',
} as const;

export type SeedCodeValue = (typeof SeedCode)[keyof typeof SeedCode];

/** Records one problem at a line of the file being read. */
export type Report = (line: number, level: Level, code: SeedCodeValue, message: string) => void;

/**
 * Diagnostics of one code listed per file; past it one notice says the rest are not listed. A
 * page repeated 500 times in one 10 MB file gave 89k TBK012 lines, which cost more to sort and
 * print than reading the page.
 */
export const MAX_PER_CODE = 20;

export function collectDiagnostics(file: string): { diagnostics: Diagnostic[]; report: Report } {
  const diagnostics: Diagnostic[] = [];
  const counts = new Map<string, number>();
  const report: Report = (line, level, code, message) => {
    const n = (counts.get(code) ?? 0) + 1;
    counts.set(code, n);
    if (n <= MAX_PER_CODE) diagnostics.push({ file, line, level, code, message });
    else if (n === MAX_PER_CODE + 1)
      diagnostics.push({
        file,
        line,
        level: 'notice',
        code,
        message: `more ${code} in this file from this line on are not listed (${MAX_PER_CODE} shown)`,
      });
  };
  return { diagnostics, report };
}

/** Shorten page text quoted in a message so one garbage line cannot flood the output. */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
