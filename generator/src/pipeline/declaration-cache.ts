/**
 * Isolated declarations of the copied templates, computed once per template content and
 * reused by every later run (a compiler cache, like `tsc --incremental`'s): loading TypeScript
 * and declaring the ~50 runtime, testing and harness modules took a sixth of a cold `gen`'s CPU
 * time. An entry is keyed by everything the declaration text depends on: the module's package
 * path and text, the compiler (ts-morph's TypeScript version) and the declaration options; it is
 * written atomically under `node_modules/.cache/tbk-gen/declarations/`. Only clean outcomes are
 * kept: a module that needs the fallback program is declared (and warned about) every run.
 * `--force` neither reads nor trusts the cache (it refreshes the entries it computes).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_RECIPE } from '../dist/dist-options.js';
import { sha256 } from '../files/sha256.js';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const DECLARATION_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'tbk-gen', 'declarations');

/** Entries kept at most; past it, the entries this run did not use are removed. */
const MAX_ENTRIES = 400;

let compilerVersion: string | undefined;

function declarationKey(path: string, source: string): string {
  compilerVersion ??= (createRequire(import.meta.url)('ts-morph/package.json') as { version: string }).version;
  return sha256(`ts-morph ${compilerVersion}\0${DIST_RECIPE}\0${path}\0${source}`);
}

export interface DeclarationCache {
  /** The cached declaration text of a module, or undefined. */
  get(path: string, source: string): Promise<string | undefined>;
  /** Records a clean declaration (best effort: a cache that cannot be written costs the next run time). */
  set(path: string, source: string, text: string): Promise<void>;
}

export function openDeclarationCache(
  dir: string = DECLARATION_CACHE_DIR,
  options: { read: boolean } = { read: true },
): DeclarationCache {
  const used = new Set<string>();
  let pruned = false;
  return {
    async get(path, source) {
      const key = declarationKey(path, source);
      used.add(key);
      if (!options.read) return undefined;
      try {
        return await readFile(join(dir, `${key}.d.ts`), 'utf8');
      } catch {
        return undefined;
      }
    },
    async set(path, source, text) {
      const key = declarationKey(path, source);
      used.add(key);
      try {
        await mkdir(dir, { recursive: true });
        const temp = join(dir, `.${key}.${process.pid}.tmp`);
        await writeFile(temp, text);
        await rename(temp, join(dir, `${key}.d.ts`));
        if (!pruned) {
          pruned = true;
          await prune(dir, used);
        }
      } catch {
        // read-only checkout or no node_modules: computed again next time
      }
    },
  };
}

async function prune(dir: string, used: ReadonlySet<string>): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.d.ts'));
  if (names.length <= MAX_ENTRIES) return;
  const aged = await Promise.all(
    names.map(async (n) => ({ n, at: (await stat(join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  aged.sort((a, b) => a.at - b.at);
  for (const { n } of aged.slice(0, names.length - MAX_ENTRIES))
    if (!used.has(n.slice(0, -'.d.ts'.length))) await rm(join(dir, n), { force: true });
}
