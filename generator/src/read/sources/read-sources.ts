/**
 * Page sources → page model. Resolves files, folders and globs (command line or
 * spec/sources.yaml entries), decides each file's format (detect-format.ts), refuses files
 * that are not text (NUL bytes, invalid UTF-8) or cannot be read, and hands the text to the
 * format's reader. Problems are collected, never thrown: one bad page does not stop the others.
 */
import { sha256 } from '../../files/sha256.js';
import { readFile, stat } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { listFiles } from '../../files/list-files.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { decodeText } from './decode-text.js';
import { detectFormat, fitsFormat, type DetectedFormat } from './detect-format.js';
import type { CatalogSnapshot, Page, SourceFormat } from '../page-model.js';
import { expandGlob, hasGlobMagic } from './source-glob.js';
import { loadReader, type ReaderTable } from './source-readers.js';
import type { SourceEntry } from './sources-file.js';
import { SourcesCode } from './sources-codes.js';

export interface ReadSourcesOptions {
  /** Base of relative paths (the repository root for spec/sources.yaml). */
  cwd: string;
  /** Readers to use instead of the project's own (tests). */
  readers?: ReaderTable;
}

export interface ReadSourcesResult {
  pages: Page[];
  catalogs: CatalogSnapshot[];
  diagnostics: Diagnostic[];
  /** Files handed to a reader or refused. */
  files: string[];
  /** Files (or required sources) that could not be read, or whose reader reported an error. */
  unreadable: number;
}

interface SourceFile {
  /** Path as shown in messages and stored in specs: relative paths stay relative, posix. */
  file: string;
  absolute: string;
  format?: SourceFormat;
}

export async function readSources(
  entries: readonly SourceEntry[],
  options: ReadSourcesOptions,
): Promise<ReadSourcesResult> {
  const result: ReadSourcesResult = { pages: [], catalogs: [], diagnostics: [], files: [], unreadable: 0 };
  const seen = new Set<string>();
  const files: SourceFile[] = [];
  for (const entry of entries) {
    for (const found of await resolveEntry(entry, options.cwd, result)) {
      if (seen.has(found.absolute)) continue;
      seen.add(found.absolute);
      files.push(found);
    }
  }
  const outcomes = await Promise.all(files.map((f) => readSourceFile(f, options.readers)));
  for (const [i, outcome] of outcomes.entries()) {
    result.files.push(files[i]!.file);
    result.pages.push(...outcome.pages);
    result.catalogs.push(...outcome.catalogs);
    result.diagnostics.push(...outcome.diagnostics);
    if (outcome.diagnostics.some((d) => d.level === 'error')) result.unreadable++;
  }
  return result;
}

/** Absolute paths of the files the entries name, in reading order, without reading them. */
export async function listSourceFiles(entries: readonly SourceEntry[], cwd: string): Promise<string[]> {
  const scratch: ReadSourcesResult = { pages: [], catalogs: [], diagnostics: [], files: [], unreadable: 0 };
  const found = await Promise.all(entries.map((entry) => resolveEntry(entry, cwd, scratch)));
  return [...new Set(found.flat().map((f) => f.absolute))];
}

function displayPath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  return normal.endsWith('/') && normal.length > 1 ? normal.slice(0, -1) : normal;
}

/** Files named by one entry. Missing sources are reported here (notice when optional). */
async function resolveEntry(entry: SourceEntry, cwd: string, result: ReadSourcesResult): Promise<SourceFile[]> {
  const shown = displayPath(entry.path);
  const absolute = resolve(cwd, shown);
  const where = entry.origin ?? { file: shown, line: 0 };
  const missing = (message: string) => {
    if (entry.optional) {
      result.diagnostics.push({
        ...where,
        level: 'notice',
        code: SourcesCode.optionalAbsent,
        message: `optional source ${shown} is absent; skipped`,
      });
    } else {
      result.diagnostics.push({ ...where, level: 'error', code: SourcesCode.sourceMissing, message });
      result.unreadable++;
    }
    return [];
  };
  let info;
  try {
    info = await stat(absolute);
  } catch {
    if (!hasGlobMagic(shown)) return missing(`source ${shown} not found`);
    const matches = await expandGlob(shown, cwd);
    const picked = matches.filter((m) => entry.format || fitsFormat(m, undefined));
    if (!picked.length) return missing(`no file matches ${shown}`);
    return picked.map((file) => ({ file, absolute: resolve(cwd, file), format: entry.format }));
  }
  if (!info.isDirectory()) return [{ file: shown, absolute, format: entry.format }];
  const listed = await listFiles(absolute);
  const files: SourceFile[] = [];
  for (const rel of listed) {
    const file = shown === '.' ? rel : `${shown}/${rel}`;
    if (fitsFormat(rel, entry.format)) files.push({ file, absolute: resolve(absolute, rel), format: entry.format });
    else {
      const why = entry.format ? `not a ${entry.format} file` : 'not a doc page extension (.txt .md .html .htm .json)';
      result.diagnostics.push({
        file,
        line: 0,
        level: 'notice',
        code: SourcesCode.fileSkipped,
        message: `skipped: ${why}`,
      });
    }
  }
  if (!files.length) return missing(`source folder ${shown} holds no doc pages`);
  return files;
}

interface Outcome {
  pages: Page[];
  catalogs: CatalogSnapshot[];
  diagnostics: Diagnostic[];
}

async function readSourceFile(source: SourceFile, readers: ReaderTable | undefined): Promise<Outcome> {
  const { file } = source;
  const refuse = (code: string, message: string, line = 0): Outcome => ({
    pages: [],
    catalogs: [],
    diagnostics: [{ file, line, level: 'error', code, message }],
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(source.absolute);
  } catch (e) {
    return refuse(
      SourcesCode.unreadable,
      `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const decoded = decodeText(bytes);
  if ('binary' in decoded) return refuse(SourcesCode.notUtf8, decoded.binary, decoded.line);
  const text = decoded.text;
  if (!text.trim())
    return refuse(
      SourcesCode.emptyFile,
      bytes.length ? 'the file holds only whitespace: no doc page' : 'empty file: no doc page',
      1,
    );
  const format = detectFormat(file, text, source.format);
  if (!format)
    return refuse(SourcesCode.formatUnknown, 'cannot tell the page format: name it with a `format` in sources.yaml');
  return runReader(format, file, text, bytes, readers);
}

async function runReader(
  format: DetectedFormat,
  file: string,
  text: string,
  bytes: Buffer,
  readers: ReaderTable | undefined,
): Promise<Outcome> {
  try {
    const reader = await loadReader(format, readers);
    const read = reader(file, text);
    // Pages carry the hash of the file's bytes, whatever the reader computed from the text
    // (they differ when a byte order mark was dropped before reading).
    const fileHash = sha256(bytes);
    for (const page of read.pages) page.sha256 = fileHash;
    return { pages: read.pages, catalogs: read.catalogs, diagnostics: read.diagnostics };
  } catch (e) {
    return {
      pages: [],
      catalogs: [],
      diagnostics: [
        {
          file,
          line: 0,
          level: 'error',
          code: SourcesCode.readerFailed,
          message: `the ${format} reader failed: ${(e as Error).message}`,
        },
      ],
    };
  }
}
