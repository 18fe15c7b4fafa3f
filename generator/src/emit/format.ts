/**
 * Prettier, once, at the end (style.md rule 5), on every emitted `.ts`, `.md` and `.json` file of
 * the package. Not formatted: `dist/` (build output, derived from the formatted sources) and the
 * template copies (hand-written, kept prettier-clean in templates/ under the same options and
 * copied verbatim; a test holds them to it). The options are fixed here so the output never
 * depends on a user's prettier config; worker-pool.ts spreads the work over the cores.
 */
import type { Diagnostic } from '../report/diagnostic.js';

export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** babel-ts prints the same code as the typescript parser here and parses ~40% faster. */
const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.md': 'markdown', '.json': 'json' };

/** What formatted text depends on besides its input; part of the reuse key. */
export const FORMAT_RECIPE = `prettier ${JSON.stringify(PRETTIER_OPTIONS)} ${JSON.stringify(PARSERS)}`;

export function parserFor(path: string): string | undefined {
  if (path.startsWith('dist/')) return undefined;
  const ext = /\.[a-z]+$/.exec(path)?.[0] ?? '';
  return PARSERS[ext];
}

/** A file prettier cannot parse is a generator bug: TBK330, and the file is left unformatted. */
export function formatFailure(path: string, error: string): Diagnostic {
  return { file: path, line: 0, level: 'error', code: 'TBK330', message: `prettier could not format the generated file: ${error}` };
}
