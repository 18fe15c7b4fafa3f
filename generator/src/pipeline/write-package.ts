/**
 * Atomic, streaming write of a generated folder (docs/design.md "CLI contract": a failed run
 * never leaves a half-written `generated/`). Files go to a temporary folder beside the target as
 * soon as they are finished, so a run holds no more than the files in flight, whatever the
 * method count; when every file is there, the two folders are swapped with renames, so readers
 * see the old package or the new one. Files the run no longer generates disappear with the old
 * folder; `node_modules` (a workspace install) is kept.
 *
 * A file whose bytes are already in the target (a reused unit, or the same hash as the previous
 * manifest and verified on disk) is hard-linked instead of written; when every file is like that
 * and the target holds no other, the swap is skipped and the folder is left untouched.
 */
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { listFiles } from '../files/list-files.js';
import { sha256 } from '../files/sha256.js';

const KEEP = ['node_modules'];

/**
 * Every entry a package folder holds, hidden ones and links included, without the install
 * artefacts a run keeps (`node_modules`, at any depth): what a run must account for before it
 * calls the folder its own (the writer's no-op check, the replay of generate, `tbk-gen check`).
 */
export function filesOfPackage(dir: string): Promise<string[]> {
  return listFiles(dir, { all: true, skip: (path) => KEEP.includes(path.slice(path.lastIndexOf('/') + 1)) });
}

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

export interface PackageWriter {
  /**
   * Writes one file. `onDisk` says the target already holds these bytes (the caller read and
   * verified them); `previousHash` is the hash the previous manifest lists for the path.
   */
  put(path: string, data: string, hash: string, onDisk?: boolean, previousHash?: string): Promise<void>;
  /** Moves the finished folder into place (or leaves the target when nothing changed). */
  commit(): Promise<void>;
  /** Drops the temporary folder; the target stays as it was. */
  abort(): Promise<void>;
}

export async function openPackageWriter(outDir: string): Promise<PackageWriter> {
  const parent = dirname(outDir);
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const dirs = new Map<string, Promise<unknown>>();
  const ensureDir = (dir: string): Promise<unknown> => {
    let made = dirs.get(dir);
    if (!made) dirs.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  const written = new Set<string>();
  let changed = false;

  const linkOrWrite = async (path: string, data: string, same: boolean): Promise<void> => {
    const target = join(tmp, path);
    await ensureDir(dirname(target));
    if (same) {
      try {
        return await link(join(outDir, path), target);
      } catch {
        // not linkable (another file system, a file gone meanwhile): written below
      }
    }
    if (!same) changed = true;
    await writeFile(target, data, { mode: modeOf(path) });
  };

  return {
    async put(path, data, hash, onDisk = false, previousHash) {
      written.add(path);
      let same = onDisk;
      if (!same && previousHash === hash)
        same = await readFile(join(outDir, path)).then(
          (b) => sha256(b) === hash,
          () => false,
        );
      await linkOrWrite(path, data, same);
    },
    async commit() {
      if (!changed && (await exists(outDir))) {
        const present = await filesOfPackage(outDir);
        if (present.length === written.size && present.every((p) => written.has(p))) {
          await rm(tmp, { recursive: true, force: true });
          return;
        }
      }
      try {
        const hadOld = await exists(outDir);
        if (hadOld) {
          for (const keep of KEEP)
            if (await exists(join(outDir, keep))) await rename(join(outDir, keep), join(tmp, keep));
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
    },
    async abort() {
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
