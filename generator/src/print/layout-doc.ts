/**
 * The layout engine of the final-form printers: prettier's own document builders and line
 * fitter (`prettier/doc`, 58 KB, loaded in ~25 ms, without prettier's parsers). The printers
 * build for each construct the document prettier's printer builds for it, so the fitter makes
 * prettier's decisions at the generator's width, counting East Asian wide characters as two
 * columns the way prettier does. A test formats every generated file with prettier and expects
 * no change (test/generate/prettier-oracle.test.ts).
 */
import { builders, printer, type builders as Builders } from 'prettier/doc';
import { PRETTIER_OPTIONS } from './format.js';

export type Doc = Builders.Doc;

export const { group, indent, line, softline, hardline, ifBreak, join, fill } = builders;

const OPTIONS = { printWidth: PRETTIER_OPTIONS.printWidth, tabWidth: 2, useTabs: false } as const;

/** Lines of text (no trailing newline) from a document. */
export function printDoc(doc: Doc): string {
  return printer.printDocToString(doc, OPTIONS).formatted;
}

/** `{` items `}` (or brackets): one line when it fits, else one item per line with a trailing comma. */
export function bracketed(
  open: string,
  items: readonly Doc[],
  close: string,
  options: { shouldBreak?: boolean; spaced?: boolean; comma?: string } = {},
): Doc {
  const gap = options.spaced ? line : softline;
  const comma = options.comma ?? ',';
  return group([open, indent([gap, join([comma, line], items as Doc[])]), ifBreak(comma), gap, close], {
    shouldBreak: options.shouldBreak ?? false,
  });
}
