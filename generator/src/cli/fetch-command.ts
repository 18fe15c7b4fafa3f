/**
 * `tbk-gen fetch`: download the 淘宝客 catalog and doc records from the doc site into a local
 * cache that `tbk-gen scrape` reads (docs/fetch.md). Exit 1 when any record failed (the others
 * are kept), 2 on usage errors or when the catalog itself could not be fetched.
 */
import { readFile } from 'node:fs/promises';
import { fetchDocSite, type RecordOutcome } from '../fetch/fetch-doc-site.js';
import { createProgress } from '../fetch/progress.js';
import { FetchFailure } from '../fetch/with-retry.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';

const HELP = `usage: tbk-gen fetch [--out DIR] [--base-url URL] [--cookie "k=v; k2=v2"] [--cookie-file FILE]
                     [--category 38] [--concurrency N] [--refresh] [--max-age-hours H]

Download the catalog and every API's doc record into DIR (default spec/pages/doc-site, a source
in spec/sources.yaml), so that \`npm run gen\` reads them with every other source. Commit DIR.

  --base-url URL     doc site (default https://open.taobao.com)
  --cookie TEXT      cookies to send (the handlers may need a logged-in session)
  --cookie-file FILE a file holding the cookie header text
  --concurrency N    requests in flight, at most 4 (default 4)
  --refresh          fetch every record again
  --max-age-hours H  without gmtModified in the catalog, refetch records older than H (default 24)`;

/** The doc site throttles: at most 4 requests in flight (docs/fetch.md). */
const MAX_CONCURRENCY = 4;

function concurrencyOf(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${text}`);
  return n;
}

export async function runFetch(args: string[]): Promise<number> {
  const read = readCommandArgs(
    'fetch',
    HELP,
    args,
    {
      values: ['out', 'base-url', 'cookie', 'cookie-file', 'category', 'concurrency', 'max-age-hours'],
      flags: ['refresh'],
    },
    (parsed) => {
      if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
      const number = (name: string, fallback: number) => {
        const n = Number(optionString(parsed, name, String(fallback)));
        if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number`);
        return n;
      };
      const cookieFile = parsed.options['cookie-file'];
      return {
        outDir: optionString(parsed, 'out', 'spec/pages/doc-site'),
        baseUrl: optionString(parsed, 'base-url', 'https://open.taobao.com'),
        cookies: typeof parsed.options.cookie === 'string' ? [parsed.options.cookie] : [],
        cookieFile: typeof cookieFile === 'string' ? cookieFile : undefined,
        category: number('category', 38),
        concurrency: concurrencyOf(optionString(parsed, 'concurrency', '4')),
        refresh: parsed.options.refresh === true,
        maxAgeMs: number('max-age-hours', 24) * 3600_000,
      };
    },
  );
  if ('exit' in read) return read.exit;
  const { cookieFile, ...options } = read.options;
  if (cookieFile) options.cookies.push((await readFile(cookieFile, 'utf8')).trim());
  let summary;
  try {
    summary = await fetchDocSite({ ...options, progress: (total) => createProgress(total, process.stderr) });
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    process.stderr.write(`tbk-gen fetch: catalog: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n`);
    return 2;
  }
  for (const f of summary.failures)
    process.stderr.write(`fetch: ${f.method}: ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}\n`);
  const parts = (['new', 'changed', 'unchanged', 'skipped', 'failed'] as RecordOutcome[]).map(
    (k) => `${summary.outcomes[k].length} ${k}`,
  );
  process.stdout.write(`fetch: ${summary.apis} APIs: ${parts.join(', ')}\n`);
  return summary.failures.length ? 1 : 0;
}
