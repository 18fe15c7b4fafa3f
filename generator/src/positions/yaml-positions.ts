/**
 * YAML parsed with positions, for compiler-style messages about any YAML input (spec files,
 * overrides, spec/sources.yaml). Syntax errors become TBK200 diagnostics.
 */
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { ReportCode } from '../report/report-codes.js';

export interface ParsedYaml {
  value: unknown;
  /** Maps a node to its 1-based line and column, for compiler-style messages. */
  positionOf(node: Node | undefined): { line: number; column: number };
  document: ReturnType<typeof parseDocument>;
  diagnostics: Diagnostic[];
}

/** Parse YAML keeping positions; syntax errors become TBK200 diagnostics. */
export function parseYamlWithPositions(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  // One error per file: the parser reports every token after a broken line too (one careless
  // edit gave 222 errors), and those follow from the first; it is counted, not repeated.
  const diagnostics: Diagnostic[] = [];
  const [first, ...rest] = document.errors;
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const last = rest.length ? lineCounter.linePos(rest.at(-1)!.pos[0]).line : pos.line;
    const more = rest.length
      ? ` (${rest.length} more error${rest.length === 1 ? '' : 's'} on lines ${pos.line}–${last} follow from it)`
      : '';
    diagnostics.push({
      file,
      line: pos.line,
      column: pos.col,
      level: 'error',
      code: ReportCode.invalidYaml,
      message: `invalid YAML: ${first.message.split('\n')[0]}${more}`,
    });
  }
  const positionOf = (node: Node | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { value: diagnostics.length ? undefined : document.toJS(), positionOf, document, diagnostics };
}
