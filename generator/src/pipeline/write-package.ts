/**
 * Atomic write of a generated folder (design.md: a failed run never leaves a half-written
 * `generated/`): everything is written to a temporary folder beside the target, then the two
 * are swapped with renames, so readers see the old package or the new one. Files the run no
 * longer generates disappear with the old folder; `node_modules` (a workspace install) is kept.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const KEEP = ['node_modules'];

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeFolderAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const parent = dirname(outDir);
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    const dirs = new Set([...files.keys()].map((p) => dirname(join(tmp, p))));
    for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
    await Promise.all([...files].map(([path, data]) => writeFile(join(tmp, path), data)));
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
