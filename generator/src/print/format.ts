/**
 * The layout options of every generated `.ts`, `.md` and `.json` file: prettier's, fixed here
 * so the output never depends on a user's prettier config. The generator does not run prettier:
 * its printers write final form at these options (layout-doc.ts, print-source.ts,
 * source-literal.ts, print-json.ts, markdown-tables.ts), and prettier is the oracle in tests
 * (test/generate/prettier-oracle.test.ts; .prettierrc.json holds the same options, and every
 * template copied verbatim is held to them too).
 */
export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** The parsers the oracle formats with (babel-ts prints the same code as typescript here). */
const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.md': 'markdown', '.json': 'json' };

/** What the final-form text depends on besides its input; part of the reuse key. */
export const FORMAT_RECIPE = `prettier ${JSON.stringify(PRETTIER_OPTIONS)} ${JSON.stringify(PARSERS)}`;
