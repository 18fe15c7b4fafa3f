/**
 * `requestParams[]` / `responseParams[]` of a doc-site record → page params. `subParams`
 * nest to any depth (struct fields, in requests too: `item_dto` of
 * taobao.tbk.dg.general.link.convert) and become `children` with their real depth.
 */
import type { PageParam, ParamLimits } from '../page-model.js';
import { memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readBoolean, readList, readNumber, readText, report, type JsonReadContext } from './json-fields.js';
import { RecordCode } from './record-codes.js';

export type ParamSide = 'request' | 'response';

export interface ParamReadOptions {
  side: ParamSide;
  /**
   * Reduced records drop every empty field, `"required": false` included (the Go SDK
   * generator serialises with omitempty: taobao_tbk_shop_get.json has `required` only on
   * `fields` and `q`, the two params the dump marks 必须). There, an absent `required` on a
   * request param means false.
   */
  absentRequiredIsFalse: boolean;
}

const LIMIT_KEYS: (keyof ParamLimits)[] = ['maxLength', 'maxListSize', 'maxValue', 'minValue'];

export function readRecordParams(
  ctx: JsonReadContext,
  items: JsonNode[],
  path: string,
  options: ParamReadOptions,
): PageParam[] {
  const read: { param: PageParam; order?: number; index: number }[] = [];
  items.forEach((item, index) => {
    const param = readRecordParam(ctx, item, `${path}[${index}]`, options);
    if (param) read.push({ param, order: readNumber(ctx, item, 'paramOrder', `${path}[${index}]`)?.value, index });
  });
  // `paramOrder`, when the doc site sets it, is the display order; unset ones keep their place
  // after the ordered ones. No record of the corpus sets it (all null), so doc order rules there.
  if (read.some((r) => r.order !== undefined)) {
    read.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index);
  }
  return read.map((r) => r.param);
}

function readRecordParam(
  ctx: JsonReadContext,
  item: JsonNode,
  path: string,
  options: ParamReadOptions,
): PageParam | undefined {
  if (item.kind !== 'object') {
    report(
      ctx,
      'error',
      RecordCode.paramDropped,
      item.line,
      `${path} is not a param object (found ${item.kind}): dropped`,
      item.column,
    );
    return undefined;
  }
  const name = readText(ctx, item, 'name', path);
  const type = readText(ctx, item, 'type', path);
  const line = memberOf(item, 'name')?.line ?? item.line;
  if (!name || !type) {
    const missing = [name ? undefined : '"name"', type ? undefined : '"type"'].filter(Boolean).join(' and ');
    const label = name ? ` (${name.value})` : '';
    report(
      ctx,
      'error',
      RecordCode.paramDropped,
      line,
      `${path}${label} has no ${missing}: param dropped with its subParams`,
    );
    return undefined;
  }
  const param: PageParam = { name: name.value.trim(), type: type.value.trim().replace(/\s+/g, ' '), line };
  if (options.side === 'request') {
    const required = readBoolean(ctx, item, 'required', path);
    if (required) param.required = required.value;
    else if (options.absentRequiredIsFalse && !memberOf(item, 'required')) param.required = false;
  }
  const example = readText(ctx, item, 'demoValue', path, true);
  if (example) param.example = example.value;
  const fallback = readText(ctx, item, 'defaultValue', path, true);
  if (fallback) param.default = fallback.value;
  const limits: ParamLimits = {};
  for (const key of LIMIT_KEYS) {
    const value = readNumber(ctx, item, key, path);
    if (value) limits[key] = value.value;
  }
  if (Object.keys(limits).length > 0) param.limits = limits;
  const description = readText(ctx, item, 'description', path);
  if (description) param.description = description.value.trim();
  const sub = readList(ctx, item, 'subParams', path);
  if (sub && sub.length > 0) param.children = readRecordParams(ctx, sub, `${path}.subParams`, options);
  return param;
}
