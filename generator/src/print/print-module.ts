/**
 * Module text from ts-morph statement structures (print-structures.ts prints them as
 * `printStructure` would, without loading ts-morph). Output: header line, LF, two-space indent,
 * single quotes, a blank line between statements (not between imports), one trailing newline;
 * prettier settles the rest.
 */
import { printStatementStructures } from './print-structures.js';
import type { StatementStructures } from './ts-morph.js';

export type ModuleStatements = (string | StatementStructures)[];

/** The printer the emitters go through (test/generate/print-structures.test.ts watches it). */
export const structurePrinter = { print: printStatementStructures };

/** Statements as text, a blank line between them (not between imports), ending in one newline. */
export function printStatements(statements: ModuleStatements): string {
  return structurePrinter.print(statements);
}

export function printModule(header: string, statements: ModuleStatements): string {
  return `${header}\n${printStatements(statements)}`;
}
