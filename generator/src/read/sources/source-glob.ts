/**
 * Glob patterns for page sources (`tbk-gen scrape 'pages/*.txt'`). Node 20 has no fs.glob,
 * and the shell does not expand quoted patterns or patterns in npm scripts, so the command
 * expands `*`, `?`, `[…]`, `{a,b}` and `**` itself. Hidden entries are never matched.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const MAGIC = /[*?[{]/;

export function hasGlobMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Regular expression for one glob (posix separators, matched against the whole path). */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/.][^/]*/)*' : '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Files matching `pattern` (posix separators; relative patterns are resolved against `cwd`).
 * Returns paths in the pattern's own form (relative stays relative), sorted.
 */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => hasGlobMagic(s));
  const baseParts = segments.slice(0, firstMagic);
  const base = baseParts.length === 1 && baseParts[0] === '' ? '/' : baseParts.join('/');
  const rest = segments.slice(firstMagic).join('/');
  const matcher = globToRegExp(rest);
  const root = resolve(cwd, base || '.');
  const found: string[] = [];
  await walk(root, '', matcher, rest.includes('**') ? Infinity : segments.length - firstMagic, found);
  return found.map((rel) => (base === '/' ? `/${rel}` : base ? `${base}/${rel}` : rel)).sort();
}

async function walk(dir: string, rel: string, matcher: RegExp, depth: number, found: string[]): Promise<void> {
  if (depth <= 0) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(join(dir, entry.name), path, matcher, depth - 1, found);
    else if (matcher.test(path)) found.push(path);
  }
}
