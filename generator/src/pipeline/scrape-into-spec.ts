/**
 * The scrape stage end to end: page sources → page model (read/) → method specs
 * (normalise/build-specs.ts) → overrides → validated YAML text → the catalog → an atomic write of
 * the spec folder. With `write: false` everything is computed in memory (`check`, `diff`).
 * Specs of methods the sources do not mention stay on disk untouched, and the catalog keeps
 * what snapshots not read this time contributed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, posix, resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../report/diagnostic.js';
import { readSources } from '../read/sources/read-sources.js';
import type { Page } from '../read/page-model.js';
import type { ReaderTable } from '../read/sources/source-readers.js';
import { readSourcesFile, type SourceEntry } from '../read/sources/sources-file.js';
import { applyOverrides } from '../normalise/apply-overrides.js';
import { buildCatalog } from '../normalise/build-catalog.js';
import { buildSpecs } from '../normalise/build-specs.js';
import type { CatalogSpec, MethodSpec } from '../spec/model.js';
import { readOverrides } from '../normalise/override-file.js';
import { settleMismatches } from '../normalise/settle-mismatches.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import {
  canonicalMethodSpec,
  methodFileName,
  rememberSerialised,
  serializeCatalog,
  serializeMethodSpec,
} from '../spec/spec-files.js';
import { validateCatalogValue, validateMethodValue } from '../spec/validate-spec.js';
import { writeSpecFolder } from '../spec/write-spec.js';
import { guardLosses, type Candidate } from './loss-guard.js';
import { PipelineCode } from './pipeline-codes.js';

export interface ScrapeOptions {
  /** Files, folders or globs; default: the entries of `spec/sources.yaml` under `cwd`. */
  sources?: string[];
  /** The spec folder to refresh (its `overrides/` are applied). */
  specDir: string;
  /** Base of relative paths; default: the process's working directory. */
  cwd?: string;
  /** Default true. False: compute `files` without touching the disk. */
  write?: boolean;
  /** Readers to use instead of the project's own (tests). */
  readers?: ReaderTable;
  /** Write even when a committed fact would be lost (TBK243 becomes a warning). */
  acceptLoss?: boolean;
}

export interface ScrapeResult {
  specs: MethodSpec[];
  catalog: CatalogSpec;
  diagnostics: Diagnostic[];
  /** Pages read (one per method per source). */
  pages: number;
  /** Source files, or required sources, that could not be read. */
  unreadable: number;
  /** Path (spec folder as given + `/methods/<method>.yaml`, `/catalog.yaml`) → file text. */
  files: Map<string, string>;
  /** Paths of `files` whose bytes changed on disk (empty when not writing). */
  written: string[];
  unchanged: string[];
  /** True when the sources file itself could not be used (a usage error, not a page error). */
  configError: boolean;
  /** Committed facts the new specs would drop (TBK243); nothing is written unless accepted. */
  losses: number;
}

export const DEFAULT_SOURCES_FILE = 'spec/sources.yaml';

export async function scrapeIntoSpec(options: ScrapeOptions): Promise<ScrapeResult> {
  const cwd = options.cwd ?? process.cwd();
  const shownDir = posix.normalize(options.specDir.replace(/\\/g, '/')).replace(/\/$/, '');
  const specDir = resolve(cwd, options.specDir);
  const diagnostics: Diagnostic[] = [];

  let entries: SourceEntry[];
  let configError = false;
  if (options.sources?.length) entries = options.sources.map((path) => ({ path }));
  else {
    const config = await readSourcesFile(DEFAULT_SOURCES_FILE, resolve(cwd, DEFAULT_SOURCES_FILE));
    diagnostics.push(...config.diagnostics);
    configError = config.diagnostics.some((d) => d.level === 'error');
    entries = config.entries;
  }
  const read = await readSources(entries, { cwd, readers: options.readers });
  diagnostics.push(...read.diagnostics);

  const built = buildSpecs(read.pages);
  const onDisk = await existingMethods(specDir);
  const overrides = await readOverrides(
    resolve(specDir, 'overrides'),
    `${shownDir}/overrides`,
    `${basename(specDir)}/overrides`,
  );
  diagnostics.push(...overrides.diagnostics);
  const applied = applyOverrides(built.specs, overrides.overrides, onDisk);
  diagnostics.push(...settleMismatches(built.diagnostics, read.pages, applied.specs), ...applied.diagnostics);

  const files = new Map<string, string>();
  const relative = new Map<string, string>();
  const specs: MethodSpec[] = [];
  const candidates: Candidate[] = [];
  // A page salvaged despite read errors (a dropped row, a param without a type) does not
  // replace a spec on disk: the old file stays until the page reads cleanly.
  const damaged = damagedPages(read.diagnostics, read.pages);
  for (const spec of applied.specs) {
    const rel = `methods/${methodFileName(spec.method)}`;
    const bad = damaged.get(spec.method);
    if (bad && onDisk.has(spec.method)) {
      diagnostics.push({
        file: `${shownDir}/${rel}`,
        line: 0,
        level: 'warning',
        code: PipelineCode.keptAfterReadErrors,
        message: `not rewritten: its page ${bad} had read errors; the spec on disk is kept`,
      });
      continue;
    }
    const text = serializeMethodSpec(spec);
    const plain: unknown = JSON.parse(JSON.stringify(canonicalMethodSpec(spec)));
    const problems = validateMethodValue(`${shownDir}/${rel}`, plain, text);
    diagnostics.push(...problems);
    if (problems.some((d) => d.level === 'error')) {
      diagnostics.push({
        file: `${shownDir}/${rel}`,
        line: 0,
        level: 'error',
        code: PipelineCode.invalidSpec,
        message: `the spec of ${spec.method} fails validation; not written (the file on disk is kept)`,
      });
      continue;
    }
    rememberSerialised(text, plain);
    candidates.push({ method: spec.method, rel, text, value: plain as MethodSpec });
    specs.push(spec);
    files.set(`${shownDir}/${rel}`, text);
    relative.set(rel, text);
  }

  const known = new Set([...onDisk, ...specs.map((s) => s.method)]);
  const fresh = new Set(read.catalogs.map((c) => c.id));
  const catalog = buildCatalog(read.catalogs, known, { previous: await previousCatalog(specDir, fresh), diagnostics });
  const catalogText = serializeCatalog(catalog);
  const catalogValue: unknown = JSON.parse(JSON.stringify(catalog));
  diagnostics.push(...validateCatalogValue(`${shownDir}/catalog.yaml`, catalogValue, catalogText, known));
  rememberSerialised(catalogText, catalogValue);
  files.set(`${shownDir}/catalog.yaml`, catalogText);
  relative.set('catalog.yaml', catalogText);

  const result: ScrapeResult = {
    specs,
    catalog,
    diagnostics,
    pages: read.pages.length,
    unreadable: read.unreadable,
    files,
    written: [],
    unchanged: [],
    configError,
    losses: 0,
  };
  if (options.write !== false && !configError) {
    const readNow = new Set(read.files);
    const acceptLoss = options.acceptLoss === true;
    const lost = await guardLosses({ specDir, shownDir, candidates, onDisk, readNow, acceptLoss });
    diagnostics.push(...lost);
    result.losses = lost.length;
  }
  if (options.write !== false && !configError && (result.losses === 0 || options.acceptLoss)) {
    const wrote = await writeSpecFolder(specDir, relative, { shownDir });
    diagnostics.push(...wrote.diagnostics);
    result.written = wrote.written.map((rel) => `${shownDir}/${rel}`);
    result.unchanged = wrote.unchanged.map((rel) => `${shownDir}/${rel}`);
  }
  result.diagnostics = sortDiagnostics(diagnostics);
  return result;
}

/**
 * Method → file of its page that a reader reported an error in. An error belongs to the page
 * of its file that starts last at or before its line (the dump holds 82 pages: one broken row
 * must not hold back the other 81); an error about the whole file (line 0) to all its pages.
 */
function damagedPages(diagnostics: readonly Diagnostic[], pages: readonly Page[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of diagnostics) {
    if (d.level !== 'error') continue;
    const inFile = pages.filter((p) => p.file === d.file && p.method);
    const owners =
      d.line === 0
        ? inFile
        : inFile
            .filter((p) => p.line <= d.line)
            .sort((a, b) => b.line - a.line)
            .slice(0, 1);
    for (const page of owners) if (!out.has(page.method!.value)) out.set(page.method!.value, page.file);
  }
  return out;
}

/** Methods with a spec file already (named by file; the files are not parsed). */
async function existingMethods(specDir: string): Promise<Set<string>> {
  const names = await readdir(resolve(specDir, 'methods')).catch(() => [] as string[]);
  return new Set(
    names.filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).map((n) => n.slice(0, -'.yaml'.length)),
  );
}

async function previousCatalog(specDir: string, fresh: ReadonlySet<string>): Promise<CatalogSpec | undefined> {
  const text = await readFile(resolve(specDir, 'catalog.yaml'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // Parsing a 200-title catalog costs more than the rest of a seed scrape; when every snapshot
  // it lists is read again (the usual full scrape) there is nothing to carry, so skip it.
  const end = text.indexOf('\ntitles:');
  const head = end < 0 ? text : text.slice(0, end);
  const ids = [...head.matchAll(/^ {2}- id: (.+)$/gm)].map((m) => m[1]!);
  if (ids.length && ids.every((id) => fresh.has(id))) return undefined;
  const parsed = parseYamlWithPositions('catalog.yaml', text);
  const value = parsed.value as CatalogSpec | undefined;
  // An unusable old catalog is simply rebuilt from the sources read now.
  return value && Array.isArray(value.snapshots) && Array.isArray(value.titles) ? value : undefined;
}
