/**
 * What a `scrape` run depends on, as one digest (see run-cache.ts): the generator, the sources
 * file and every source file it names, and every file of the spec folder as the run left it
 * (method specs, catalog, overrides, the embedded pages). A scrape of its own output writes
 * nothing (the spec is a fixed point), so when none of these changed since a successful run,
 * running again would print the same diagnostics and write nothing.
 */
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { listSourceFiles } from '../read/sources/read-sources.js';
import { readSourcesFile, type SourceEntry } from '../read/sources/sources-file.js';
import { sha256 } from '../files/sha256.js';
import { listFiles } from '../files/list-files.js';
import { generatorDigest, hashFiles } from './run-cache.js';
import { DEFAULT_SOURCES_FILE, type ScrapeOptions } from './scrape-into-spec.js';

/** What a skipped run prints: the recorded diagnostics and counts. */
export interface ScrapeReplay {
  diagnostics: Diagnostic[];
  pages: number;
  methods: number;
  files: number;
}

export function scrapeRecordId(options: ScrapeOptions): string {
  const cwd = options.cwd ?? process.cwd();
  return JSON.stringify([resolve(cwd), resolve(cwd, options.specDir), options.sources ?? null]);
}

/** The digest of everything a scrape with these options reads; undefined when the sources file is unusable. */
export async function scrapeDigest(options: ScrapeOptions): Promise<string | undefined> {
  const cwd = options.cwd ?? process.cwd();
  let entries: SourceEntry[];
  if (options.sources?.length) entries = options.sources.map((path) => ({ path }));
  else {
    const config = await readSourcesFile(DEFAULT_SOURCES_FILE, resolve(cwd, DEFAULT_SOURCES_FILE));
    if (config.diagnostics.some((d) => d.level === 'error')) return undefined;
    entries = config.entries;
  }
  const specDir = resolve(cwd, options.specDir);
  const specFiles = (await listFiles(specDir)).map((f) => join(specDir, f));
  const configFile = options.sources?.length ? [] : [resolve(cwd, DEFAULT_SOURCES_FILE)];
  const sources = await listSourceFiles(entries, cwd);
  const listed = [...configFile, ...sources, ...specFiles];
  return sha256(`${await generatorDigest()}\n${scrapeRecordId(options)}\n${await hashFiles(listed)}`);
}
