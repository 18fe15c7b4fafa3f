/**
 * One method section of the dump: `##<method>（<title>）` (no space after `##`, full-width
 * parentheses), then `### 请求参数`, `### 响应参数`, `### NodeJS 调用示例`, `### JSON 响应示例`,
 * `### 异常示例` and, for 31 of the 82 methods, `### 错误码表`. No section of the published dump
 * has a description line; text between the heading and the first sub-section would be one,
 * so it is read as the description.
 */
import type { Page, PageError, PageParam } from '../page-model.js';
import { isFiller, reportAt, reportStrayText, splitBlocks, type DumpBlock, type DumpContext } from './blocks.js';
import { readDumpTable } from './table.js';
import { readDumpErrors, readDumpParams, type DumpParamSide } from './rows.js';
import { readDumpCode } from './code-blocks.js';
import { DumpCode } from './dump-codes.js';

export interface MethodHeading {
  method: string;
  title?: string;
}

const METHOD = /^([A-Za-z][\w]*(?:\.\w+)+)\s*(.*)$/;
const TITLE = /^[（(](.*)[）)]$/;

/** `taobao.tbk.item.convert（淘宝客-推广者-商品链接转换）` → method and title; undefined if no method. */
export function parseMethodHeading(ctx: DumpContext, block: DumpBlock): MethodHeading | undefined {
  const match = METHOD.exec(block.title);
  if (!match) return undefined;
  const rest = match[2]!.trim();
  const title = TITLE.exec(rest)?.[1]?.trim();
  if (rest !== '' && !title) {
    reportAt(
      ctx,
      'warning',
      DumpCode.headingWithoutTitle,
      block.line,
      `heading is not ##<method>（<title>）: title of ${match[1]} not read from ${JSON.stringify(rest)}`,
    );
  }
  return { method: match[1]!, ...(title ? { title } : {}) };
}

type SubKind = DumpParamSide | 'errors' | 'json' | 'error_json' | 'ignored';

// Keys without spaces: `### JSON 响应示例` and `### JSON响应示例` are the same sub-section.
const SUB_SECTIONS: Record<string, SubKind> = {
  请求参数: 'request',
  响应参数: 'response',
  错误码表: 'errors',
  JSON响应示例: 'json',
  异常示例: 'error_json',
  // The NodeJS sample calls `client.execute(method, params, callback)` in every section and
  // never passes a session, so it is no evidence of user authorisation either way.
  NodeJS调用示例: 'ignored',
};

export function readMethodSection(
  ctx: DumpContext,
  block: DumpBlock,
  heading: MethodHeading,
  sha256: string,
): Page | undefined {
  const page: Page = {
    file: ctx.file,
    format: 'markdown-dump',
    sha256,
    line: block.line,
    method: { value: heading.method, line: block.line },
    ...(heading.title ? { title: { value: heading.title, line: block.line } } : {}),
    request: [],
    response: [],
    samples: {},
    errors: [],
  };
  const outline = splitBlocks(ctx.lines, block.start, block.end, 3);
  const prose = ctx.lines.slice(outline.preamble.start, outline.preamble.end);
  const first = prose.findIndex((line) => !isFiller(line));
  if (first >= 0) {
    const text = prose
      .filter((line) => !isFiller(line))
      .map((line) => line.trim())
      .join('\n');
    page.description = { value: text, line: outline.preamble.start + first + 1 };
  }
  const seen = new Map<SubKind, number>();
  const tables = new Set<DumpParamSide>();
  for (const sub of outline.blocks) {
    const kind = SUB_SECTIONS[sub.title.replace(/\s+/g, '')];
    if (!kind || seen.has(kind)) {
      const why = kind ? `repeats the one at line ${seen.get(kind)}` : 'is not a known sub-section';
      reportAt(ctx, 'notice', DumpCode.textIgnored, sub.line, `### ${sub.title} in ${heading.method} ${why}: ignored`);
      continue;
    }
    seen.set(kind, sub.line);
    if (kind === 'request' || kind === 'response') {
      const params = readParamTable(ctx, sub, kind);
      if (params) tables.add(kind);
      page[kind] = params ?? [];
    } else if (kind === 'errors') page.errors = readErrorTable(ctx, sub);
    else if (kind === 'json' || kind === 'error_json') {
      const code = readDumpCode(ctx, sub);
      if (code) page.samples[kind] = code;
    }
  }
  return checkTables(ctx, page, block, seen, tables);
}

function readParamTable(ctx: DumpContext, sub: DumpBlock, side: DumpParamSide): PageParam[] | undefined {
  const where = `### ${sub.title} (line ${sub.line})`;
  const table = readDumpTable(ctx, sub.start, sub.end, '示例值');
  if (!table) {
    reportStrayText(ctx, sub.start, sub.end, `under ${where}`);
    return undefined;
  }
  reportStrayText(ctx, sub.start, table.start, `before the table of ${where}`);
  reportStrayText(ctx, table.end, sub.end, `after the table of ${where}`);
  return readDumpParams(ctx, table, side, where);
}

function readErrorTable(ctx: DumpContext, sub: DumpBlock): PageError[] {
  const table = readDumpTable(ctx, sub.start, sub.end, '错误描述');
  if (!table) {
    reportAt(ctx, 'warning', DumpCode.tableMissing, sub.line, `### ${sub.title} has no table: no error codes read`);
    return [];
  }
  reportStrayText(ctx, table.end, sub.end, `after the table of ### ${sub.title} (line ${sub.line})`);
  return readDumpErrors(ctx, table);
}

/**
 * A section that yields neither a request nor a response table documents nothing usable
 * (a truncated dump ends like that): it is not read, rather than read as a method without
 * params. A section missing one of the two is read, with a warning.
 */
function checkTables(
  ctx: DumpContext,
  page: Page,
  block: DumpBlock,
  seen: Map<SubKind, number>,
  tables: Set<DumpParamSide>,
): Page | undefined {
  const missing = (['request', 'response'] as const).filter((side) => !tables.has(side));
  if (missing.length === 2) {
    reportAt(
      ctx,
      'error',
      DumpCode.noParamTables,
      block.line,
      `section ${page.method!.value} has no 请求参数 or 响应参数 table: method not read`,
    );
    return undefined;
  }
  for (const side of missing) {
    const label = side === 'request' ? '请求参数' : '响应参数';
    const line = seen.get(side) ?? block.line;
    reportAt(
      ctx,
      'warning',
      DumpCode.tableMissing,
      line,
      `section ${page.method!.value} has no ${label} table: read with no ${side} params`,
    );
  }
  return page;
}
