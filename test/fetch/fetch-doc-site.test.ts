import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocSite, type FetchOptions } from '../../generator/src/fetch/fetch-doc-site.js';
import { createProgress } from '../../generator/src/fetch/progress.js';
import { FetchFailure } from '../../generator/src/fetch/with-retry.js';
import { scrapeIntoSpec } from '../../generator/src/pipeline/scrape-into-spec.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { startEmulator, type Emulator } from './doc-site-emulator.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = resolve(root, 'spec/pages');

describe('tbk-gen fetch against an emulated doc site', () => {
  let site: Emulator;
  let out: string;
  let clock = 1_700_000_000_000;
  const run = (extra: Partial<FetchOptions> = {}) =>
    fetchDocSite({ baseUrl: site.url, outDir: out, retryBaseMs: 1, now: () => clock, ...extra });

  beforeAll(async () => {
    site = await startEmulator(corpus);
    out = await mkdtemp(join(tmpdir(), 'tbk-fetch-'));
  });
  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('fetches the catalog and every record, retrying a 500, at most 4 in flight, despite failures', async () => {
    const [a, b, c, d] = site.records;
    site.faults.set(a!.docId, ['http-500', 'http-500']);
    site.faults.set(b!.docId, ['success-false']);
    site.faults.set(c!.docId, ['malformed']);
    site.faults.set(d!.docId, [{ slowMs: 200 }]);
    const lines: string[] = [];
    const summary = await run({
      progress: (total) => createProgress(total, { isTTY: false, write: (s: string) => lines.push(s) }),
    });
    expect(summary.apis).toBe(5);
    expect(summary.outcomes.failed).toEqual([b!.method, c!.method].sort());
    expect(summary.failures.map((f) => f.message).sort()).toEqual([
      'malformed body (not JSON): {"success":true,"data":{"name":',
      'success: false (SYSTEM_ERROR 系统繁忙)',
    ]);
    expect(summary.outcomes.new).toEqual([a!.method, d!.method, site.records[4]!.method].sort());
    expect(site.recordRequests).toBe(7); // 5 records + 2 retries of the 500s
    expect(site.maxInFlight).toBeGreaterThan(1);
    expect(site.maxInFlight).toBeLessThanOrEqual(4);
    expect(lines.at(-1)).toBe('records 5/5, 2 failed\n');
    expect((await readdir(join(out, 'records'))).sort()).toEqual(
      [a, d, site.records[4]].map((r) => `${r!.method}.json`).sort(),
    );
    expect(JSON.parse(await readFile(join(out, 'records', `${a!.method}.json`), 'utf8'))).toEqual(a!.data);
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('resumes: fresh records are not fetched again, failed ones are', async () => {
    const before = site.recordRequests;
    const summary = await run();
    expect(summary.outcomes.skipped).toHaveLength(3);
    expect(summary.outcomes.new).toHaveLength(2);
    expect(site.recordRequests - before).toBe(2);
  });

  it('refetches old records and rewrites only those whose content changed', async () => {
    clock += 25 * 3600_000;
    const changed = site.records[0]!;
    changed.data = { ...changed.data, gmtModified: Number(changed.data.gmtModified) + 1000 };
    const summary = await run();
    expect(summary.outcomes.changed).toEqual([changed.method]);
    expect(summary.outcomes.unchanged).toHaveLength(4);
    const index = JSON.parse(await readFile(join(out, '.index.json'), 'utf8')) as Record<
      string,
      { gmtModified: number }
    >;
    expect(index[changed.method]!.gmtModified).toBe(changed.data.gmtModified);
  });

  it('names the login problem when the handlers refuse the session', async () => {
    const refused = fetchDocSite({ baseUrl: site.url, outDir: out, cookies: ['_tb_token_=stale'], retryBaseMs: 1 });
    await expect(refused).rejects.toBeInstanceOf(FetchFailure);
    await expect(refused).rejects.toMatchObject({ hint: expect.stringContaining('--cookie') });
  });

  it('gives a cache that scrape reads into the same specs as the corpus records', async () => {
    const withoutSources = (specs: MethodSpec[]) => specs.map(({ sources: _s, ...rest }) => rest);
    const fromCache = await scrapeIntoSpec({ sources: [out], specDir: join(out, 'spec-a'), cwd: root, write: false });
    const direct = await scrapeIntoSpec({
      sources: [join(corpus, 'doc-records')],
      specDir: join(out, 'spec-b'),
      cwd: root,
      write: false,
    });
    expect(fromCache.unreadable).toBe(0);
    expect(fromCache.specs).toHaveLength(5);
    expect(withoutSources(fromCache.specs)).toEqual(withoutSources(direct.specs));
    expect(
      fromCache.catalog.titles
        .filter((t) => t.method)
        .map((t) => t.method)
        .sort(),
    ).toEqual(site.records.map((r) => r.method).sort());
  });
});
