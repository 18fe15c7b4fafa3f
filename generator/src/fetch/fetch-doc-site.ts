/**
 * `tbk-gen fetch` end to end: cookie → catalog (category 38) → every API's doc record, at most
 * 4 in flight, into the cache folder (cache.ts). Resumable: a cached record is not fetched again
 * when the catalog shows the same `gmtModified`, or — the catalog handler does not always carry
 * one — when it was fetched less than `maxAgeMs` ago; `refresh` fetches everything. A failed
 * record does not stop the others and leaves its cached file as it was.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readIndex, recordPath, toCacheJson, writeFileAtomic, writeIndex, type CacheIndex } from './cache.js';
import { catalogEntries, type CatalogApi } from './catalog-entries.js';
import { DocSiteClient, type DocSiteOptions } from './doc-site-client.js';
import type { Progress } from './progress.js';
import { runPool } from '../concurrency/run-pool.js';
import { FetchFailure } from './with-retry.js';

export const CATALOG_PATH = '/handler/document/getApiCatelogConfig.json';
export const RECORD_PATH = '/handler/document/getDocument.json';

export interface FetchOptions extends DocSiteOptions {
  outDir: string;
  category?: number;
  concurrency?: number;
  refresh?: boolean;
  maxAgeMs?: number;
  now?: () => number;
  progress?: (total: number) => Progress;
}

export type RecordOutcome = 'new' | 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FetchSummary {
  apis: number;
  outcomes: Record<RecordOutcome, string[]>;
  failures: { method: string; message: string; hint?: string }[];
}

export async function fetchDocSite(options: FetchOptions): Promise<FetchSummary> {
  const client = new DocSiteClient(options);
  await client.start();
  const catalog = await client.getData(CATALOG_PATH, { docId: '285', docType: '2' });
  const apis = catalogEntries(catalog, options.category ?? 38);
  if (!apis) throw new FetchFailure(`the catalog has no category ${options.category ?? 38}`, false);
  await writeFileAtomic(join(options.outDir, 'catalog.json'), toCacheJson(catalog));

  const index = await readIndex(options.outDir);
  const now = options.now ?? Date.now;
  const summary: FetchSummary = {
    apis: apis.length,
    outcomes: { new: [], changed: [], unchanged: [], skipped: [], failed: [] },
    failures: [],
  };
  const progress = options.progress?.(apis.length);
  const limit = Math.max(1, Math.min(4, options.concurrency ?? 4));
  await runPool(apis, limit, async (api) => {
    const outcome = await fetchOne(client, api, index, options, now);
    if (typeof outcome === 'string') summary.outcomes[outcome].push(api.method);
    else {
      summary.outcomes.failed.push(api.method);
      summary.failures.push({
        method: api.method,
        message: outcome.message,
        ...(outcome.hint ? { hint: outcome.hint } : {}),
      });
    }
    progress?.tick(typeof outcome !== 'string');
  });
  progress?.done();
  await writeIndex(options.outDir, index);
  for (const list of Object.values(summary.outcomes)) list.sort();
  return summary;
}

function isFresh(api: CatalogApi, cached: CacheIndex[string] | undefined, options: FetchOptions, now: number): boolean {
  if (!cached || options.refresh) return false;
  if (api.gmtModified !== undefined) return cached.gmtModified === api.gmtModified;
  return now - cached.fetchedAt < (options.maxAgeMs ?? 24 * 3600_000);
}

async function fetchOne(
  client: DocSiteClient,
  api: CatalogApi,
  index: CacheIndex,
  options: FetchOptions,
  now: () => number,
): Promise<RecordOutcome | FetchFailure> {
  const cached = index[api.method];
  const path = recordPath(options.outDir, api.method);
  if (isFresh(api, cached, options, now()) && (await exists(path))) return 'skipped';
  let record: { name?: unknown; gmtModified?: unknown };
  try {
    record = (await client.getData(RECORD_PATH, {
      isEn: 'false',
      docId: String(api.docId),
      docType: '2',
    })) as typeof record;
    if (record.name !== api.method)
      throw new FetchFailure(`record names "${String(record.name)}", the catalog "${api.method}"`, false);
  } catch (error) {
    return error instanceof FetchFailure ? error : new FetchFailure((error as Error).message, false);
  }
  const gmtModified = typeof record.gmtModified === 'number' ? record.gmtModified : undefined;
  const text = toCacheJson(record);
  const previous = await readFile(path, 'utf8').catch(() => undefined);
  index[api.method] = { docId: api.docId, ...(gmtModified !== undefined ? { gmtModified } : {}), fetchedAt: now() };
  if (previous === text) return 'unchanged';
  await writeFileAtomic(path, text);
  return previous === undefined ? 'new' : 'changed';
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}
