/**
 * Spec folder → the `tbk-client` package (design.md "The generated package"):
 * read → ir → emit → format → dist → manifest → write. With `write: false` everything is
 * computed in memory (the `check` command compares the result with the disk). Any error
 * diagnostic stops the run before anything is written. Formatted and compiled files whose
 * input did not change are taken from the previous run (pipeline/previous-build.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { readSpecFolder } from '../spec/spec-files.js';
import { buildDist, DIST_RECIPE, distFilesOf, type DistSource } from '../emit/build-dist.js';
import { DEFAULT_TEMPLATES_DIR, readTemplateFiles } from '../emit/copy-runtime.js';
import { emitCallModule } from '../emit/call-module.js';
import { emitFixtureModule } from '../emit/fixture-module.js';
import { emitFixtureTest } from '../emit/fixture-test.js';
import { FORMAT_RECIPE, formatFiles, parserFor } from '../emit/format.js';
import { emitIndexModule } from '../emit/index-module.js';
import { emitManifest } from '../emit/manifest.js';
import { emitPackageJson } from '../emit/package-json.js';
import { emitReadme } from '../emit/readme.js';
import { emitRequestModule } from '../emit/request-module.js';
import { runtimeExportClaims } from '../emit/runtime-exports.js';
import { emitTestingModule } from '../emit/testing-module.js';
import { emitTsconfig } from '../emit/tsconfig-json.js';
import { buildIr } from '../ir/build-ir.js';
import type { IrPackage } from '../ir/model.js';
import { inputKey, loadPreviousBuild, type PreviousBuild } from './previous-build.js';
import { validateFolder } from './validate-folder.js';
import { writeFolderAtomically } from './write-package.js';

export interface GenerateOptions {
  specDir: string;
  outDir: string;
  write: boolean;
  /** Defaults to the repository's templates/. */
  templatesDir?: string;
  /** Prettier worker threads besides the main thread (default: spare cores, at most 3). */
  workers?: number;
  /** Reuse formatted and compiled files of the previous run in `outDir` (default true). */
  reuse?: boolean;
}

export type Stage = 'read' | 'ir' | 'emit' | 'format' | 'dist' | 'write';

export interface GenerateResult {
  /** Every file of the package, by path relative to `outDir`. */
  files: Map<string, string | Uint8Array>;
  diagnostics: Diagnostic[];
  /** Methods generated (0 when the run stopped on errors). */
  methods: number;
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
}

const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.level === 'error');

async function generatorVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface Emitted {
  /** Text files by package path. */
  files: Map<string, string>;
  /** Declarations printed by emitters, by source path. */
  declarations: Map<string, string>;
  /** What each `src/` file was generated from (header of its dist files). */
  from: Map<string, string>;
}

async function emitAll(ir: IrPackage, templatesDir: string, templates: Awaited<ReturnType<typeof readTemplateFiles>>, version: string): Promise<Emitted> {
  const out: Emitted = { files: new Map(), declarations: new Map(), from: new Map() };
  const add = (file: { path: string; source: string; declaration?: string }, from: string): void => {
    out.files.set(file.path, file.source);
    out.from.set(file.path, from);
    if (file.declaration !== undefined) out.declarations.set(file.path, file.declaration);
  };
  for (const m of ir.methods) {
    add(emitRequestModule(m), m.specPath);
    add(emitFixtureModule(m), m.specPath);
    add(emitFixtureTest(m), m.specPath);
  }
  add(emitIndexModule(ir), 'spec/methods/*.yaml and templates/runtime/index.ts');
  add(emitCallModule(ir), 'spec/methods/*.yaml');
  add(emitTestingModule(ir), 'spec/methods/*.yaml and templates/testing/index.ts');
  for (const t of templates) add(t, `templates/${t.template}`);
  add(await emitReadme(ir, templatesDir), 'templates/readme.md.hbs');
  add(emitPackageJson(version), 'generator/src/emit/package-json.ts');
  add(emitTsconfig(), 'generator/src/emit/tsconfig-json.ts');
  return out;
}

export async function generatePackage(options: GenerateOptions): Promise<GenerateResult> {
  const timings: GenerateResult['timings'] = {};
  let mark = performance.now();
  const lap = (stage: Stage): void => {
    const now = performance.now();
    timings[stage] = Math.round(now - mark);
    mark = now;
  };
  const stop = (diagnostics: Diagnostic[]): GenerateResult => ({ files: new Map(), diagnostics, methods: 0, timings });
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const toolchain = toolchainOf();

  const [folder, templates, version, previous] = await Promise.all([
    readSpecFolder(options.specDir),
    readTemplateFiles(templatesDir),
    generatorVersion(),
    options.reuse === false ? undefined : loadPreviousBuild(options.outDir, toolchain),
  ]);
  const diagnostics: Diagnostic[] = [...folder.diagnostics, ...validateFolder(folder)];
  lap('read');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const built = buildIr(folder, { reservedRootNames: runtimeExportClaims(templates) });
  diagnostics.push(...built.diagnostics);
  lap('ir');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const emitted = await emitAll(built.ir, templatesDir, templates, version);
  lap('emit');

  const inputs = new Map<string, string>();
  const formatted = await formatWithReuse(emitted.files, inputs, previous, options.workers);
  diagnostics.push(...formatted.diagnostics);
  lap('format');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const dist = await buildDistWithReuse(formatted.files, emitted, inputs, previous, resolve(options.outDir));
  diagnostics.push(...dist.diagnostics);
  lap('dist');
  if (hasErrors(diagnostics)) return stop(diagnostics);

  const files = new Map<string, string | Uint8Array>([...formatted.files, ...dist.files]);
  const manifest = emitManifest({ generatorVersion: version, toolchain, specTexts: folder.texts, files, inputs });
  files.set(manifest.path, manifest.source);
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  if (options.write) {
    await writeFolderAtomically(options.outDir, sorted);
    lap('write');
  }
  return { files: sorted, diagnostics, methods: built.ir.methods.length, timings };
}

/** Tool versions and options every derived file depends on. */
function toolchainOf(): string {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  return `prettier ${versionOf('prettier')}, esbuild ${versionOf('esbuild')}; ${FORMAT_RECIPE}; ${DIST_RECIPE}`;
}

/** Prettier on every emitted file whose unformatted text changed since the previous run. */
async function formatWithReuse(
  files: ReadonlyMap<string, string>,
  inputs: Map<string, string>,
  previous: PreviousBuild | undefined,
  workers: number | undefined,
): Promise<{ files: Map<string, string>; diagnostics: Diagnostic[] }> {
  const out = new Map(files);
  const misses = new Map<string, string>();
  await Promise.all(
    [...files].map(async ([path, text]) => {
      if (!parserFor(path)) return;
      const key = inputKey(FORMAT_RECIPE, text);
      inputs.set(path, key);
      const old = await previous?.reuse(path, key);
      if (old !== undefined) out.set(path, old);
      else misses.set(path, text);
    }),
  );
  if (!misses.size) return { files: out, diagnostics: [] };
  const formatted = await formatFiles(misses, workers === undefined ? {} : { workers });
  for (const [path, text] of formatted.files) out.set(path, text);
  return { files: out, diagnostics: formatted.diagnostics };
}

/** dist/ for every source whose formatted text (or printed declaration) changed. */
async function buildDistWithReuse(
  formatted: ReadonlyMap<string, string>,
  emitted: Emitted,
  inputs: Map<string, string>,
  previous: PreviousBuild | undefined,
  root: string,
): Promise<{ files: Map<string, string>; diagnostics: Diagnostic[] }> {
  const sources: DistSource[] = [...formatted]
    .filter(([path]) => path.startsWith('src/') && path.endsWith('.ts'))
    .map(([path, source]) => ({ path, source, from: emitted.from.get(path)!, ...(emitted.declarations.has(path) ? { declaration: emitted.declarations.get(path)! } : {}) }));
  const files = new Map<string, string>();
  const rebuild = new Set<string>();
  await Promise.all(
    sources.map(async (s) => {
      const key = inputKey(DIST_RECIPE, s.from, s.source, s.declaration ?? '');
      const outputs = distFilesOf(s.path);
      const old = await Promise.all(outputs.map((p) => previous?.reuse(p, key)));
      outputs.forEach((p, i) => {
        inputs.set(p, key);
        if (old[i] !== undefined) files.set(p, old[i]!);
      });
      if (old.some((t) => t === undefined)) rebuild.add(s.path);
    }),
  );
  const dist = buildDist(sources, root, (path) => rebuild.has(path));
  for (const [path, text] of dist.files) files.set(path, text);
  return { files, diagnostics: dist.diagnostics };
}
