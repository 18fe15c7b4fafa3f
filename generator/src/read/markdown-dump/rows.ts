/**
 * Rows of the dump's tables → page params and errors.
 * Request: 参数名称 | 类型 | 是否必须 (必须/可选) | 示例值 | 更多限制 | 描述.
 * Response: 参数名称 | 类型 | 示例值 | 描述, nested fields prefixed `└ ` with the depth flattened
 * (taobao.tbk.dg.general.link.parse prints material_url_list, link_info_dto and its fields all
 * with one `└`), so `└` rows become `children` of the row above them that has no `└`, marked
 * `childrenFlattened`; the normaliser recovers the depth from the JSON sample.
 * Errors (错误码表): 错误码 | 错误描述 | 解决方案.
 */
import type { PageError, PageParam } from '../page-model.js';
import { readRequiredText } from '../../vocabulary/required.js';
import { parseLimitsText } from '../limits-text.js';
import { reportAt, type DumpContext } from './blocks.js';
import { columnIndex, type DumpTable, type TableRow } from './table.js';
import { DumpCode } from './dump-codes.js';

export type DumpParamSide = 'request' | 'response';

const NESTED = /^└\s*/;

export function readDumpParams(ctx: DumpContext, table: DumpTable, side: DumpParamSide, where: string): PageParam[] {
  const col = {
    name: columnIndex(table.header, '参数名称'),
    type: columnIndex(table.header, '类型'),
    required: side === 'request' ? columnIndex(table.header, '是否必须') : -1,
    example: columnIndex(table.header, '示例值'),
    limits: columnIndex(table.header, '更多限制'),
    description: columnIndex(table.header, '描述'),
  };
  if (col.name < 0 || col.type < 0) {
    reportAt(
      ctx,
      'error',
      DumpCode.columnsMissing,
      table.line,
      `table under ${where} has no 参数名称 or 类型 column (header: ${table.header.join(' | ')}): table not read`,
    );
    return [];
  }
  const params: PageParam[] = [];
  for (const row of table.rows) {
    const cell = (index: number) => (index >= 0 ? (row.cells[index] ?? '') : '');
    const rawName = cell(col.name);
    const name = rawName.replace(NESTED, '').trim();
    const type = cell(col.type).replace(/\s+/g, ' ').trim();
    if (name === '' || type === '') {
      reportAt(
        ctx,
        'error',
        DumpCode.rowDropped,
        row.line,
        `table row under ${where} has no ${name === '' ? '参数名称' : `类型 (${name})`}: row dropped`,
      );
      continue;
    }
    const param: PageParam = { name, type, line: row.line };
    if (col.required >= 0) readRequired(ctx, param, cell(col.required), row);
    if (cell(col.example) !== '') param.example = cell(col.example);
    if (cell(col.limits) !== '') readLimits(ctx, param, cell(col.limits), row);
    if (cell(col.description) !== '') param.description = cell(col.description);
    if (!NESTED.test(rawName)) {
      params.push(param);
      continue;
    }
    const parent = params.at(-1);
    if (!parent) {
      reportAt(
        ctx,
        'warning',
        DumpCode.orphanChildRow,
        row.line,
        `nested row └ ${name} under ${where} has no row above it to belong to: read as a top-level field`,
      );
      params.push(param);
      continue;
    }
    (parent.children ??= []).push(param);
    parent.childrenFlattened = true;
  }
  return params;
}

function readRequired(ctx: DumpContext, param: PageParam, text: string, row: TableRow): void {
  if (text === '') return;
  const value = readRequiredText(text);
  if (value === undefined) {
    reportAt(
      ctx,
      'warning',
      DumpCode.requiredUnknown,
      row.line,
      `是否必须 of ${param.name} is ${JSON.stringify(text)}, not 必须 or 可选: left unstated`,
    );
    return;
  }
  param.required = value;
}

function readLimits(ctx: DumpContext, param: PageParam, text: string, row: TableRow): void {
  param.limitsText = text;
  const reading = parseLimitsText(text);
  if (!reading) {
    reportAt(
      ctx,
      'warning',
      DumpCode.limitsUnknown,
      row.line,
      `更多限制 of ${param.name} is not a known limit (默认值/最大长度/最大列表长度/最大值/最小值): kept as text only`,
    );
    return;
  }
  if (reading.default !== undefined) param.default = reading.default;
  if (reading.limits) param.limits = reading.limits;
}

export function readDumpErrors(ctx: DumpContext, table: DumpTable): PageError[] {
  const at = (name: string, fallback: number) => {
    const index = columnIndex(table.header, name);
    return index >= 0 ? index : fallback;
  };
  const col = { code: at('错误码', 0), message: at('错误描述', 1), solution: at('解决方案', 2) };
  const errors: PageError[] = [];
  for (const row of table.rows) {
    const code = row.cells[col.code] ?? '';
    if (code === '') {
      reportAt(ctx, 'error', DumpCode.rowDropped, row.line, 'error-code row has no 错误码: row dropped');
      continue;
    }
    errors.push({
      code,
      message: row.cells[col.message] ?? '',
      solution: row.cells[col.solution] ?? '',
      line: row.line,
    });
  }
  return errors;
}
