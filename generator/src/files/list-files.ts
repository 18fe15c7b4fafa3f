/**
 * The files of a folder tree, for reading doc pages (read/sources/read-sources.ts), for the
 * up-to-date digests (pipeline/run-cache.ts) and for comparing a package folder with what a run
 * writes (cli/check-command.ts, pipeline/write-package.ts): paths relative to the folder, posix,
 * sorted so that reading and hashing orders are deterministic.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ListFilesOptions {
  /**
   * List every entry: hidden ones, and those that are neither a file nor a folder (links), too.
   * For a listing that must account for everything a folder holds; by default hidden entries
   * are left out and only regular files are listed (what the readers and digests read).
   */
  all?: boolean;
  /** Leaves out an entry (by its relative path) and, for a folder, everything below it. */
  skip?: (path: string) => boolean;
}

/** Every file below `dir` (relative, posix, sorted); [] when the folder is absent. */
export async function listFiles(dir: string, options: ListFilesOptions = {}): Promise<string[]> {
  return (await listBelow(dir, '', options)).sort();
}

async function listBelow(dir: string, rel: string, options: ListFilesOptions): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (!options.all && entry.name.startsWith('.')) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (options.skip?.(path)) continue;
    if (entry.isDirectory()) out.push(...(await listBelow(dir, path, options)));
    else if (options.all || entry.isFile()) out.push(path);
  }
  return out;
}
