/**
 * Pages read by the real readers from every source under spec/pages (rendered pages, the
 * markdown dump, full and reduced doc records), with file names relative to the repository root
 * as a user running `tbk-gen scrape` there would give them. Read once per test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocRecord } from '../../generator/src/read/doc-record/read-doc-record.js';
import { readMarkdownDump } from '../../generator/src/read/markdown-dump/read-markdown-dump.js';
import type { Page, Reader } from '../../generator/src/read/page-model.js';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.resolve(REPO_ROOT, 'spec/pages');

function readWith(reader: Reader, absolute: string): Page[] {
  return reader(path.relative(REPO_ROOT, absolute), readFileSync(absolute, 'utf8')).pages;
}

function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .map((name) => path.join(folder, name));
}

let cache: { seeds: Page[]; dump: Page[]; records: Page[]; reduced: Page[] } | undefined;

export function corpusPages(): { seeds: Page[]; dump: Page[]; records: Page[]; reduced: Page[] } {
  cache ??= {
    seeds: filesIn(path.join(REPO_ROOT, 'spec/pages/rendered-pages')).flatMap((f) => readWith(readSeedText, f)),
    dump: readWith(readMarkdownDump, path.join(CORPUS, 'markdown-dump/tbk-doc-dump.md')),
    records: filesIn(path.join(CORPUS, 'doc-records')).flatMap((f) => readWith(readDocRecord, f)),
    reduced: filesIn(path.join(CORPUS, 'doc-records-reduced')).flatMap((f) => readWith(readDocRecord, f)),
  };
  return cache;
}

export function allPages(): Page[] {
  const { seeds, dump, records, reduced } = corpusPages();
  return [...seeds, ...dump, ...records, ...reduced];
}

export function pagesOf(method: string, pages: readonly Page[] = allPages()): Page[] {
  return pages.filter((page) => page.method?.value === method);
}
