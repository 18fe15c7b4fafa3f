/**
 * Prints ts-morph statement structures to module text without building a ts-morph project
 * (`printStructure` writes straight from the structures; creating source files in a project
 * re-parses each one and costs ~3× more for 112 modules). Output: header line, LF, two-space
 * indent, single quotes, a blank line between statements (not between imports), one trailing
 * newline; prettier settles the rest.
 */
import { printStructure, StructureKind, type CodeBlockWriter, type SourceFileStructure } from './ts-morph.js';

export type ModuleStatements = Exclude<SourceFileStructure['statements'], string | undefined | ((...args: never[]) => unknown)>;

const isImport = (s: ModuleStatements[number]): boolean => typeof s === 'object' && s.kind === StructureKind.ImportDeclaration;

/** Statements as text, a blank line between them (not between imports), ending in one newline. */
export function printStatements(statements: ModuleStatements): string {
  const spaced: ModuleStatements = [];
  statements.forEach((statement, i) => {
    if (i > 0 && !(isImport(statement) && isImport(statements[i - 1]!))) spaced.push((w: CodeBlockWriter) => void w.blankLineIfLastNot());
    spaced.push(statement);
  });
  const body = printStructure({ kind: StructureKind.SourceFile, statements: spaced }, { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' });
  return `${body.replace(/\s+$/, '')}\n`;
}

export function printModule(header: string, statements: ModuleStatements): string {
  return `${header}\n${printStatements(statements)}`;
}
