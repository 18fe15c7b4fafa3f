/**
 * Hand-built page-model pages for normaliser tests: the facts a reader would produce, written
 * out so that each test shows exactly what the normaliser was given.
 */
import type { Page, PageParam, SourceFormat } from '../../generator/src/read/page-model.js';
import type { SampleKind } from '../../generator/src/vocabulary/sample-kinds.js';

export interface PageInput {
  file?: string;
  format?: SourceFormat;
  method?: string;
  line?: number;
  title?: string;
  description?: string;
  docId?: number;
  auth?: Page['auth'];
  request?: PageParam[];
  response?: PageParam[];
  samples?: Partial<Record<SampleKind, string>>;
  errors?: Page['errors'];
  changeDiff?: Page['changeDiff'];
}

export function makePage(input: PageInput): Page {
  const line = input.line ?? 1;
  const page: Page = {
    file: input.file ?? 'pages/hand.txt',
    format: input.format ?? 'seed-text',
    sha256: '0'.repeat(64),
    line,
    request: input.request ?? [],
    response: input.response ?? [],
    samples: {},
    errors: input.errors ?? [],
  };
  if (input.method !== undefined) page.method = { value: input.method, line };
  if (input.title !== undefined) page.title = { value: input.title, line };
  if (input.description !== undefined) page.description = { value: input.description, line };
  if (input.docId !== undefined) page.docId = input.docId;
  if (input.auth !== undefined) page.auth = input.auth;
  if (input.changeDiff !== undefined) page.changeDiff = input.changeDiff;
  let sampleLine = line + 50;
  for (const [kind, text] of Object.entries(input.samples ?? {}) as [SampleKind, string][]) {
    page.samples[kind] = { value: text, line: sampleLine };
    sampleLine += 10;
  }
  return page;
}

/** A table row: `p('tk_domain', 'Number', { required: true, line: 12 })`. */
export function p(name: string, type: string, extra: Partial<PageParam> = {}): PageParam {
  return { name, type, line: 10, ...extra };
}
