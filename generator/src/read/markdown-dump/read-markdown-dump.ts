/**
 * Reader for the markdown dump (corpus README "Markdown dump"): one file, 82 methods. The
 * overview (`##API接口总览`) becomes a `dump-overview` catalog snapshot and gives each page its
 * docId; every `##<method>（<title>）` section becomes one page; `##公共参数` (the gateway's
 * common params) is not a method and is skipped. The dump prints no authorisation evidence,
 * no XML samples and no descriptions: those stay undefined.
 */
import { sha256 } from '../../files/sha256.js';
import type { CatalogEntry, Page, ReadResult, Reader } from '../page-model.js';
import { reportAt, splitBlocks, type DumpBlock, type DumpContext } from './blocks.js';
import { readDumpOverview } from './overview.js';
import { parseMethodHeading, readMethodSection } from './section.js';
import { splitLines } from '../split-lines.js';
import { DumpCode } from './dump-codes.js';

/** Level-2 headings of the dump that are not methods. */
const KNOWN_OTHER_HEADINGS = new Set(['API接口总览', '公共参数']);

export const readMarkdownDump: Reader = (file, text) => {
  const ctx: DumpContext = { file, lines: splitLines(text.replace(/^\uFEFF/, '')), diagnostics: [] };
  const result: ReadResult = { pages: [], catalogs: [], diagnostics: ctx.diagnostics };
  if (text.trim() === '') {
    reportAt(ctx, 'error', DumpCode.noMethodSection, 1, 'empty file: no markdown dump to read');
    return result;
  }
  const textHash = sha256(text);
  const outline = splitBlocks(ctx.lines, 0, ctx.lines.length, 2);
  const overview = readDumpOverview(ctx, outline.preamble.start, outline.preamble.end);
  const firstLine = new Map<string, number>();
  let sections = 0;
  for (const block of outline.blocks) {
    const heading = parseMethodHeading(ctx, block);
    if (!heading) {
      readOtherBlock(ctx, block, overview);
      continue;
    }
    sections++;
    const earlier = firstLine.get(heading.method);
    if (earlier !== undefined) {
      reportAt(
        ctx,
        'warning',
        DumpCode.sectionRepeated,
        block.line,
        `${heading.method} already has a section at line ${earlier}: this one is skipped`,
      );
      continue;
    }
    firstLine.set(heading.method, block.line);
    const page = readMethodSection(ctx, block, heading, textHash);
    if (page) result.pages.push(page);
  }
  if (sections === 0) {
    reportAt(
      ctx,
      'error',
      DumpCode.noMethodSection,
      1,
      'no method section (##<method>（<title>）) in the file: nothing read',
    );
  }
  crossCheck(ctx, result.pages, overview, firstLine);
  // An empty overview would claim that the catalog lists no API; no snapshot instead.
  if (overview.length > 0) result.catalogs.push({ id: file, file, kind: 'dump-overview', entries: overview });
  return result;
};

function readOtherBlock(ctx: DumpContext, block: DumpBlock, overview: CatalogEntry[]): void {
  const entries = readDumpOverview(ctx, block.start, block.end);
  overview.push(...entries);
  if (entries.length === 0 && !KNOWN_OTHER_HEADINGS.has(block.title)) {
    reportAt(
      ctx,
      'notice',
      DumpCode.headingSkipped,
      block.line,
      `##${block.title} is neither a method section (##<method>（<title>）) nor the overview: skipped`,
    );
  }
}

/** The overview gives the docId; a section it does not list, or an entry without a section, is reported. */
function crossCheck(ctx: DumpContext, pages: Page[], overview: CatalogEntry[], sectionLine: Map<string, number>): void {
  const byMethod = new Map<string, CatalogEntry>();
  for (const entry of overview) if (entry.method && !byMethod.has(entry.method)) byMethod.set(entry.method, entry);
  for (const page of pages) {
    const entry = byMethod.get(page.method!.value);
    if (entry?.docId !== undefined) page.docId = entry.docId;
    else if (overview.length > 0)
      reportAt(
        ctx,
        'warning',
        DumpCode.notInOverview,
        page.line,
        `${page.method!.value} is not in the overview: docId unknown`,
      );
  }
  for (const entry of overview) {
    if (entry.method && !sectionLine.has(entry.method)) {
      reportAt(
        ctx,
        'warning',
        DumpCode.overviewWithoutSection,
        entry.line,
        `overview lists ${entry.method} but the file has no section for it`,
      );
    }
  }
}
