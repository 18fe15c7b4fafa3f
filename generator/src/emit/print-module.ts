/**
 * Prints ts-morph statement structures to module text without building a ts-morph project
 * (`printStructure` writes straight from the structures; creating source files in a project
 * re-parses each one and costs ~3× more for 112 modules). Output: header line, LF, two-space
 * indent, single quotes, one trailing newline; prettier settles the rest.
 */
import { printStructure, StructureKind, type SourceFileStructure } from 'ts-morph';

export type ModuleStatements = Exclude<SourceFileStructure['statements'], string | undefined | ((...args: never[]) => unknown)>;

export function printModule(header: string, statements: ModuleStatements): string {
  const body = printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' });
  return `${header}\n${body.replace(/\s+$/, '')}\n`;
}
