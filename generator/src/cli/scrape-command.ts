/**
 * `tbk-gen scrape [SOURCES...] [--spec spec]` (docs/design.md "CLI contract"): read doc pages into
 * spec/methods/*.yaml and spec/catalog.yaml. Prints every diagnostic like a compiler, then one
 * summary line. Exit 1 when a page could not be read or a spec file could not be written,
 * 2 on usage errors or an unusable spec/sources.yaml.
 */
import { countByLevel, formatDiagnostic } from '../report/diagnostic.js';
import { readRecord, writeRecord } from '../pipeline/run-cache.js';
import { DEFAULT_SOURCES_FILE, scrapeIntoSpec, type ScrapeOptions } from '../pipeline/scrape-into-spec.js';
import { scrapeDigest, scrapeRecordId, type ScrapeReplay } from '../pipeline/scrape-record.js';
import { optionString, readCommandArgs } from './cli-args.js';
import { countSpecFiles, formatScrapeSummary } from './scrape-summary.js';
import { PipelineCode } from '../pipeline/pipeline-codes.js';
import { SpecCode } from '../spec/spec-codes.js';

const HELP = `usage: tbk-gen scrape [SOURCES...] [--spec DIR] [--force] [--accept-loss] [--quiet]

Read doc pages and write DIR/methods/<method>.yaml and DIR/catalog.yaml.

  SOURCES     files, folders or globs of doc pages (seed text .txt, markdown dump .md,
              doc-site JSON records and catalogs .json, saved pages .html); default: the
              entries of ${DEFAULT_SOURCES_FILE}
  --spec DIR  the spec folder to refresh (default: spec); DIR/overrides/*.yaml are applied
  --force     scrape even when no source, spec file or generator file changed since the
              last successful run (which is otherwise replayed from node_modules/.cache)
  --accept-loss  write even when a committed spec would lose a fact (a param, a sample,
              a description...) that no source states any more; each is still listed
  --quiet     print only errors and the summary line (no warnings or notices)

Before writing, every new spec is compared with the committed one: a fact that would disappear
with nothing in its place is an error (${PipelineCode.factLost}) naming the method, the fact and the source that
gave it, and nothing is written (exit 1).

A replayed run prints its summary with the count of its warnings, not the warnings.
Methods the sources do not mention keep their spec files. Writes are atomic: a failed run
leaves the old files as they were. Exit status: 0 ok, 1 a page could not be read or a file
could not be written, 2 usage error.`;

export interface ScrapeHooks {
  /** Called when the sources have to be read again (not when the last run is replayed). */
  beforeRun?: () => void;
}

export async function runScrape(args: string[], hooks: ScrapeHooks = {}): Promise<number> {
  const args_ = readCommandArgs(
    'scrape',
    HELP,
    args,
    { values: ['spec'], flags: ['force', 'accept-loss', 'quiet'] },
    (parsed) => ({
      sources: parsed.positionals,
      specDir: optionString(parsed, 'spec', 'spec'),
      force: parsed.options['force'] === true,
      acceptLoss: parsed.options['accept-loss'] === true,
      quiet: parsed.options['quiet'] === true,
    }),
  );
  if ('exit' in args_) return args_.exit;
  const started = performance.now();
  const { force, quiet, ...options } = args_.options;
  const id = scrapeRecordId(options);
  const before = force ? undefined : await scrapeDigest(options);
  const replay = before === undefined ? undefined : await readRecord<ScrapeReplay>('scrape', id, before);
  if (replay) {
    // A replay prints its errors (a recorded run has none that stopped it) and the summary; the
    // warnings were printed by the full run and are counted, not repeated.
    for (const d of replay.diagnostics) if (d.level === 'error') process.stderr.write(`${formatDiagnostic(d)}\n`);
    const counts = countByLevel(replay.diagnostics);
    const files = { written: 0, unchanged: replay.methods, catalog: 'unchanged' as const };
    const line = formatScrapeSummary({
      pages: replay.pages,
      unreadable: 0,
      methods: replay.methods,
      ...files,
      refused: false,
      warnings: counts.warning,
      errors: counts.error,
      ms: performance.now() - started,
      replayed: true,
    });
    process.stdout.write(`${line}\n`);
    return 0;
  }
  hooks.beforeRun?.();
  const result = await scrapeIntoSpec(options);
  for (const d of result.diagnostics)
    if (!quiet || d.level === 'error') process.stderr.write(`${formatDiagnostic(d)}\n`);
  const counts = countByLevel(result.diagnostics);
  const methods = result.files.size - 1;
  const refused = result.configError || (result.losses > 0 && !options.acceptLoss);
  const files = countSpecFiles(result.written, result.unchanged);
  const line = formatScrapeSummary({
    pages: result.pages,
    unreadable: result.unreadable,
    methods,
    ...files,
    refused,
    warnings: counts.warning,
    errors: counts.error,
    ms: performance.now() - started,
  });
  process.stdout.write(`${line}\n`);
  if (result.configError) return 2;
  const writeFailed = result.diagnostics.some(
    (d) => d.code === PipelineCode.invalidSpec || d.code === SpecCode.writeFailed,
  );
  const status = result.unreadable > 0 || writeFailed || refused ? 1 : 0;
  if (status === 0) await recordRun(options, id, result);
  return status;
}

/** Records a successful run for the next one (digest of the folder as this run left it). */
async function recordRun(
  options: ScrapeOptions,
  id: string,
  result: Awaited<ReturnType<typeof scrapeIntoSpec>>,
): Promise<void> {
  const after = await scrapeDigest(options);
  if (after === undefined) return;
  const replay: ScrapeReplay = {
    diagnostics: result.diagnostics,
    pages: result.pages,
    methods: result.files.size - 1,
    files: result.files.size,
  };
  await writeRecord('scrape', id, after, replay);
}
