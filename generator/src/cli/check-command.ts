/**
 * `tbk-gen check`: regenerate in memory — the spec from its sources, the package from the spec
 * on disk — and fail (exit 1), naming every file, when the disk differs. CI runs it so a hand
 * edit of generated/ or a spec that was not regenerated never lands. Each differing file is
 * called modified or out of date (check-drift.ts) and shown as a short unified diff.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatDiagnostic } from '../report/diagnostic.js';
import { generatePackage } from '../pipeline/generate-package.js';
import { scrapeIntoSpec } from '../pipeline/scrape-into-spec.js';
import { filesOfPackage } from '../pipeline/write-package.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';
import { classifyPackageFile, classifySpecFile, DRIFT_ADVICE, manifestFiles, type Drift } from './check-drift.js';
import { unifiedDiff } from './unified-diff.js';
import { SourcesCode } from '../read/sources/sources-codes.js';

export type { Drift } from './check-drift.js';

const HELP = `usage: tbk-gen check [--spec DIR] [--out DIR] [--quiet]

Scrape the sources and generate the package in memory, and compare with DIR (spec, default:
spec) and the package folder (default: generated). Each file that differs is named as
modified (edited since a run wrote it), out of date (written from older inputs), missing or
extra, with a short diff. Progress goes to stderr (--quiet: none).

Exit status: 0 everything up to date, 1 some file differs (run \`npm run gen\` and commit),
2 an input is missing, the spec has errors, or a usage error.`;

function bytesOf(a: string | Uint8Array): Buffer {
  return typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a);
}

const isText = (bytes: Buffer) => !bytes.subarray(0, 8000).includes(0);

/**
 * Compare expected files (paths relative to `root`) with the disk. `classify` names a file that
 * differs; `checkExtra` also reports files on disk that are not expected.
 */
export async function compareWithDisk(
  root: string,
  expected: Map<string, string | Uint8Array>,
  checkExtra: boolean,
  classify: (path: string, disk: Buffer, fresh: Buffer) => Drift['kind'] = () => 'out of date',
): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const [path, content] of [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let disk: Buffer;
    try {
      disk = await readFile(join(root, path));
    } catch {
      drift.push({ path, kind: 'missing' });
      continue;
    }
    const fresh = bytesOf(content);
    if (fresh.equals(disk)) continue;
    const texts = isText(disk) && isText(fresh) ? { disk: disk.toString('utf8'), fresh: fresh.toString('utf8') } : {};
    drift.push({ path, kind: classify(path, disk, fresh), ...texts });
  }
  if (checkExtra) {
    for (const path of await filesOfPackage(root)) if (!expected.has(path)) drift.push({ path, kind: 'extra' });
  }
  return drift;
}

export async function runCheck(args: string[]): Promise<number> {
  const read = readCommandArgs('check', HELP, args, { values: ['spec', 'out'], flags: ['quiet'] }, (parsed) => {
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    return {
      specDir: optionString(parsed, 'spec', 'spec'),
      outDir: optionString(parsed, 'out', 'generated'),
      quiet: parsed.options['quiet'] === true,
    };
  });
  if ('exit' in read) return read.exit;
  const { specDir, outDir, quiet } = read.options;
  const started = performance.now();
  const step = (n: number, what: string) => {
    if (!quiet)
      process.stderr.write(`check: [${n}/3] ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  };

  step(1, 'scraping the sources in memory');
  const scraped = await scrapeIntoSpec({ specDir, write: false });
  const missing = scraped.diagnostics.filter(
    (d) => d.code === SourcesCode.sourceMissing || d.code === SourcesCode.sourcesFileInvalid,
  );
  if (missing.length) {
    for (const d of missing) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(
      `check: ${missing.length} input(s) missing or unusable: the spec cannot be checked against the pages; restore them (spec/sources.yaml lists them)\n`,
    );
    return 2;
  }
  const specFiles = new Map<string, string>();
  for (const [path, text] of scraped.files)
    specFiles.set(relative(resolve(specDir), resolve(path)).split('\\').join('/'), text);
  const specDrift = await compareWithDisk(resolve(specDir), specFiles, false, (_path, disk, fresh) =>
    classifySpecFile(disk.toString('utf8'), fresh.toString('utf8')),
  );

  step(2, 'generating the package in memory');
  // No reuse of files on disk: a hand edit that also patched MANIFEST.json must still show.
  const generated = await generatePackage({ specDir, outDir, write: false, reuse: false });
  const errors = generated.diagnostics.filter((d) => d.level === 'error');
  for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (errors.length) {
    process.stderr.write(`check: the spec has ${errors.length} error(s); fix them first\n`);
    return 2;
  }
  step(3, `comparing ${specFiles.size + generated.files.size} files with the disk`);
  const manifest = manifestFiles(await readFile(join(outDir, 'MANIFEST.json'), 'utf8').catch(() => undefined));
  const packageDrift = await compareWithDisk(resolve(outDir), generated.files, true, (path, disk) =>
    classifyPackageFile(path, disk, manifest),
  );

  const drift = [
    ...specDrift.map((d) => ({ ...d, path: `${specDir}/${d.path}` })),
    ...packageDrift.map((d) => ({ ...d, path: `${outDir}/${d.path}` })),
  ];
  const elapsed = Math.round(performance.now() - started);
  if (!drift.length) {
    process.stdout.write(
      `check: ${specFiles.size} spec files and ${generated.files.size} package files up to date, ${elapsed} ms\n`,
    );
    return 0;
  }
  process.stderr.write('check: lines starting with - are on disk, + what a fresh run writes\n');
  for (const d of drift) {
    process.stderr.write(`${d.path}: ${d.kind}: ${DRIFT_ADVICE[d.kind]}\n`);
    if (d.disk !== undefined && d.fresh !== undefined)
      for (const line of unifiedDiff(d.disk, d.fresh)) process.stderr.write(`    ${line}\n`);
  }
  const counts = (['modified', 'out of date', 'missing', 'extra'] as const)
    .map((k) => [k, drift.filter((d) => d.kind === k).length] as const)
    .filter(([, n]) => n);
  process.stderr.write(
    `check: ${drift.length} files differ from a fresh run (${counts.map(([k, n]) => `${n} ${k}`).join(', ')}); run \`npm run gen\` and commit the result\n`,
  );
  return 1;
}
