/**
 * The 更多限制 (more limits) column of a request-parameter table: `默认值：1`,
 * `最大列表长度：20`, `最大长度：64`, `最小值：1 最大值：100` (markdown dump), with a full-width
 * or ASCII colon. The seed pages shift the description into this column when it is empty
 * (seed 000 `tk_domain | Number | 必须 | 1 | 淘客业务域,… | |`), so readers need to tell a limit
 * from a sentence: a cell is a limit only when it is made entirely of known `label：value` pairs.
 */
import type { ParamLimits } from './page-model.js';

const NUMERIC_LABELS = {
  最大列表长度: 'maxListSize',
  最大长度: 'maxLength',
  最大值: 'maxValue',
  最小值: 'minValue',
} as const satisfies Record<string, keyof ParamLimits>;

type NumericLabel = keyof typeof NUMERIC_LABELS;
const DEFAULT_LABEL = '默认值';

// Longest labels first so that 最大列表长度 is not read as 最大… prefix of another label.
const LABEL_PATTERN = /(最大列表长度|最大长度|最大值|最小值|默认值)\s*[：:]\s*/g;
// Separators the dump and the doc site put between pairs or after a value.
const SEPARATORS = /^[\s,，;；、]+|[\s,，;；、]+$/g;

export interface LimitsReading {
  default?: string;
  limits?: ParamLimits;
}

/**
 * Read a 更多限制 cell. Returns undefined when the text is empty or is not made only of known
 * limit pairs (then it is a description that landed in the wrong column).
 */
export function parseLimitsText(text: string): LimitsReading | undefined {
  const body = text.replace(/<br\s*\/?>/gi, ' ').trim();
  if (body === '') return undefined;
  const matches = [...body.matchAll(LABEL_PATTERN)];
  if (matches.length === 0 || matches[0]!.index !== 0) return undefined;

  const reading: LimitsReading = {};
  const limits: ParamLimits = {};
  const seen = new Set<string>();
  for (let i = 0; i < matches.length; i += 1) {
    const match = matches[i]!;
    const label = match[1]!;
    if (seen.has(label)) return undefined; // the same label twice is ambiguous
    seen.add(label);
    const start = match.index + match[0].length;
    const end = i + 1 < matches.length ? matches[i + 1]!.index : body.length;
    const value = body.slice(start, end).replace(SEPARATORS, '');
    if (value === '') return undefined;
    if (label === DEFAULT_LABEL) {
      reading.default = value;
      continue;
    }
    const number = parseLimitNumber(value);
    if (number === undefined) return undefined;
    limits[NUMERIC_LABELS[label as NumericLabel]] = number;
  }
  if (Object.keys(limits).length > 0) reading.limits = limits;
  return reading;
}

/** `20`, `-1`, `0.01`, full-width `２０`; anything else is not a numeric limit. */
function parseLimitNumber(value: string): number | undefined {
  const ascii = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^-?\d+(\.\d+)?$/.test(ascii)) return undefined;
  return Number(ascii);
}
