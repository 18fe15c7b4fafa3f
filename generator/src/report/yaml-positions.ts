/**
 * YAML parsed with positions, for compiler-style messages about any YAML input (spec files,
 * overrides, spec/sources.yaml). Syntax errors become TBK200 diagnostics.
 */
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from './diagnostic.js';

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
  const diagnostics: Diagnostic[] = document.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { file, line: pos.line, column: pos.col, level: 'error', code: 'TBK200', message: `invalid YAML: ${e.message.split('\n')[0]}` };
  });
  const positionOf = (node: Node | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { value: diagnostics.length ? undefined : document.toJS(), positionOf, document, diagnostics };
}
