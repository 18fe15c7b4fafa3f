/**
 * Spec folder → the `tbk-client` package (design.md "The generated package"):
 * read → ir → emit → format → dist → manifest → write. With `write: false` everything is
 * computed in memory (the `check` command compares the result with the disk). Any error
 * diagnostic stops the run before anything is written.
 *
 * The package is planned as units (package-units.ts); a unit whose input and toolchain did not
 * change since the previous run takes its files from disk (previous-build.ts) instead of being
 * emitted, formatted and compiled again.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runPool } from '../concurrency/run-pool.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { readSpecFolder } from '../spec/spec-files.js';
import type { DistSource } from '../emit/build-dist.js';
import { WorkerPool, type DeclareOutcome } from '../emit/worker-pool.js';
import { formatFailure, parserFor } from '../emit/format.js';
import { DEFAULT_TEMPLATES_DIR, readTemplateFiles, stampClientVersion } from '../emit/copy-runtime.js';
import { CJS_PACKAGE_JSON, cjsPackageJson, distFilesOf } from '../emit/dist-files.js';
import { emitManifest } from '../emit/manifest.js';
import { runtimeExportClaims } from '../emit/runtime-exports.js';
import { buildIr } from '../ir/build-ir.js';
import { readPackageInputs, type PackageInputs } from './package-inputs.js';
import { planUnits, type PackageUnit, type UnitFile } from './package-units.js';
import { loadPreviousBuild, type PreviousBuild } from './previous-build.js';
import { toolchainFingerprint } from './toolchain.js';
import { validateFolder } from './validate-folder.js';
import { folderHolds, writeFolderAtomically } from './write-package.js';

export interface GenerateOptions {
  specDir: string;
  outDir: string;
  write: boolean;
  /** Defaults to the repository's templates/. */
  templatesDir?: string;
  /** Prettier worker threads besides the main thread (default: spare cores, at most 3). */
  workers?: number;
  /** A pool already started (and warmed up) by the caller; closed by the caller. */
  workerPool?: WorkerPool;
  /** Reuse the files of the previous run in `outDir` whose input did not change (default true). */
  reuse?: boolean;
}

export type Stage = 'read' | 'ir' | 'reuse' | 'emit' | 'format' | 'dist' | 'write';

export interface GenerateResult {
  /** Every file of the package, by path relative to `outDir`. */
  files: Map<string, string | Uint8Array>;
  diagnostics: Diagnostic[];
  /** Methods generated (0 when the run stopped on errors). */
  methods: number;
  /** Units taken from the previous run / generated again. */
  units: { reused: number; generated: number };
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
}

const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.level === 'error');

async function generatorVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Every file a unit produces on disk: its own files and, for sources, their four dist files. */
function outputsOf(unit: PackageUnit): string[] {
  return unit.paths.flatMap((p) => (p.startsWith('src/') && p.endsWith('.ts') ? [p, ...distFilesOf(p)] : [p]));
}

/** The unit's files from the previous run, when every one of them is still valid. */
async function reuseUnit(unit: PackageUnit, previous: PreviousBuild | undefined): Promise<Map<string, string> | undefined> {
  if (!previous) return undefined;
  const outputs = outputsOf(unit);
  const texts = await Promise.all(outputs.map((p) => previous.reuse(p, unit.key)));
  if (texts.some((t) => t === undefined)) return undefined;
  return new Map(outputs.map((p, i) => [p, texts[i]!]));
}

export async function generatePackage(options: GenerateOptions): Promise<GenerateResult> {
  const timings: GenerateResult['timings'] = {};
  let mark = performance.now();
  const lap = (stage: Stage): void => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark);
    mark = now;
  };
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const toolchain = toolchainFingerprint();

  const [folder, templates, packageInputs, version, previous] = await Promise.all([
    readSpecFolder(options.specDir),
    readTemplateFiles(templatesDir),
    readPackageInputs(options.specDir, templatesDir),
    generatorVersion(),
    options.reuse === false ? undefined : loadPreviousBuild(options.outDir, toolchain),
  ]);
  // Nothing to reuse means formatting everything: prettier's workers load and warm up while
  // the main thread validates, builds the IR and loads the emitters.
  let pool = options.workerPool;
  const ownPool = !pool && (options.reuse === false || previous?.empty === true) ? new WorkerPool(options.workers) : undefined;
  pool ??= ownPool;
  try {
    return await generateWith({ ...options, ...(pool ? { workerPool: pool } : {}) }, { folder, templates, packageInputs, version, previous, toolchain }, lap, timings);
  } finally {
    await ownPool?.close();
  }
}

interface Inputs {
  folder: Awaited<ReturnType<typeof readSpecFolder>>;
  templates: Awaited<ReturnType<typeof readTemplateFiles>>;
  packageInputs: PackageInputs;
  version: string;
  previous: PreviousBuild | undefined;
  toolchain: string;
}

async function generateWith(options: GenerateOptions, input: Inputs, lap: (stage: Stage) => void, timings: GenerateResult['timings']): Promise<GenerateResult> {
  const { folder, packageInputs, version, previous, toolchain } = input;
  const templates = stampClientVersion(input.templates, packageInputs.identity.version);
  const stop = (diagnostics: Diagnostic[]): GenerateResult => ({ files: new Map(), diagnostics, methods: 0, units: { reused: 0, generated: 0 }, timings });
  const diagnostics: Diagnostic[] = [...folder.diagnostics, ...validateFolder(folder), ...packageInputs.diagnostics];
  lap('read');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const built = buildIr(folder, { reservedRootNames: runtimeExportClaims(templates) });
  diagnostics.push(...built.diagnostics);
  lap('ir');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const units = planUnits(built.ir, templates, packageInputs);
  const files = new Map<string, string>();
  const inputs = new Map<string, string>();
  const stale: PackageUnit[] = [];
  const reusedPaths = new Set<string>();
  // Bounded, like the writes: each unit reads several files (EMFILE at thousands of methods).
  await runPool(units, 32, async (unit) => {
    for (const p of outputsOf(unit)) inputs.set(p, unit.key);
    const reused = await reuseUnit(unit, previous);
    if (!reused) return void stale.push(unit);
    for (const [p, t] of reused) {
      files.set(p, t);
      reusedPaths.add(p);
    }
  });
  // Units are planned in a fixed order; generating them in that order keeps output stable.
  stale.sort((a, b) => units.indexOf(a) - units.indexOf(b));
  lap('reuse');

  if (stale.length) {
    const generated = await generateUnits(stale, options, diagnostics, lap);
    if (!generated) return stop(diagnostics);
    for (const [p, t] of generated) files.set(p, t);
  }

  files.set(CJS_PACKAGE_JSON, cjsPackageJson());
  const manifest = emitManifest({ generatorVersion: version, toolchain, specTexts: folder.texts, files, inputs });
  files.set(manifest.path, manifest.source);
  const sorted = new Map<string, string | Uint8Array>([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  if (options.write) {
    // Reused files were read from outDir and verified; only the manifest and the files
    // generated again need comparing before a write can be skipped.
    const check = [manifest.path, CJS_PACKAGE_JSON, ...[...files.keys()].filter((p) => !reusedPaths.has(p))];
    if (!(await folderHolds(options.outDir, sorted, check))) await writeFolderAtomically(options.outDir, sorted, reusedPaths);
    lap('write');
  }
  return { files: sorted, diagnostics, methods: built.ir.methods.length, units: { reused: units.length - stale.length, generated: stale.length }, timings };
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Emit, format and compile the units that could not be reused; undefined after errors. The
 * stages overlap: each emitted file goes to the format pool at once (workers format while the
 * main thread emits), and each formatted source to esbuild at once; the stage times are the
 * main thread's waits, so `format` is what was left to format when emitting ended.
 */
async function generateUnits(
  units: readonly PackageUnit[],
  options: GenerateOptions,
  diagnostics: Diagnostic[],
  lap: (stage: Stage) => void,
): Promise<Map<string, string> | undefined> {
  const pool = options.workerPool ?? new WorkerPool(options.workers);
  try {
    const { buildJs, buildDeclarations } = await import('../emit/build-dist.js');
    const emitted: UnitFile[] = [];
    const formatted = new Map<string, Promise<string>>();
    const declared = new Map<string, Promise<DeclareOutcome>>();
    const js: Promise<[string, string][]>[] = [];
    // Template copies first: their declarations keep the workers busy while the main thread
    // loads the emitters.
    const ordered = [...units].sort((a, b) => Number(!a.verbatim) - Number(!b.verbatim));
    for (const unit of ordered) {
      for (const file of await unit.emit()) {
        emitted.push(file);
        if (file.verbatim && isSource(file.path)) declared.set(file.path, pool.declare(file.path, file.source));
        const parser = file.verbatim ? undefined : parserFor(file.path);
        const text = parser
          ? pool.format(file.source, parser).then((o) => ('error' in o ? (diagnostics.push(formatFailure(file.path, o.error)), file.source) : o.text))
          : Promise.resolve(file.source);
        formatted.set(file.path, text);
        if (isSource(file.path)) js.push(text.then((source) => buildJs(distSource(file, source))));
      }
      await yieldToEvents(); // worker results come in, and the workers are fed again
    }
    lap('emit');
    await pool.drain();
    const files = new Map<string, string>();
    for (const file of emitted) files.set(file.path, await formatted.get(file.path)!);
    lap('format');
    if (hasErrors(diagnostics)) return undefined;

    const sources = emitted.filter((f) => isSource(f.path)).map((f) => distSource(f, files.get(f.path)!));
    const settled = new Map(await Promise.all([...declared].map(async ([p, d]) => [p, await d] as const)));
    const declarations = buildDeclarations(sources, resolve(options.outDir), settled);
    diagnostics.push(...declarations.diagnostics);
    for (const [p, t] of declarations.files) files.set(p, t);
    for (const pairs of await Promise.all(js)) for (const [p, t] of pairs) files.set(p, t);
    lap('dist');
    return hasErrors(diagnostics) ? undefined : files;
  } finally {
    if (!options.workerPool) await pool.close();
  }
}

const isSource = (path: string): boolean => path.startsWith('src/') && path.endsWith('.ts');

function distSource(file: UnitFile, source: string): DistSource {
  return { path: file.path, source, from: file.from, ...(file.declaration !== undefined ? { declaration: file.declaration } : {}) };
}
