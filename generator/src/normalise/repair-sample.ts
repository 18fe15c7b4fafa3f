/**
 * JSON samples as the doc pages print them, repaired only when the repair is unambiguous.
 *
 * Seed 004 prints `"biz_error_desc":请求账号身份不为主账号,`: a value with no quotes between `:`
 * and `,`. It can only be that string, so it is quoted and the repair is reported. The markdown
 * dump prints `"tb_trade_parent_id":,` (taobao.tbk.relation.refund): the doc site writes each
 * field's demo value there, and these fields have none in the page's own table. When the caller
 * confirms that (`hasNoExample`), the value is written as `null` — "no value", which is what the
 * page says — keeping the member where the page prints it, so the tree stays recoverable. Otherwise the value could be `""`, `null` or a number, so the sample is
 * not repaired, it is reported as unusable.
 */

export interface JsonRepair {
  message: string;
  /** 0-based line inside the sample text where the repaired value starts. */
  lineOffset: number;
}

export type JsonSampleResult =
  | { ok: true; value: unknown; text: string; repairs: JsonRepair[] }
  | { ok: false; message: string; lineOffset: number };

/** Characters that can start a JSON value. */
const VALUE_START = /["{[\-0-9]/;
const LITERAL = /^(true|false|null)(?![A-Za-z0-9_\u0080-\uffff])/;
/** Characters an unquoted value must not contain for the quoting to be the only reading. */
const STRUCTURAL = /["{}[\]:\n]/;

export interface RepairOptions {
  /** True when `key` is a documented field whose table shows no example value. */
  hasNoExample?: (key: string) => boolean;
}

export function parseJsonSample(text: string, options: RepairOptions = {}): JsonSampleResult {
  const direct = tryParse(text);
  if (direct.ok) return { ok: true, value: direct.value, text, repairs: [] };

  const repairs: JsonRepair[] = [];
  let out = '';
  let i = 0;
  let lastKey = '';
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = endOfString(text, i);
      lastKey = text.slice(i + 1, end - 1);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i += 1;
    if (ch !== ':') continue;
    let j = i;
    while (j < text.length && /\s/.test(text[j]!)) j += 1;
    const next = text[j];
    if (next !== undefined && (next === ',' || next === '}') && options.hasNoExample?.(lastKey)) {
      out += 'null';
      repairs.push({
        message: `wrote null for "${lastKey}", printed without a value (its table gives no example)`,
        lineOffset: lineOf(text, j),
      });
      continue;
    }
    if (next === undefined || next === ',' || next === '}') {
      return {
        ok: false,
        message: `"${lastKey}" has no value; it could be "", null or a number`,
        lineOffset: lineOf(text, j),
      };
    }
    if (VALUE_START.test(next) || LITERAL.test(text.slice(j))) continue;
    let k = j;
    while (k < text.length && text[k] !== ',' && text[k] !== '}') k += 1;
    const raw = text.slice(j, k).trim();
    if (k >= text.length || STRUCTURAL.test(raw)) {
      return {
        ok: false,
        message: `"${lastKey}" has a value without quotes that cannot be delimited`,
        lineOffset: lineOf(text, j),
      };
    }
    const after = text.slice(k + 1).trimStart();
    if (text[k] === ',' && !after.startsWith('"')) {
      return {
        ok: false,
        message: `"${lastKey}" has a value without quotes that may contain a comma`,
        lineOffset: lineOf(text, j),
      };
    }
    out += text.slice(i, j) + JSON.stringify(raw);
    repairs.push({ message: `quoted the unquoted string value of "${lastKey}": ${raw}`, lineOffset: lineOf(text, j) });
    i = j + text.slice(j, k).trimEnd().length;
  }
  const repaired = tryParse(out);
  if (!repaired.ok) return { ok: false, message: `not valid JSON: ${repaired.message}`, lineOffset: 0 };
  return { ok: true, value: repaired.value, text: out, repairs };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0]! };
  }
}

/** Index just past the closing quote of the string starting at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

function lineOf(text: string, index: number): number {
  let lines = 0;
  for (let i = 0; i < index && i < text.length; i += 1) if (text[i] === '\n') lines += 1;
  return lines;
}
