/**
 * The files of a folder tree, for reading doc pages (read/sources/read-sources.ts) and for the
 * up-to-date digests (pipeline/run-cache.ts): paths relative to the folder, posix, sorted so
 * that reading and hashing orders are deterministic; hidden entries are left out.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every non-hidden file below `dir` (relative, posix, sorted); [] when the folder is absent. */
export async function listFiles(dir: string, rel = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}
