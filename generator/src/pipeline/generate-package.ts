/**
 * Spec folder → the `tbk-client` package (design.md "The generated package"):
 * read → ir → units (reuse, or emit in final form + dist) → manifest → write. With
 * `write: false` everything is computed in memory (the `check` command compares the result with
 * the disk). Any error diagnostic stops the run before the package folder is touched.
 *
 * The package is planned as units (package-units.ts); a unit whose input and toolchain did not
 * change since the previous run takes its files from disk (previous-build.ts) instead of being
 * emitted and compiled again. Units are streamed: each unit's files go to the package writer
 * (write-package.ts) as soon as they are finished and only their hashes stay, so memory does not
 * grow with the size of the package's text.
 */
import { readFile } from 'node:fs/promises';
import { runPool } from '../concurrency/run-pool.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { readSpecFolder } from '../spec/spec-files.js';
import { DEFAULT_TEMPLATES_DIR, readTemplateFiles, stampClientVersion } from '../emit/copy-runtime.js';
import { CJS_PACKAGE_JSON, cjsPackageJson, distFilesOf } from '../emit/dist-files.js';
import { emitManifest, sha256, specHash } from '../emit/manifest.js';
import { runtimeExportClaims } from '../emit/runtime-exports.js';
import { buildIr } from '../ir/build-ir.js';
import { readPackageInputs } from './package-inputs.js';
import { planUnits, type PackageUnit } from './package-units.js';
import { loadPreviousBuild, type PreviousBuild } from './previous-build.js';
import { TemplateDeclarations } from './template-declarations.js';
import { toolchainFingerprint } from './toolchain.js';
import { isSource, unitOutputs } from './unit-outputs.js';
import { validateFolder } from './validate-folder.js';
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

export type Stage = 'read' | 'ir' | 'units' | 'templates' | 'write';

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
  const declarations =
    options.declarations ??
    new TemplateDeclarations({
      useCache: options.cache ?? true,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    });
  try {
    const [folder, templateCopies, packageInputs, version, previous] = await Promise.all([
      readSpecFolder(options.specDir),
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
    const diagnostics: Diagnostic[] = [...folder.diagnostics, ...validateFolder(folder), ...packageInputs.diagnostics];
    lap('read');
    if (hasErrors(diagnostics)) return stop(diagnostics);

    const built = buildIr(folder, { reservedRootNames: runtimeExportClaims(templates) });
    diagnostics.push(...built.diagnostics);
    const spec = { sha256: specHash(folder.texts), methods: folder.texts.size };
    // The IR holds all that the units need: the parsed specs and their texts can go.
    folder.methods.clear();
    folder.texts.clear();
    lap('ir');
    if (hasErrors(diagnostics)) return stop(diagnostics);

    const units = planUnits(built.ir, templates, packageInputs);
    const memory = new Map<string, string>();
    const writer = options.write ? await openPackageWriter(options.outDir) : undefined;
    try {
      const sink = sinkFor(writer, memory, previous);
      const inputs = new Map<string, string>();
      for (const unit of units) for (const p of outputsOf(unit)) inputs.set(p, unit.key);
      let reused = 0;
      const staleTemplates: PackageUnit[] = [];
      // Templates first: their declarations (from the cache, or a worker) settle while the
      // main thread emits the methods; their outputs are written last, in one batch.
      const ordered = [...units].sort((a, b) => Number(!a.verbatim) - Number(!b.verbatim));
      await runPool(ordered, UNITS_IN_FLIGHT, async (unit) => {
        const previousFiles = await reuseUnit(unit, previous);
        if (previousFiles) {
          reused++;
          for (const [p, t] of previousFiles) await sink.put(p, t, true);
          return;
        }
        if (unit.verbatim) {
          staleTemplates.push(unit);
          for (const file of await unit.emit())
            if (isSource(file.path)) void declarations.declare(file.path, file.source);
          return;
        }
        for (const [p, t] of await unitOutputs([unit], declarations, options.outDir, diagnostics)) await sink.put(p, t);
      });
      lap('units');
      staleTemplates.sort((a, b) => units.indexOf(a) - units.indexOf(b));
      for (const [p, t] of await unitOutputs(staleTemplates, declarations, options.outDir, diagnostics))
        await sink.put(p, t);
      lap('templates');
      if (hasErrors(diagnostics)) {
        await writer?.abort();
        return stop(diagnostics);
      }

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
        methods: built.ir.methods.length,
        units: { reused, generated: units.length - reused },
        declared: declarations.computed,
        timings,
      };
    } catch (e) {
      await writer?.abort();
      throw e;
    }
  } finally {
    if (!options.declarations) await declarations.close();
  }
}
