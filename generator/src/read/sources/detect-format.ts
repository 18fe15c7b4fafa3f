/**
 * Which reader a source file goes to. The extension decides for text formats; a `.json` file
 * is looked at, because one folder can hold both kinds: `doc-records-reduced/` has 48 method
 * records and `catelog.json`, the Go SDK generator's category descriptor (corpus README).
 * An explicit `format` (sources.yaml or a caller) wins over the extension, except that a
 * catalog JSON file is still recognised by content inside a record folder, for that reason.
 */
import { extname } from 'node:path';
import type { SourceFormat } from '../page-model.js';

/** A page format, or the doc site's catalog JSON (which yields a catalog snapshot, no pages). */
export type DetectedFormat = SourceFormat | 'catalog-json';

export const SOURCE_FORMATS: readonly SourceFormat[] = [
  'seed-text',
  'markdown-dump',
  'doc-record',
  'doc-record-reduced',
  'html',
];

const EXTENSIONS: Record<string, DetectedFormat | 'json'> = {
  '.txt': 'seed-text',
  '.md': 'markdown-dump',
  '.markdown': 'markdown-dump',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

/** Keys only a full getDocument.json record carries; reduced records keep six keys at most. */
const FULL_RECORD_KEYS = [
  'rspSampleJson',
  'rspSampleXml',
  'apiErrDemoJson',
  'sdkDemos',
  'labels',
  'gmtModified',
  'errorCodes',
  'publicParams',
];

export function isSourceFormat(value: unknown): value is SourceFormat {
  return typeof value === 'string' && (SOURCE_FORMATS as readonly string[]).includes(value);
}

/** True when a folder listing should take this file for the given format (or any format). */
export function fitsFormat(file: string, format: SourceFormat | undefined): boolean {
  const byExt = EXTENSIONS[extname(file).toLowerCase()];
  if (!byExt) return false;
  if (!format) return true;
  if (format === 'doc-record' || format === 'doc-record-reduced') return byExt === 'json';
  return byExt === format;
}

/**
 * The format of one file: explicit format, else extension, else content (JSON only).
 * Undefined when nothing tells (an unknown extension without an explicit format).
 */
export function detectFormat(file: string, text: string, explicit?: SourceFormat): DetectedFormat | undefined {
  const byExt = EXTENSIONS[extname(file).toLowerCase()];
  if (explicit && explicit !== 'doc-record' && explicit !== 'doc-record-reduced') return explicit;
  if (explicit || byExt === 'json') return detectJsonKind(text) ?? explicit ?? 'doc-record';
  return byExt;
}

/**
 * Tell catalog JSON from full and reduced records by their keys. Malformed JSON gives
 * undefined: the record reader then reports the syntax error with its position.
 */
export function detectJsonKind(text: string): DetectedFormat | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const data = record.data && typeof record.data === 'object' ? (record.data as Record<string, unknown>) : undefined;
  // The catalog handler's `data` object (or its whole envelope), and the Go SDK generator's
  // `catelog.json` (`{ name, pkg, id }`: a category, no method).
  if ('treeCategories' in record || (data && 'treeCategories' in data)) return 'catalog-json';
  if ('pkg' in record && !('requestParams' in record) && !('responseParams' in record)) return 'catalog-json';
  const body = data && ('requestParams' in data || 'apiChineseName' in data) ? data : record;
  return FULL_RECORD_KEYS.some((key) => key in body) ? 'doc-record' : 'doc-record-reduced';
}
