/**
 * A side given as page sources (doc page files or folders): scraped on the fly, in memory, with
 * the pipeline of `tbk-gen scrape`, into a temporary spec folder that starts empty except for a
 * copy of the project's `overrides/` — so a diff against the committed spec does not report the
 * doc mistakes the overrides already correct — and that is never written to.
 *
 * The side is unusable (exit 2) when a page could not be read or a scraped spec fails
 * validation (TBK240): either would show up as methods "removed". Other scrape errors, such as a
 * response sample that cannot be repaired (markdown dump, TBK111), leave the spec usable.
 */
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scrapeIntoSpec } from '../pipeline/scrape-into-spec.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { makeSide, type LoadedSide, type LoadSideOptions } from './spec-side.js';
import { DiffCode } from './diff-codes.js';
import { PipelineCode } from '../pipeline/pipeline-codes.js';

export async function loadPagesSide(
  input: string,
  path: string,
  folder: boolean,
  options: LoadSideOptions,
): Promise<LoadedSide> {
  const specDir = await mkdtemp(join(tmpdir(), 'tbk-gen-diff-'));
  try {
    const overrides = resolve(options.cwd, options.specDir, 'overrides');
    if ((await stat(overrides).catch(() => undefined))?.isDirectory())
      await cp(overrides, join(specDir, 'overrides'), { recursive: true });
    const scraped = await scrapeIntoSpec({ sources: [path], specDir, cwd: options.cwd, write: false });
    if (folder && scraped.pages === 0 && !scraped.catalog.titles.length) {
      return {
        diagnostics: [
          {
            file: input,
            line: 0,
            level: 'error',
            code: DiffCode.noSpec,
            message: 'no spec here: no methods/ folder, and no doc pages in it',
          },
        ],
      };
    }
    const shown = (d: Diagnostic): Diagnostic =>
      d.file.startsWith(specDir) ? { ...d, file: `(spec scraped from ${input})${d.file.slice(specDir.length)}` } : d;
    const fatal = scraped.unreadable > 0 || scraped.diagnostics.some((d) => d.code === PipelineCode.invalidSpec);
    if (fatal) {
      const errors = scraped.diagnostics.filter((d) => d.level === 'error').map(shown);
      return {
        diagnostics: [
          ...errors,
          {
            file: input,
            line: 0,
            level: 'error',
            code: DiffCode.scrapeFailed,
            message: 'these page sources could not be scraped into a valid spec',
          },
        ],
      };
    }
    if (!scraped.specs.length && !scraped.catalog.titles.length) {
      return {
        diagnostics: [
          {
            file: input,
            line: 0,
            level: 'error',
            code: DiffCode.noMethods,
            message: 'no method and no catalog could be read from these page sources',
          },
        ],
      };
    }
    const methods = new Map(scraped.specs.map((s) => [s.method, s]));
    return { side: makeSide(input, 'pages', methods, scraped.catalog), diagnostics: [] };
  } finally {
    await rm(specDir, { recursive: true, force: true });
  }
}
