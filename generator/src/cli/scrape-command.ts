/**
 * `tbk-gen scrape [SOURCES...] [--spec spec]` (design.md "CLI contract"): read doc pages into
 * spec/methods/*.yaml and spec/catalog.yaml. Prints every diagnostic like a compiler, then one
 * summary line. Exit 1 when a page could not be read or a spec file could not be written,
 * 2 on usage errors or an unusable spec/sources.yaml.
 */
import { countByLevel, formatDiagnostic } from '../report/diagnostic.js';
import { DEFAULT_SOURCES_FILE, scrapeIntoSpec } from '../pipeline/scrape-into-spec.js';
import { optionString, readCommandArgs } from './cli-args.js';

const HELP = `usage: tbk-gen scrape [SOURCES...] [--spec DIR]

Read doc pages and write DIR/methods/<method>.yaml and DIR/catalog.yaml.

  SOURCES     files, folders or globs of doc pages (seed text .txt, markdown dump .md,
              doc-site JSON records and catalogs .json, saved pages .html); default: the
              entries of ${DEFAULT_SOURCES_FILE}
  --spec DIR  the spec folder to refresh (default: spec); DIR/overrides/*.yaml are applied

Methods the sources do not mention keep their spec files. Writes are atomic: a failed run
leaves the old files as they were. Exit status: 0 ok, 1 a page could not be read or a file
could not be written, 2 usage error.`;

export async function runScrape(args: string[]): Promise<number> {
  const args_ = readCommandArgs('scrape', HELP, args, { values: ['spec'] }, (parsed) => ({
    sources: parsed.positionals,
    specDir: optionString(parsed, 'spec', 'spec'),
  }));
  if ('exit' in args_) return args_.exit;
  const started = performance.now();
  const result = await scrapeIntoSpec(args_.options);
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const counts = countByLevel(result.diagnostics);
  const elapsed = Math.round(performance.now() - started);
  const methods = result.files.size - 1;
  const writing = result.configError ? 'nothing written' : `${result.written.length} written, ${result.unchanged.length} unchanged`;
  const unreadable = result.unreadable ? `, ${result.unreadable} unreadable` : '';
  process.stdout.write(
    `scrape: ${result.pages} pages${unreadable}, ${methods} methods (${writing}), ${counts.warning} warnings, ${counts.error} errors, ${elapsed} ms\n`,
  );
  if (result.configError) return 2;
  const writeFailed = result.diagnostics.some((d) => d.code === 'TBK240' || d.code === 'TBK241');
  return result.unreadable > 0 || writeFailed ? 1 : 0;
}
