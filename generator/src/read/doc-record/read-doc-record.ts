/**
 * Reader for the doc site's JSON records (corpus README "Doc-site JSON"): the `data` object of
 * `getDocument.json` (format `doc-record`, also what `tbk-gen fetch` caches) and the reduced
 * records a Go SDK generator keeps (`doc-record-reduced`: name, apiChineseName, description,
 * id, requestParams, responseParams; empty fields dropped). The shape is decided by content,
 * not by folder. Catalog JSON handed to this reader is passed on to readCatalogJson.
 */
import { sha256 } from '../../files/sha256.js';
import { dirname } from 'node:path';
import type { CatalogSnapshot, Page, PageParam, ReadResult, Reader, SourceFormat } from '../page-model.js';
import type { SampleKind } from '../../vocabulary/sample-kinds.js';
import { hasMember, memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readList, readNumber, readText, report, type JsonReadContext } from './json-fields.js';
import { readRecordParams, type ParamSide } from './params.js';
import { readRecordAuth } from './auth.js';
import { readRecordErrors } from './error-codes.js';
import { readRecordChangeDiff } from './change-diff.js';
import { isCatalogJson, readCatalogJson } from './read-catalog-json.js';
import { openJsonBody } from './envelope.js';
import { RecordCode } from './record-codes.js';

/** Keys only the full record has; the reduced shape keeps none of them. */
const FULL_RECORD_KEYS = [
  'gmtModified',
  'labels',
  'sdkDemos',
  'errorCodes',
  'rspSampleJson',
  'rspSampleSimplifyJson',
  'rspSampleXml',
  'apiErrDemoJson',
  'apiErrDemoXml',
  'publicParams',
  'publicResponseParams',
  'changeDiff',
  'faqs',
  'tools',
  'envConfigs',
];

const SAMPLE_KEYS: [string, SampleKind][] = [
  ['rspSampleJson', 'json'],
  ['rspSampleXml', 'xml'],
  ['rspSampleSimplifyJson', 'simplify_json'],
  ['apiErrDemoJson', 'error_json'],
  ['apiErrDemoXml', 'error_xml'],
];

const PARAM_LISTS: [string, ParamSide][] = [
  ['requestParams', 'request'],
  ['responseParams', 'response'],
];

export const readDocRecord: Reader = (file, text) => {
  const ctx: JsonReadContext = { file, diagnostics: [] };
  const result: ReadResult = { pages: [], catalogs: [], diagnostics: ctx.diagnostics };
  const body = openJsonBody(ctx, text, 'record');
  if (!body) return result;
  if (isCatalogJson(body)) return readCatalogJson(file, text);
  const format: SourceFormat = FULL_RECORD_KEYS.some((key) => hasMember(body, key))
    ? 'doc-record'
    : 'doc-record-reduced';
  const method = readText(ctx, body, 'name', 'record');
  if (!method || method.value.trim() === '') {
    report(
      ctx,
      'error',
      RecordCode.noMethodName,
      body.line,
      'record has no method name ("name"): record not read',
      body.column,
    );
    return result;
  }
  method.value = method.value.trim();
  const page = readPage(ctx, body, format, method, sha256(text));
  result.pages.push(page);
  if (page.title) {
    const entry = {
      title: page.title.value,
      method: method.value,
      line: page.title.line,
      ...(page.docId !== undefined ? { docId: page.docId } : {}),
    };
    // One snapshot per record folder; every record adds its own entry under the same id.
    const snapshot: CatalogSnapshot = { id: dirname(file), file, kind: 'doc-record', entries: [entry] };
    result.catalogs.push(snapshot);
  }
  return result;
};

function readPage(
  ctx: JsonReadContext,
  body: JsonNode,
  format: SourceFormat,
  method: Page['method'] & {},
  sha256: string,
): Page {
  const full = format === 'doc-record';
  const page: Page = {
    file: ctx.file,
    format,
    sha256,
    line: body.line,
    method,
    request: [],
    response: [],
    samples: {},
    errors: [],
  };
  const title = readText(ctx, body, 'apiChineseName', 'record');
  if (title) page.title = { value: title.value.trim(), line: title.line };
  const description = readText(ctx, body, 'description', 'record');
  if (description) page.description = { value: description.value.trim(), line: description.line };
  // Reduced records carry the docId as `id`; the full `data` object has none in the corpus,
  // but a cache written by `tbk-gen fetch` may add `docId` next to the record's own keys.
  const docId = readNumber(ctx, body, 'docId', 'record') ?? readNumber(ctx, body, 'id', 'record');
  if (docId) page.docId = docId.value;
  const gmtModified = readNumber(ctx, body, 'gmtModified', 'record');
  if (gmtModified) page.gmtModified = gmtModified.value;
  for (const [key, side] of PARAM_LISTS) page[side] = readParamList(ctx, body, key, side, !full);
  for (const [key, kind] of SAMPLE_KEYS) {
    const sample = readText(ctx, body, key, 'record');
    if (sample) page.samples[kind] = sample;
  }
  const errors = readList(ctx, body, 'errorCodes', 'record');
  if (errors) page.errors = readRecordErrors(ctx, errors);
  if (full) {
    const auth = readRecordAuth(ctx, readList(ctx, body, 'labels', 'record'), body.line);
    if (auth) page.auth = auth;
  }
  const changeDiff = readRecordChangeDiff(ctx, body);
  if (changeDiff) page.changeDiff = changeDiff;
  return page;
}

function readParamList(
  ctx: JsonReadContext,
  body: JsonNode,
  key: string,
  side: ParamSide,
  reduced: boolean,
): PageParam[] {
  const member = memberOf(body, key);
  if (!member || member.value.kind !== 'array') {
    const found = member ? `is ${member.value.kind}, not an array` : 'is missing';
    report(
      ctx,
      'error',
      RecordCode.paramsMissing,
      member?.line ?? body.line,
      `${key} ${found}: the ${side} of ${methodName(body)} is read as empty`,
    );
    return [];
  }
  return readRecordParams(ctx, member.value.items, key, { side, absentRequiredIsFalse: reduced });
}

function methodName(body: JsonNode): string {
  const name = memberOf(body, 'name')?.value;
  return name?.kind === 'string' ? name.value : 'the record';
}
