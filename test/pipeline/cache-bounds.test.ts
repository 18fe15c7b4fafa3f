import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_LIMITS, markUsed, pruneCache } from '../../generator/src/pipeline/cache-bounds.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes `scrape-<i>.json` records of `bytes` each, record i last used i seconds after the epoch 1e9. */
async function records(count: number, bytes: number): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'tbk-cache-'));
  for (let i = 0; i < count; i++) {
    const file = join(dir, `scrape-${String(i).padStart(3, '0')}.json`);
    await writeFile(file, 'x'.repeat(bytes));
    await utimes(file, 1e9 + i, 1e9 + i);
  }
  return dir;
}

const names = async (d: string) => (await readdir(d)).sort();

describe('run cache bounds', () => {
  it('has limits by count and bytes, and for one record', () => {
    expect(CACHE_LIMITS).toEqual({ maxRecords: 64, maxBytes: 64 * 1024 * 1024, maxRecordBytes: 8 * 1024 * 1024 });
  });

  it('keeps at most maxRecords, dropping the least recently used first', async () => {
    const d = await records(10, 10);
    await pruneCache(d, { maxRecords: 4, maxBytes: 1e9, maxRecordBytes: 1e9 });
    expect(await names(d)).toEqual(['scrape-006.json', 'scrape-007.json', 'scrape-008.json', 'scrape-009.json']);
  });

  it('keeps at most maxBytes in all, least recently used first, and a record that was just read counts as recent', async () => {
    const d = await records(6, 1000);
    await markUsed(join(d, 'scrape-000.json'));
    await pruneCache(d, { maxRecords: 100, maxBytes: 3500, maxRecordBytes: 1e9 });
    expect(await names(d)).toEqual(['scrape-000.json', 'scrape-004.json', 'scrape-005.json']);
    expect((await stat(join(d, 'scrape-000.json'))).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it('drops a single record larger than maxRecordBytes, and leaves other files alone', async () => {
    const d = await records(3, 100);
    await writeFile(join(d, 'generate-big.json'), 'y'.repeat(5000));
    await writeFile(join(d, 'schema-1.cjs'), 'z'.repeat(5000));
    await writeFile(join(d, 'scrape-x.json.123.tmp'), 'partial');
    await pruneCache(d, { maxRecords: 100, maxBytes: 1e9, maxRecordBytes: 1000 });
    expect(await names(d)).toEqual([
      'schema-1.cjs',
      'scrape-000.json',
      'scrape-001.json',
      'scrape-002.json',
      'scrape-x.json.123.tmp',
    ]);
  });

  it('does not fail on a folder that does not exist', async () => {
    await expect(pruneCache(join(tmpdir(), 'tbk-no-such-cache-dir'), CACHE_LIMITS)).resolves.toBeUndefined();
  });
});

describe('writeRecord', () => {
  it('does not keep a record past maxRecordBytes; a normal one replays', async () => {
    const { readRecord, writeRecord } = await import('../../generator/src/pipeline/run-cache.js');
    const id = `cache-bounds-test-${process.pid}`;
    await writeRecord('test', id, 'd1', { small: true });
    expect(await readRecord('test', id, 'd1')).toEqual({ small: true });
    await writeRecord('test', id, 'd2', { big: 'x'.repeat(CACHE_LIMITS.maxRecordBytes) });
    expect(await readRecord('test', id, 'd2')).toBeUndefined();
    expect(await readRecord('test', id, 'd1')).toBeUndefined();
  });
});
