/**
 * `tbk-gen check`: regenerate in memory — the spec from its sources, the package from the spec
 * on disk — and fail (exit 1), naming every file, when the disk differs. CI runs it so a hand
 * edit of generated/ or a spec that was not regenerated never lands.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatDiagnostic } from '../report/diagnostic.js';
import { generatePackage } from '../pipeline/generate-package.js';
import { scrapeIntoSpec } from '../pipeline/scrape-into-spec.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';

const HELP = `usage: tbk-gen check [--spec DIR] [--out DIR]

Exit 1 and name the files when DIR/ (spec, default: spec) or the package (default: generated)
differ from what scrape and generate would write now.`;

/** Folders under the package that are never generated (install artefacts). */
const IGNORED = new Set(['node_modules']);

export type Drift = { path: string; kind: 'stale' | 'missing' | 'extra' };

async function listFiles(root: string, dir = root): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (IGNORED.has(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

function sameBytes(a: string | Uint8Array, b: Buffer): boolean {
  return Buffer.from(typeof a === 'string' ? Buffer.from(a, 'utf8') : a).equals(b);
}

/** Compare expected files (paths relative to `root`) with the disk. */
export async function compareWithDisk(root: string, expected: Map<string, string | Uint8Array>, checkExtra: boolean): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const [path, content] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
    let disk: Buffer;
    try {
      disk = await readFile(join(root, path));
    } catch {
      drift.push({ path, kind: 'missing' });
      continue;
    }
    if (!sameBytes(content, disk)) drift.push({ path, kind: 'stale' });
  }
  if (checkExtra) {
    for (const path of (await listFiles(root)).sort()) if (!expected.has(path)) drift.push({ path, kind: 'extra' });
  }
  return drift;
}

export async function runCheck(args: string[]): Promise<number> {
  const read = readCommandArgs('check', HELP, args, { values: ['spec', 'out'] }, (parsed) => {
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    return { specDir: optionString(parsed, 'spec', 'spec'), outDir: optionString(parsed, 'out', 'generated') };
  });
  if ('exit' in read) return read.exit;
  const { specDir, outDir } = read.options;
  const started = performance.now();

  const scraped = await scrapeIntoSpec({ specDir, write: false });
  const specFiles = new Map<string, string>();
  for (const [path, text] of scraped.files) specFiles.set(relative(resolve(specDir), resolve(path)).split('\\').join('/'), text);
  const specDrift = await compareWithDisk(resolve(specDir), specFiles, false);

  // No reuse of files on disk: a hand edit that also patched MANIFEST.json must still show.
  const generated = await generatePackage({ specDir, outDir, write: false, reuse: false });
  const errors = generated.diagnostics.filter((d) => d.level === 'error');
  for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (errors.length) return 2;
  const packageDrift = await compareWithDisk(resolve(outDir), generated.files, true);

  const drift = [
    ...specDrift.map((d) => ({ ...d, path: `${specDir}/${d.path}` })),
    ...packageDrift.map((d) => ({ ...d, path: `${outDir}/${d.path}` })),
  ];
  const elapsed = Math.round(performance.now() - started);
  if (!drift.length) {
    process.stdout.write(`check: ${specFiles.size} spec files and ${generated.files.size} package files up to date, ${elapsed} ms\n`);
    return 0;
  }
  for (const d of drift) process.stderr.write(`${d.path}: ${d.kind}\n`);
  process.stderr.write(`check: ${drift.length} files differ from a fresh run; run \`npm run gen\` and commit the result\n`);
  return 1;
}
