/**
 * A scanned doc page (`read/rendered-page/scan-text.ts` for text, `read/rendered-page/read-html-page.ts` for saved HTML) → the page model:
 * catalog snapshot from the nav, params from the tables, samples, method name and auth from the
 * SDK samples, plus a report of everything missing or odd. Shared by both readers so that the
 * same page gives the same model whatever its format.
 */
import { sha256 } from '../../files/sha256.js';
import type { Page, PageError, PageParam, ReadResult, SourceFormat } from '../page-model.js';
import type { SampleKind } from '../../vocabulary/sample-kinds.js';
import { SeedCode, collectDiagnostics, quote, type Report } from './reader-codes.js';
import { checkSampleRoots, resolveAuth, resolveMethod } from './evidence.js';
import { readNav } from './nav.js';
import { readErrorRow, readRequestRow, readResponseRow } from './rows.js';
import { classifySample } from './samples.js';
import type { DocScan, ScanTable } from './scan-text.js';
import { TABLE_LABELS, type TableKind } from './tables.js';

export interface PageSource {
  file: string;
  text: string;
  format: SourceFormat;
}

const SAMPLE_NAMES: Record<SampleKind, string> = {
  json: 'JSON response sample',
  xml: 'XML response sample',
  simplify_json: 'simplified JSON sample',
  error_json: 'JSON error sample',
  error_xml: 'XML error sample',
};

export function assemblePage(scan: DocScan, source: PageSource): ReadResult {
  const { diagnostics, report } = collectDiagnostics(source.file);
  const known = scan.tables.filter((t) => t.kind !== undefined);
  const nav = readNav(scan.nav, report);
  if (nav.entries.length === 0 && known.length === 0 && scan.blocks.length === 0) {
    // Nothing of a doc page: report once instead of once per line of noise.
    return {
      pages: [],
      catalogs: [],
      diagnostics: [
        {
          file: source.file,
          line: 0,
          level: 'error',
          code: SeedCode.noStructure,
          message: 'no catalog titles, known tables or samples found: not a doc page',
        },
      ],
    };
  }

  const tables = readTables(scan.tables, report);
  const samples = readSampleBlocks(scan, report);
  for (const stray of scan.stray) {
    report(
      stray.line,
      'warning',
      SeedCode.strayLine,
      `${quote(stray.text)} is outside any known table or sample; skipped`,
    );
  }
  reportMissing(scan, tables.seen, samples, report);

  const result: ReadResult = { pages: [], catalogs: [], diagnostics };
  if (nav.entries.length > 0) {
    result.catalogs.push({ id: source.file, file: source.file, kind: 'seed-nav', entries: nav.entries });
  }
  const method = resolveMethod(scan.blocks, report, scan.lastLine);
  if (!method) return result;
  checkSampleRoots(method.value, samples, report);
  const page: Page = {
    file: source.file,
    format: source.format,
    sha256: sha256(source.text),
    line: 1,
    method,
    request: tables.request,
    response: tables.response,
    samples,
    errors: tables.errors,
  };
  if (nav.description) page.description = nav.description;
  const auth = resolveAuth(scan.blocks, report, scan.lastLine);
  if (auth) page.auth = auth;
  result.pages.push(page);
  return result;
}

interface TableReading {
  request: PageParam[];
  response: PageParam[];
  errors: PageError[];
  seen: Set<TableKind>;
}

function readTables(tables: readonly ScanTable[], report: Report): TableReading {
  const reading: TableReading = { request: [], response: [], errors: [], seen: new Set() };
  for (const table of tables) {
    if (table.kind === undefined) {
      report(
        table.line,
        'warning',
        SeedCode.unknownTable,
        `table with header ${quote(table.header.join(' | '))} not recognised; its ${table.rows.length} row(s) skipped`,
      );
      continue;
    }
    if (reading.seen.has(table.kind)) {
      report(table.line, 'warning', SeedCode.tableRepeated, `second ${TABLE_LABELS[table.kind]} ignored`);
      continue;
    }
    reading.seen.add(table.kind);
    // The gateway and common-parameter tables are the same on every page: nothing to keep.
    if (table.kind === 'gateway' || table.kind === 'common') continue;
    table.rows.forEach((row, i) => {
      const isLast = i === table.rows.length - 1;
      if (table.kind === 'errors') {
        const error = readErrorRow(row, isLast, report);
        if (error) reading.errors.push(error);
        return;
      }
      const read = table.kind === 'request' ? readRequestRow : readResponseRow;
      const param = read(row, isLast, report);
      if (param) reading[table.kind === 'request' ? 'request' : 'response'].push(param);
    });
  }
  return reading;
}

function readSampleBlocks(scan: DocScan, report: Report): Page['samples'] {
  const samples: Page['samples'] = {};
  for (const block of scan.blocks) {
    if (!block.syntax) continue;
    const kind = classifySample(block.syntax, block.text);
    if (!block.closed) {
      report(
        block.line,
        'warning',
        SeedCode.sampleUnclosed,
        `${SAMPLE_NAMES[kind]} is not closed (page cut short or unbalanced); kept as printed`,
      );
    }
    if (samples[kind]) {
      report(
        block.line,
        'warning',
        SeedCode.sampleRepeated,
        `second ${SAMPLE_NAMES[kind]} ignored (first at line ${samples[kind].line})`,
      );
      continue;
    }
    samples[kind] = { value: block.text, line: block.line };
  }
  return samples;
}

/** Every seed page has these parts; their absence usually means a truncated page. */
function reportMissing(scan: DocScan, seen: Set<TableKind>, samples: Page['samples'], report: Report): void {
  for (const kind of ['request', 'response'] as const) {
    if (!seen.has(kind))
      report(scan.lastLine, 'warning', SeedCode.sectionMissing, `no ${TABLE_LABELS[kind]} on the page`);
  }
  const missing = (['xml', 'json', 'error_xml', 'error_json'] as const).filter((k) => !samples[k]);
  if (missing.length > 0) {
    report(
      scan.lastLine,
      'warning',
      SeedCode.sectionMissing,
      `page has no ${missing.map((k) => SAMPLE_NAMES[k]).join(', ')}`,
    );
  }
  // The error-code table header closes every seed page, even when it has no rows.
  if (!seen.has('errors')) {
    report(
      scan.lastLine,
      'warning',
      SeedCode.truncated,
      `page ends at line ${scan.lastLine} without the ${TABLE_LABELS.errors}: truncated?`,
    );
  }
}
