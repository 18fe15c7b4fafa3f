/**
 * Problems are data: every stage collects them, the CLI prints them like a compiler
 * (`file:line: level CODE message`, docs/design.md "CLI contract") and decides the exit status.
 */
export type Level = 'error' | 'warning' | 'notice';

export interface Diagnostic {
  /** Path of the offending file, as the user gave it (relative paths stay relative). */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  level: Level;
  /** Stable code such as `TBK012`; ranges per stage are listed in docs/diagnostics.md. */
  code: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.column ? `${d.file}:${d.line}:${d.column}` : `${d.file}:${d.line}`;
  return `${where}: ${d.level} ${d.code} ${d.message}`;
}

/** Deterministic order: file, line, column, code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

export function countByLevel(list: readonly Diagnostic[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const d of list) counts[d.level] += 1;
  return counts;
}
