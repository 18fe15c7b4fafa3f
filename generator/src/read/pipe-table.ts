/**
 * Pipe tables as the doc pages print them. Two renderings exist (corpus README, "Seed pages"):
 * without outer pipes (`a | b |`, seeds 000–002, 004) and with them (`| a | b |`, seed 003 and
 * the markdown dump). Cells are trimmed; a separator row is `---|---|` or `|---|---|`.
 */

/** True for `---|---|`, `|---|`, `|---------|------|` and `---|` (a one-cell separator). */
export function isSeparatorRow(line: string): boolean {
  return /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
}

/**
 * A separator row with text glued after it on the same line (`---|junk text`, what appending to
 * a page that ends in its error table's separator gives): the text after the separator's last
 * pipe, or undefined for any other line. Such a row is not a table row: its first cell would be
 * read as an error code `---`.
 */
export function textAfterSeparator(line: string): string | undefined {
  const match = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|(.*\S.*)$/.exec(line);
  return match && !isSeparatorRow(line) ? match[1]!.trim() : undefined;
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
