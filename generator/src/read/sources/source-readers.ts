/**
 * The reader for each detected format, loaded on first use: the HTML reader pulls in htmlparser2,
 * which a scrape of text pages and records does not need to pay for.
 */
import type { DetectedFormat } from './detect-format.js';
import type { Reader } from '../page-model.js';

export type ReaderTable = Partial<Record<DetectedFormat, Reader>>;

const LOADERS: Record<DetectedFormat, () => Promise<Reader>> = {
  'seed-text': async () => (await import('../rendered-page/read-text-page.js')).readSeedText,
  html: async () => (await import('../rendered-page/read-html-page.js')).readHtmlPage,
  'markdown-dump': async () => (await import('../markdown-dump/read-markdown-dump.js')).readMarkdownDump,
  // One reader for both record shapes: it tells full from reduced by content.
  'doc-record': async () => (await import('../doc-record/read-doc-record.js')).readDocRecord,
  'doc-record-reduced': async () => (await import('../doc-record/read-doc-record.js')).readDocRecord,
  'catalog-json': async () => (await import('../doc-record/read-catalog-json.js')).readCatalogJson,
};

/** The reader for `format`: from `table` when given there, else the project's own. */
export async function loadReader(format: DetectedFormat, table: ReaderTable = {}): Promise<Reader> {
  return table[format] ?? LOADERS[format]();
}
