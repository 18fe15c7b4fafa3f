/**
 * Spec folder → the `tbk-client` package (docs/design.md "The generated package"):
 * per method, read → validate → ir → unit (reuse, or emit in final form + dist) → write; then the
 * package-wide units → manifest → swap. With `write: false` everything is computed in memory
 * (the `check` command compares the result with the disk). Any error diagnostic stops the run
 * before the package folder is touched (the files written so far go with the temporary folder).
 *
 * The package is planned as units (package-units.ts); a unit whose input and toolchain did not
 * change since the previous run takes its files from disk (previous-build.ts) instead of being
 * emitted and compiled again. Units are streamed: each unit's files go to the package writer
 * (write-package.ts) as soon as they are finished and only their hashes stay, so memory does not
 * grow with the size of the package's text. The methods are streamed too: a few at a time are
 * read, validated, built and emitted, and of each only its summary (ir/model.ts
 * `IrMethodSummary`: names and a few small facts, for the entries, the README and the name
 * checks across methods) and its diagnostics stay, so memory does not grow with the size of the
 * spec either. Diagnostics are reported in the order a whole-folder run gives them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runPool } from '../concurrency/run-pool.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { listMethodFiles, readCatalogFile, readMethodFile } from '../spec/spec-files.js';
import { validateCatalog, validateMethodValue } from '../spec/validate-spec.js';
import { DEFAULT_TEMPLATES_DIR, readTemplateFiles, stampClientVersion } from '../emit/copy-runtime.js';
import { CJS_PACKAGE_JSON, cjsPackageJson, distFilesOf } from '../emit/dist-files.js';
import { emitManifest } from '../emit/manifest.js';
import { sha256 } from '../files/sha256.js';
import { runtimeExportClaims } from '../emit/runtime-exports.js';
import { buildIrMethod, checkPackageNames, summariseIrMethod } from '../ir/build-ir.js';
import type { IrMethodSummary } from '../ir/model.js';
import { readPackageInputs } from './package-inputs.js';
import { methodUnit, packageUnits, templateUnits, type PackageUnit } from './package-units.js';
import { loadPreviousBuild, type PreviousBuild } from './previous-build.js';
import { TemplateDeclarations } from './template-declarations.js';
import { toolchainFingerprint } from './toolchain.js';
import { isSource, unitOutputs } from './unit-outputs.js';
import { openPackageWriter, type PackageWriter } from './write-package.js';

export interface GenerateOptions {
  specDir: string;
  outDir: string;
  write: boolean;
  /** Defaults to the repository's templates/. */
  templatesDir?: string;
  /** Worker threads for template declarations the cache does not hold (default: spare cores). */
  workers?: number;
  /** Reuse the files of the previous run in `outDir` whose input did not change (default true). */
  reuse?: boolean;
  /** Read the template declaration cache (default true); false computes every declaration. */
  cache?: boolean;
  /** Declarations already requested by the caller (`gen` starts them before scraping); closed by the caller. */
  declarations?: TemplateDeclarations;
}

/** `methods`: the streamed read, validation, IR and units of the methods; `units`: the package-wide units. */
export type Stage = 'read' | 'methods' | 'units' | 'templates' | 'write';

export interface GenerateResult {
  /** Every file of the package by path relative to `outDir`; filled when `write` is false. */
  files: Map<string, string>;
  /** Number of files of the package (MANIFEST.json included). */
  fileCount: number;
  /** Text of MANIFEST.json ('' when the run stopped on errors). */
  manifest: string;
  diagnostics: Diagnostic[];
  /** Methods generated (0 when the run stopped on errors). */
  methods: number;
  /** Units taken from the previous run / generated again. */
  units: { reused: number; generated: number };
  /** Template modules whose declarations were computed (not in the cache). */
  declared: number;
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
}

const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.level === 'error');

async function generatorVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Every file a unit produces on disk: its own files and, for sources, their four dist files. */
function outputsOf(unit: PackageUnit): string[] {
  return unit.paths.flatMap((p) => (isSource(p) ? [p, ...distFilesOf(p)] : [p]));
}

/** The unit's files from the previous run, when every one of them is still valid. */
async function reuseUnit(
  unit: PackageUnit,
  previous: PreviousBuild | undefined,
): Promise<[string, string][] | undefined> {
  if (!previous || previous.empty) return undefined;
  const outputs = outputsOf(unit);
  const texts = await Promise.all(outputs.map((p) => previous.reuse(p, unit.key)));
  if (texts.some((t) => t === undefined)) return undefined;
  return outputs.map((p, i) => [p, texts[i]!]);
}

/** Units in flight at once: enough to keep esbuild and the disk busy while the main thread emits. */
const UNITS_IN_FLIGHT = 16;

/** Where finished files go: the package writer, or memory for `write: false`. */
interface Sink {
  hashes: Map<string, string>;
  put(path: string, text: string, onDisk?: boolean): Promise<void>;
}

function sinkFor(
  writer: PackageWriter | undefined,
  memory: Map<string, string>,
  previous: PreviousBuild | undefined,
): Sink {
  const hashes = new Map<string, string>();
  return {
    hashes,
    async put(path, text, onDisk = false) {
      const hash = sha256(text);
      hashes.set(path, hash);
      if (writer) await writer.put(path, text, hash, onDisk, previous?.hashOf(path));
      else memory.set(path, text);
    },
  };
}

/** One method file as the run keeps it: its diagnostics by kind, and its summary once built. */
interface MethodRecord {
  /** Position of the file among the folder's, sorted by name. */
  index: number;
  method?: string;
  file: string;
  parse: Diagnostic[];
  validate: Diagnostic[];
  ir: Diagnostic[];
  textHash?: string;
  summary?: IrMethodSummary;
}

/** The spec hash of the manifest (emit/manifest.ts `specHash`), from the texts' hashes. */
function specHashOf(textHashes: ReadonlyMap<string, string>): string {
  return sha256(
    [...textHashes.keys()]
      .sort()
      .map((method) => `${method} ${textHashes.get(method)!}\n`)
      .join(''),
  );
}

/**
 * The run's template declarations and what to do with them when it ends: the caller's are the
 * caller's to close (`gen` shares them with its scrape); declarations the run opens itself, with
 * their worker pool, are closed by the run.
 */
function declarationsFor(options: GenerateOptions): {
  declarations: TemplateDeclarations;
  release: () => Promise<void>;
} {
  if (options.declarations) return { declarations: options.declarations, release: () => Promise.resolve() };
  const own = new TemplateDeclarations({
    useCache: options.cache ?? true,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  return { declarations: own, release: () => own.close() };
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
  const { declarations, release } = declarationsFor(options);
  try {
    const listing: Diagnostic[] = [];
    const [names, templateCopies, packageInputs, version, previous] = await Promise.all([
      listMethodFiles(options.specDir, listing),
      readTemplateFiles(templatesDir),
      readPackageInputs(options.specDir, templatesDir),
      generatorVersion(),
      options.reuse === false ? undefined : loadPreviousBuild(options.outDir, toolchain),
    ]);
    const templates = stampClientVersion(templateCopies, packageInputs.identity.version);
    const stop = (diagnostics: Diagnostic[]): GenerateResult => ({
      files: new Map(),
      fileCount: 0,
      manifest: '',
      diagnostics,
      methods: 0,
      units: { reused: 0, generated: 0 },
      declared: 0,
      timings,
    });
    lap('read');

    const memory = new Map<string, string>();
    const writer = options.write ? await openPackageWriter(options.outDir) : undefined;
    try {
      const sink = sinkFor(writer, memory, previous);
      const inputs = new Map<string, string>();
      let reused = 0;
      let generated = 0;
      const emitted: Diagnostic[] = [];
      const staleTemplates: PackageUnit[] = [];
      /** Reuses or emits one unit; a template's outputs wait (staleTemplates). */
      const runUnit = async (unit: PackageUnit): Promise<void> => {
        for (const p of outputsOf(unit)) inputs.set(p, unit.key);
        const previousFiles = await reuseUnit(unit, previous);
        if (previousFiles) {
          reused++;
          for (const [p, t] of previousFiles) await sink.put(p, t, true);
          return;
        }
        generated++;
        if (unit.verbatim) {
          staleTemplates.push(unit);
          for (const file of await unit.emit())
            if (isSource(file.path)) void declarations.declare(file.path, file.source);
          return;
        }
        for (const [p, t] of await unitOutputs([unit], declarations, options.outDir, emitted)) await sink.put(p, t);
      };
      // Templates first: their declarations (from the cache, or a worker) settle while the
      // main thread emits the methods; their outputs are written last, in one batch.
      const copies = templateUnits(templates);
      await runPool(copies, UNITS_IN_FLIGHT, runUnit);

      // The methods, streamed. Once a problem is known that stops the run, the remaining
      // files are still read and validated (their diagnostics are reported) but not built.
      const records: MethodRecord[] = [];
      const unreadable = new Set<string>();
      let readFailed = !names || hasErrors(packageInputs.diagnostics);
      let irFailed = false;
      await runPool(
        (names ?? []).map((name, index) => ({ name, index })),
        UNITS_IN_FLIGHT,
        async ({ name, index }) => {
          const read = await readMethodFile(options.specDir, name);
          const record: MethodRecord = { index, file: read.file, parse: read.diagnostics, validate: [], ir: [] };
          records.push(record);
          if (!read.spec) {
            unreadable.add(name.slice(0, -'.yaml'.length));
            if (hasErrors(read.diagnostics)) readFailed = true;
            return;
          }
          record.method = read.spec.method;
          record.textHash = sha256(read.text);
          record.validate = validateMethodValue(read.file, read.spec, read.text);
          if (hasErrors(read.diagnostics) || hasErrors(record.validate)) readFailed = true;
          if (readFailed) return;
          const method = buildIrMethod(read.file, read.spec, read.text, record.ir);
          if (!method) return;
          record.summary = summariseIrMethod(method);
          if (hasErrors(record.ir)) irFailed = true;
          if (irFailed) return;
          await runUnit(methodUnit(method));
        },
      );
      lap('methods');
      records.sort((a, b) => a.index - b.index);
      // A method named by two files is the later file's (as in spec-files.ts readSpecFolder).
      const byMethod = new Map<string, MethodRecord>();
      for (const r of records) if (r.method !== undefined) byMethod.set(r.method, r);
      const methods = [...byMethod.keys()].sort().map((m) => byMethod.get(m)!);

      const diagnostics: Diagnostic[] = [...listing, ...records.flatMap((r) => r.parse)];
      const catalogFile = join(options.specDir, 'catalog.yaml');
      if (names) await readCatalogFile(options.specDir, diagnostics);
      for (const r of methods) diagnostics.push(...r.validate);
      const catalogText = await readFile(catalogFile, 'utf8').catch(() => undefined);
      // A method file that exists but could not be parsed was reported already: it is not missing.
      if (catalogText !== undefined)
        diagnostics.push(...validateCatalog(catalogFile, catalogText, new Set([...byMethod.keys(), ...unreadable])));
      diagnostics.push(...packageInputs.diagnostics);
      const abort = async (): Promise<GenerateResult> => {
        await writer?.abort();
        return stop(diagnostics);
      };
      if (hasErrors(diagnostics)) return await abort();
      const summaries = methods.flatMap((r) => (r.summary ? [r.summary] : []));
      for (const r of methods) diagnostics.push(...r.ir);
      diagnostics.push(...checkPackageNames(summaries, { reservedRootNames: runtimeExportClaims(templates) }));
      if (hasErrors(diagnostics)) return await abort();

      await runPool(packageUnits({ methods: summaries }, packageInputs), UNITS_IN_FLIGHT, runUnit);
      diagnostics.push(...emitted);
      lap('units');
      const order = new Map(copies.map((u, i) => [u, i]));
      staleTemplates.sort((a, b) => order.get(a)! - order.get(b)!);
      for (const [p, t] of await unitOutputs(staleTemplates, declarations, options.outDir, diagnostics))
        await sink.put(p, t);
      lap('templates');
      if (hasErrors(diagnostics)) return await abort();

      const spec = {
        sha256: specHashOf(new Map(methods.map((r) => [r.method!, r.textHash!]))),
        methods: methods.length,
      };
      await sink.put(CJS_PACKAGE_JSON, cjsPackageJson());
      const manifest = emitManifest({ generatorVersion: version, toolchain, spec, hashes: sink.hashes, inputs });
      await sink.put(manifest.path, manifest.source);
      await writer?.commit();
      if (writer) lap('write');
      const files = new Map([...memory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      return {
        files,
        fileCount: sink.hashes.size,
        manifest: manifest.source,
        diagnostics,
        methods: summaries.length,
        units: { reused, generated },
        declared: declarations.computed,
        timings,
      };
    } catch (e) {
      await writer?.abort();
      throw e;
    }
  } finally {
    await release();
  }
}
