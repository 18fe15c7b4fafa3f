/**
 * Bounds of the run cache (`run-cache.ts`): without them it grew to 159 records and 38 MB, one
 * record of 23.9 MB (a scrape of a 10 MB page keeps all its diagnostics). After each write the
 * records are pruned, least recently used first (a record's mtime is its last use: a replay
 * touches it), until at most `maxRecords` and `maxBytes` remain; a record larger than
 * `maxRecordBytes` is not kept at all, so that run is simply not replayed. Only `*.json` records
 * are counted; other files of the folder (the compiled schema validator) are left alone.
 */
import { readdir, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';

export interface CacheLimits {
  maxRecords: number;
  maxBytes: number;
  maxRecordBytes: number;
}

/** A checkout runs a handful of commands on a handful of folders: 64 records is generous. */
export const CACHE_LIMITS: CacheLimits = {
  maxRecords: 64,
  maxBytes: 64 * 1024 * 1024,
  maxRecordBytes: 8 * 1024 * 1024,
};

/** Marks a record as just used (a replay read it), so pruning keeps it longest. */
export async function markUsed(file: string): Promise<void> {
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
}

export async function pruneCache(dir: string, limits: CacheLimits): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch {
    return; // no cache yet
  }
  const records = (
    await Promise.all(
      names.map(async (name) => {
        const s = await stat(join(dir, name)).catch(() => undefined);
        return s ? { file: join(dir, name), size: s.size, used: s.mtimeMs } : undefined;
      }),
    )
  ).filter((r) => r !== undefined);
  records.sort((a, b) => b.used - a.used || a.file.localeCompare(b.file));
  let kept = 0;
  let bytes = 0;
  for (const record of records) {
    const keep =
      record.size <= limits.maxRecordBytes && kept < limits.maxRecords && bytes + record.size <= limits.maxBytes;
    if (keep) {
      kept++;
      bytes += record.size;
    } else {
      await unlink(record.file).catch(() => {});
    }
  }
}
