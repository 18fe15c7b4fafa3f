/**
 * The page model: what one reader saw on one doc page, in the page's own vocabulary.
 * Every reader (seed text, markdown dump, doc-site JSON records, saved HTML) produces this
 * shape and nothing else; the normaliser (`spec/`) is the only consumer. Readers do not
 * guess beyond the page: types stay as printed, missing facts stay undefined.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { StatedAuth } from '../vocabulary/auth.js';
import type { SampleKind } from '../vocabulary/sample-kinds.js';

export type SourceFormat =
  | 'seed-text' // spec/pages/*.txt: doc page rendered to text
  | 'markdown-dump' // corpus markdown compilation, many methods per file
  | 'doc-record' // full getDocument.json `data` object (also what `tbk-gen fetch` caches)
  | 'doc-record-reduced' // records as kept by a Go SDK generator (no samples, no labels)
  | 'html'; // saved doc page HTML

export interface Located<T> {
  value: T;
  /** 1-based line in the page file where the value was read (records: 1). */
  line: number;
}

export interface ParamLimits {
  maxLength?: number;
  maxListSize?: number;
  maxValue?: number;
  minValue?: number;
}

export interface PageParam {
  name: string;
  /** Type exactly as printed, trimmed and with inner whitespace collapsed (`UvIdGenerateRes []`). */
  type: string;
  /** Request params: 必须/是/true → true, 可选/否/false → false (vocabulary/required.ts); undefined when not stated. */
  required?: boolean;
  example?: string;
  default?: string;
  limits?: ParamLimits;
  /** Raw 更多限制 text when the source has that column and it held a limit. */
  limitsText?: string;
  description?: string;
  line: number;
  /**
   * Fields of a struct param when the source nests them (records' `subParams`), or the `└`
   * rows that followed this row in the markdown dump (then `childrenFlattened` is true: the dump
   * prints grandchildren with the same single `└`, so the depth is unknown).
   */
  children?: PageParam[];
  childrenFlattened?: boolean;
}

export interface PageError {
  code: string;
  message: string;
  solution: string;
  line: number;
}

export interface ChangeDiff {
  gmtModified: number;
  inputDiff: string[];
  outputDiff: string[];
}

/** One method's documentation as one source printed it. */
export interface Page {
  file: string;
  format: SourceFormat;
  /** sha256 (hex) of the whole source file. */
  sha256: string;
  /** Where this method's page or section starts in the file. */
  line: number;
  method?: Located<string>;
  title?: Located<string>;
  description?: Located<string>;
  docId?: number;
  gmtModified?: number;
  /** Evidence for user authorisation: doc labels, or `execute(req, sessionKey)` vs `execute(req)`. */
  auth?: { value: StatedAuth; evidence: string; line: number };
  request: PageParam[];
  response: PageParam[];
  samples: Partial<Record<SampleKind, Located<string>>>;
  errors: PageError[];
  changeDiff?: ChangeDiff;
}

export type CatalogKind = 'seed-nav' | 'dump-overview' | 'doc-record' | 'catalog-json';

export interface CatalogEntry {
  title: string;
  method?: string;
  docId?: number;
  line: number;
}

/**
 * One snapshot of the API catalog. `id` names the snapshot: the file for seed navs, the dump
 * and catalog JSON; the folder for doc records (every record of one folder is one snapshot).
 */
export interface CatalogSnapshot {
  id: string;
  file: string;
  kind: CatalogKind;
  entries: CatalogEntry[];
}

export interface ReadResult {
  pages: Page[];
  catalogs: CatalogSnapshot[];
  diagnostics: Diagnostic[];
}

/** A reader turns one file's text into pages; it never throws on bad input, it reports. */
export type Reader = (file: string, text: string) => ReadResult;
