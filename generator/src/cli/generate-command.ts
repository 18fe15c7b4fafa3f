/**
 * `tbk-gen generate [--spec spec] [--out generated]`: emit the tbk-client package from the spec
 * (docs/design.md "CLI contract"). Problems print like a compiler on stderr, then a summary line
 * with the time of each stage. Exit 0 when written, 2 on a bad spec or bad usage (nothing is
 * written then), 1 when the package could not be written.
 */
import { formatDiagnostic, sortDiagnostics, countByLevel } from '../report/diagnostic.js';
import { generatePackage, type GenerateResult } from '../pipeline/generate-package.js';
import type { TemplateDeclarations } from '../pipeline/template-declarations.js';
import { generateDigest, generateRecordId, packageIntact, type GenerateReplay } from '../pipeline/generate-record.js';
import { readRecord, writeRecord } from '../pipeline/run-cache.js';
import { sha256 } from '../files/sha256.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';

const USAGE = `usage: tbk-gen generate [--spec DIR] [--out DIR] [--force] [--quiet]

Emit the tbk-client package from the spec folder.
  --spec DIR   spec folder holding methods/*.yaml (default: spec)
  --out DIR    package folder to write, replaced atomically (default: generated)
  --force      a truly cold run: generate even when the spec, the templates, the generator
               and the package are exactly as the last successful run left them, reuse no
               unit from the package folder and no cached template declaration
  --quiet      print only errors and the summary line

A replayed run prints its summary with the counts of its warnings and notices, not them.
Exit status: 0 written (or up to date), 1 the package could not be written, 2 a bad spec
(nothing written) or a usage error.`;

export function formatTimings(timings: GenerateResult['timings']): string {
  const total = Object.values(timings).reduce((a, b) => a + (b ?? 0), 0);
  const stages = Object.entries(timings).map(([stage, ms]) => `${stage} ${((ms ?? 0) / 1000).toFixed(2)}`);
  return `${(total / 1000).toFixed(2)} s (${stages.join(', ')})`;
}

export interface GenerateHooks {
  /** Template declarations already requested (by `gen`, before scraping); the caller closes them. */
  declarations?: () => TemplateDeclarations;
}

export async function runGenerate(args: string[], hooks: GenerateHooks = {}): Promise<number> {
  const read = readCommandArgs(
    'generate',
    USAGE,
    args,
    { values: ['spec', 'out'], flags: ['force', 'quiet'] },
    (parsed) => {
      if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
      return {
        specDir: optionString(parsed, 'spec', 'spec'),
        outDir: optionString(parsed, 'out', 'generated'),
        force: parsed.options['force'] === true,
        quiet: parsed.options['quiet'] === true,
      };
    },
  );
  if ('exit' in read) return read.exit;
  const { specDir, outDir, force, quiet } = read.options;
  const shown = (d: { level: string }) => !quiet || d.level === 'error';

  const started = performance.now();
  const id = generateRecordId(specDir, outDir);
  const before = force ? undefined : await generateDigest(specDir, outDir);
  const replay = before === undefined ? undefined : await readRecord<GenerateReplay>('generate', id, before);
  const intact = replay && (await packageIntact(outDir, replay.manifest));
  if (replay && intact !== undefined) {
    // The warnings were printed by the full run: counted here, not repeated.
    for (const d of sortDiagnostics(replay.diagnostics))
      if (d.level === 'error') process.stderr.write(`${formatDiagnostic(d)}\n`);
    const counts = countByLevel(replay.diagnostics);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const repeated = counts.warning + counts.notice ? ' (not repeated; --force runs again)' : '';
    process.stdout.write(
      `generated ${replay.methods} methods, ${intact} files in ${outDir}/: up to date (spec, templates and generator unchanged since the last run, every file as written) in ${seconds} s; ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)${repeated}\n`,
    );
    return 0;
  }

  if (!quiet) process.stderr.write(`generating ${outDir}/ from ${specDir}/ …\n`);
  let result: GenerateResult;
  try {
    const declarations = hooks.declarations?.();
    result = await generatePackage({
      specDir,
      outDir,
      write: true,
      ...(force ? { reuse: false, cache: false } : {}),
      ...(declarations ? { declarations } : {}),
    });
  } catch (e) {
    process.stderr.write(`tbk-gen generate: could not write ${outDir}: ${(e as Error).message}\n`);
    return 1;
  }
  for (const d of sortDiagnostics(result.diagnostics)) if (shown(d)) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const counts = countByLevel(result.diagnostics);
  const problems = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`;
  if (counts.error) {
    process.stderr.write(`tbk-gen generate: nothing written: ${problems}\n`);
    return 2;
  }
  const { reused, generated } = result.units;
  process.stdout.write(
    `generated ${result.methods} methods, ${result.fileCount} files in ${outDir}/ (${generated} units generated, ${reused} unchanged) in ${formatTimings(result.timings)}; ${problems}\n`,
  );
  if (result.manifest) {
    const replayed: GenerateReplay = {
      diagnostics: result.diagnostics,
      methods: result.methods,
      manifest: sha256(result.manifest),
    };
    await writeRecord('generate', id, await generateDigest(specDir, outDir), replayed);
  }
  return 0;
}
