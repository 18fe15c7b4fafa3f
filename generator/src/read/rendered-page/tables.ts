/**
 * The tables of a doc page, recognised by their header row rather than by position (a page can
 * lack a table, and a truncated one stops anywhere). Header cells are the doc site's own.
 */

export type TableKind = 'gateway' | 'common' | 'request' | 'response' | 'errors';

export const TABLE_LABELS: Record<TableKind, string> = {
  gateway: 'gateway table',
  common: 'common-parameter table',
  request: 'request-parameter table',
  response: 'response-parameter table',
  errors: 'error-code table',
};

// 名称 on the doc pages, 参数名称 in the markdown dump; both are accepted so that a saved page
// with either wording is read.
const NAME = ['名称', '参数名称'];

const HEADERS: [TableKind, string[][]][] = [
  ['gateway', [['环境'], ['HTTP请求地址'], ['HTTPS请求地址']]],
  ['common', [NAME, ['类型'], ['是否必须'], ['描述']]],
  ['request', [NAME, ['类型'], ['是否必须'], ['示例值'], ['更多限制'], ['描述']]],
  ['response', [NAME, ['类型'], ['示例值'], ['描述']]],
  ['errors', [['错误码'], ['错误描述'], ['解决方案']]],
];

/** The kind of table whose header row has exactly these cells, or undefined. */
export function recogniseTableHeader(cells: readonly string[]): TableKind | undefined {
  for (const [kind, columns] of HEADERS) {
    if (cells.length === columns.length && columns.every((options, i) => options.includes(cells[i]!))) {
      return kind;
    }
  }
  return undefined;
}
