/**
 * Atomic write of a generated folder (design.md: a failed run never leaves a half-written
 * `generated/`): everything is written to a temporary folder beside the target, then the two
 * are swapped with renames, so readers see the old package or the new one. Files the run no
 * longer generates disappear with the old folder; `node_modules` (a workspace install) is kept.
 */
import { runPool } from '../concurrency/run-pool.js';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const KEEP = ['node_modules'];

/** Files under `bin/` are commands: written executable, as npm makes them on install (and git records them). */
const modeOf = (path: string): number => (path.startsWith('bin/') ? 0o755 : 0o644);

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file under `dir` (relative paths), `node_modules` left out. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!KEEP.includes(path)) out.push(...(await listFiles(dir, path)));
    } else out.push(path);
  }
  return out;
}

/**
 * True when `outDir` already holds exactly `files`: the same paths, and the same bytes for the
 * paths in `check` (the caller vouches for the others, e.g. files it just read from there).
 */
export async function folderHolds(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, check: Iterable<string>): Promise<boolean> {
  try {
    const present = await listFiles(outDir);
    if (present.length !== files.size || present.some((p) => !files.has(p))) return false;
    for (const path of check) {
      const want = files.get(path);
      if (want === undefined || (await readFile(join(outDir, path), 'utf8')) !== (typeof want === 'string' ? want : Buffer.from(want).toString('utf8'))) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * `unchanged` names files whose content is already in `outDir`: they are hard-linked into the
 * new folder instead of written again (a regeneration after a small doc change rewrites a
 * handful of its ~1,450 files). A file that cannot be linked is written.
 */
const WRITES_IN_FLIGHT = 64;

export async function writeFolderAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, unchanged: ReadonlySet<string> = new Set()): Promise<void> {
  const parent = dirname(outDir);
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    const dirs = new Set([...files.keys()].map((p) => dirname(join(tmp, p))));
    for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
    // Bounded: a package of thousands of methods would otherwise exhaust file descriptors
    // (EMFILE, found by the 2,000-method scaling benchmark).
    await runPool([...files], WRITES_IN_FLIGHT, async ([path, data]) => {
        if (unchanged.has(path)) {
          try {
            return await link(join(outDir, path), join(tmp, path));
          } catch {
            // not linkable (another file system, a file gone meanwhile): written below
          }
        }
        await writeFile(join(tmp, path), data, { mode: modeOf(path) });
      });
    const hadOld = await exists(outDir);
    if (hadOld) {
      for (const keep of KEEP) if (await exists(join(outDir, keep))) await rename(join(outDir, keep), join(tmp, keep));
      await rename(outDir, old);
    }
    try {
      await rename(tmp, outDir);
    } catch (e) {
      if (hadOld) {
        for (const keep of KEEP) if (await exists(join(tmp, keep))) await rename(join(tmp, keep), join(old, keep));
        await rename(old, outDir);
      }
      throw e;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
