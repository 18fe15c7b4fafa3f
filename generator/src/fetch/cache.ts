/**
 * The fetch cache that `tbk-gen scrape DIR` reads: `catalog.json` (the catalog handler's `data`
 * object), `records/<method>.json` (each getDocument.json `data` object, as the corpus's
 * doc-records), and `.index.json` (hidden, so scrape skips it: docId, gmtModified and fetch
 * time per method). Every file is written to a temp file and renamed: never half-written.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface IndexEntry {
  docId: number;
  gmtModified?: number;
  /** Epoch ms of the last successful fetch. */
  fetchedAt: number;
}
export type CacheIndex = Record<string, IndexEntry>;

export const recordPath = (dir: string, method: string): string => join(dir, 'records', `${method}.json`);

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}

/** Pretty, deterministic JSON (the doc site's key order is kept). */
export const toCacheJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function readIndex(dir: string): Promise<CacheIndex> {
  try {
    return JSON.parse(await readFile(join(dir, '.index.json'), 'utf8')) as CacheIndex;
  } catch {
    return {};
  }
}

export async function writeIndex(dir: string, index: CacheIndex): Promise<void> {
  const sorted = Object.fromEntries(
    Object.keys(index)
      .sort()
      .map((k) => [k, index[k]]),
  );
  await writeFileAtomic(join(dir, '.index.json'), toCacheJson(sorted));
}
