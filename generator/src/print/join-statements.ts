/**
 * The layout both printers share between top-level statements: a blank line between two
 * statements unless both are imports, and one trailing newline.
 */
import type { StatementStructures } from 'ts-morph';
import { StructureKind } from './structure-kind.js';

const isImport = (s: string | StatementStructures): boolean =>
  typeof s === 'object' && s.kind === StructureKind.ImportDeclaration;

/** `print` appends a statement's lines to `out`. */
export function joinStatements<S extends string | StatementStructures>(
  statements: readonly S[],
  print: (statement: S, out: string[]) => void,
): string {
  const out: string[] = [];
  statements.forEach((statement, i) => {
    if (i > 0 && !(isImport(statement) && isImport(statements[i - 1]!))) out.push('');
    print(statement, out);
  });
  return `${out.join('\n').trimEnd()}\n`;
}
