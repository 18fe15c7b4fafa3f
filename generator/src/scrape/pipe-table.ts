/**
 * Pipe tables as the doc pages print them. Two renderings exist (corpus README, "Seed pages"):
 * without outer pipes (`a | b |`, seeds 000–002, 004) and with them (`| a | b |`, seed 003 and
 * the markdown dump). Cells are trimmed; a separator row is `---|---|` or `|---|---|`.
 */

/** True for `---|---|`, `|---|`, `|---------|------|` and `---|` (a one-cell separator). */
export function isSeparatorRow(line: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
}

/** True when the line looks like a table row: it contains a pipe outside of leading text. */
export function isTableRow(line: string): boolean {
  return line.includes('|');
}

/**
 * Split a row into trimmed cells. A leading pipe starts the row; a trailing pipe closes the
 * last cell. `a | b |` and `| a | b |` both give `['a', 'b']`; `a | b` gives `['a', 'b']`.
 * An empty last cell written as `| |` is kept: `a | |` gives `['a', '']`.
 */
export function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').map((cell) => cell.trim());
}
