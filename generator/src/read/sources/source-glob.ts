/**
 * Glob patterns for page sources (`tbk-gen scrape 'pages/*.txt'`). Node 20 has no fs.glob, and
 * the shell does not expand quoted patterns or patterns in npm scripts, so the command expands
 * them itself. Matching and walking are tinyglobby's (picomatch syntax: `*`, `?`, `[…]`, `{a,b}`,
 * `**`, escapes); it is loaded only when a pattern needs it, so runs that name folders and files
 * (the default sources) do not pay for it. Hidden entries are never matched.
 */
import { resolve } from 'node:path';

const MAGIC = /[*?[{]/;

/** True when a source names a pattern rather than a path; the only patterns scrape expands. */
export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/**
 * Files matching `pattern` (posix separators; relative patterns are resolved against `cwd`).
 * Returns paths in the pattern's own form, sorted: the folders before the first pattern segment
 * are kept as written (`../pages/*.txt` gives `../pages/a.txt`, an absolute pattern gives
 * absolute paths), because diagnostics and the spec's `source` fields name files that way.
 */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => hasGlobMagic(s));
  const baseParts = segments.slice(0, firstMagic);
  const base = baseParts.length === 1 && baseParts[0] === '' ? '/' : baseParts.join('/');
  const rest = segments.slice(firstMagic).join('/');
  const { glob } = await import('tinyglobby');
  const found = await glob(rest, {
    cwd: resolve(cwd, base || '.'),
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
  });
  return found.map((rel) => (base === '/' ? `/${rel}` : base ? `${base}/${rel}` : rel)).sort();
}
