/**
 * Rows of the request, response and error-code tables → page params and errors.
 *
 * Two quirks of the seed text rendering decide how cells are read (corpus README, "Seed pages"):
 * - an empty cell is dropped and the cells after it move one column left, padded with an empty
 *   last cell: seed 000 `tk_domain | Number | 必须 | 1 | 淘客业务域,… | |` has an empty 更多限制
 *   and its description in that column; `result_list | UvIdGenerateRes [] | result_list | |`
 *   has an empty 示例值 and its description there (the markdown dump prints the same row as
 *   `| result_list | UvIdGenerateRes [] |  | result_list |`);
 * - the last row of a table often lacks that padding cell (seed 000 `group_type`, seed 003
 *   `social_crowd_id`), which is expected and not reported.
 */
import { parseLimitsText } from '../limits-text.js';
import type { PageError, PageParam } from '../page-model.js';
import { readRequiredText } from '../../vocabulary/required.js';
import { SeedCode, quote, type Report } from './reader-codes.js';
import type { ScanRow } from './scan-text.js';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const WIDTH = { request: 6, response: 4, errors: 3 } as const;
type RowKind = keyof typeof WIDTH;
/** Leading columns that come before any cell that can be empty (name, type, 是否必须). */
const CERTAIN_COLUMNS: Record<RowKind, number> = { request: 3, response: 2, errors: 1 };

/**
 * Bring a row to the table's width. Returns undefined when nothing can be read. A row one cell
 * short is padded (the missing padding cell); extra empty cells are dropped; extra text is
 * joined into the last column; a shorter row keeps its leading cells and drops the rest.
 */
function fitCells(kind: RowKind, row: ScanRow, isLast: boolean, report: Report): string[] | undefined {
  const width = WIDTH[kind];
  const cells = [...row.cells];
  if (cells.every((c) => c === '')) {
    // Seed 000 has a line holding a single `|` after its response table.
    report(row.line, 'notice', SeedCode.emptyRow, 'table row without any text ignored');
    return undefined;
  }
  if (cells.length === width) return cells;
  if (cells.length === width - 1) {
    if (!isLast) {
      report(
        row.line,
        'warning',
        SeedCode.tooFewCells,
        `row has ${cells.length} cells, expected ${width}; read as missing its empty last cell`,
      );
    }
    return [...cells, ''];
  }
  if (cells.length > width) {
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    if (cells.length > width) {
      const joined = cells
        .splice(width - 1)
        .filter((c) => c !== '')
        .join(' | ');
      cells.push(joined);
      report(
        row.line,
        'warning',
        SeedCode.tooManyCells,
        `row has ${row.cells.length} cells, expected ${width}; cells from column ${width} on joined into the last column`,
      );
    } else {
      report(
        row.line,
        'warning',
        SeedCode.tooManyCells,
        `row has ${row.cells.length} cells, expected ${width}; extra empty cells ignored`,
      );
    }
    return cells;
  }
  // A short row still says who it is (name and type, or the error code); the leading columns
  // are never moved by the shift, so they are kept and the rest is left unread.
  const minimum = kind === 'errors' ? 1 : 2;
  if (cells.length < minimum) {
    report(
      row.line,
      'error',
      SeedCode.rowDropped,
      `row ${quote(row.text)} has ${cells.length} cell(s), expected ${width}; dropped`,
    );
    return undefined;
  }
  const keep = Math.min(cells.length, CERTAIN_COLUMNS[kind]);
  const lost = cells.slice(keep).filter((c) => c !== '');
  report(
    row.line,
    'warning',
    SeedCode.tooFewCells,
    `row has ${cells.length} cells, expected ${width}; only the first ${keep} read` +
      (lost.length > 0 ? `, ${quote(lost.join(' | '))} not placed` : ''),
  );
  return [...cells.slice(0, keep), ...Array<string>(width - keep).fill('')];
}

function startParam(cells: string[], row: ScanRow, report: Report): PageParam | undefined {
  const name = cells[0]!;
  const type = cells[1]!.replace(/\s+/g, ' ');
  if (!PARAM_NAME.test(name) || type === '') {
    report(row.line, 'error', SeedCode.rowDropped, `row ${quote(row.text)} has no parameter name and type; dropped`);
    return undefined;
  }
  return { name, type, line: row.line };
}

// `-` stands for "no example" (seed 001 `pic_stream | byte[] | 可选 | - |`).
function readExample(text: string): string | undefined {
  return text === '' || text === '-' ? undefined : text;
}

export function readRequestRow(row: ScanRow, isLast: boolean, report: Report): PageParam | undefined {
  const cells = fitCells('request', row, isLast, report);
  if (!cells) return undefined;
  const param = startParam(cells, row, report);
  if (!param) return undefined;
  const required = cells[2]!;
  let [sample, more, description] = cells.slice(3) as [string, string, string];
  if (sample !== '' && description === '' && parseLimitsText(sample)) {
    // Shifted twice: an empty 示例值 let the limit and the description move left.
    [sample, more, description] = ['', sample, more];
  }
  if (required !== '') {
    const stated = readRequiredText(required);
    if (stated !== undefined) param.required = stated;
    else
      report(
        row.line,
        'warning',
        SeedCode.requiredUnknown,
        `是否必须 value ${quote(required)} of ${param.name} not understood`,
      );
  }
  const ex = readExample(sample);
  if (ex !== undefined) param.example = ex;
  const limits = more === '' ? undefined : parseLimitsText(more);
  if (limits) {
    param.limitsText = more;
    if (limits.default !== undefined) param.default = limits.default;
    if (limits.limits) param.limits = limits.limits;
    if (description !== '') param.description = description;
  } else if (more !== '' && description === '') {
    param.description = more; // shifted: the description sits in the empty 更多限制 column
  } else {
    if (more !== '') {
      param.limitsText = more;
      report(
        row.line,
        'warning',
        SeedCode.limitsUnknown,
        `更多限制 ${quote(more)} of ${param.name} is not a known limit; kept as text`,
      );
    }
    if (description !== '') param.description = description;
  }
  return param;
}

export function readResponseRow(row: ScanRow, isLast: boolean, report: Report): PageParam | undefined {
  const cells = fitCells('response', row, isLast, report);
  if (!cells) return undefined;
  const param = startParam(cells, row, report);
  if (!param) return undefined;
  const [, , sample, description] = cells as [string, string, string, string];
  if (description === '') {
    // Shifted: with one text cell left, it is the description (a doc field always has one).
    if (sample !== '' && sample !== '-') param.description = sample;
    return param;
  }
  const ex = readExample(sample);
  if (ex !== undefined) param.example = ex;
  param.description = description;
  return param;
}

export function readErrorRow(row: ScanRow, isLast: boolean, report: Report): PageError | undefined {
  const cells = fitCells('errors', row, isLast, report);
  if (!cells) return undefined;
  const [code, message, solution] = cells as [string, string, string];
  if (code === '') {
    report(row.line, 'error', SeedCode.rowDropped, `error-code row ${quote(row.text)} has no code; dropped`);
    return undefined;
  }
  return { code, message, solution, line: row.line };
}
