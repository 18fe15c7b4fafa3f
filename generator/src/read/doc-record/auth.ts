/**
 * User authorisation from a full record's `labels[]`. The doc site marks it with a label:
 * key `no_need` (不需用户授权, e.g. taobao.tbk.dg.general.link.parse) or key `required`
 * (必须用户授权, e.g. taobao.tbk.sc.general.link.parse). A third state, 可选用户授权, exists on
 * the doc site but in no record of the corpus; it is matched by key `optional` or by that
 * display name. Other labels (`key: "2"`, ￥免费: the price) say nothing about authorisation.
 */
import type { Page } from '../page-model.js';
import type { StatedAuth } from '../../vocabulary/auth.js';
import { memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readText, report, type JsonReadContext } from './json-fields.js';
import { RecordCode } from './record-codes.js';

const BY_KEY: Record<string, StatedAuth> = { no_need: 'none', required: 'required', optional: 'optional' };
const BY_NAME: [RegExp, StatedAuth][] = [
  [/不需.*授权/, 'none'],
  [/必须.*授权/, 'required'],
  [/可选.*授权/, 'optional'],
];

export function readRecordAuth(ctx: JsonReadContext, labels: JsonNode[] | undefined, recordLine: number): Page['auth'] {
  if (!labels) {
    report(
      ctx,
      'notice',
      RecordCode.authUnknown,
      recordLine,
      'full record without labels[]: user authorisation unknown',
    );
    return undefined;
  }
  let auth: Page['auth'];
  labels.forEach((label, index) => {
    const path = `labels[${index}]`;
    const key = readText(ctx, label, 'key', path)?.value;
    const name = readText(ctx, label, 'displayName', path)?.value ?? '';
    const value = (key !== undefined ? BY_KEY[key] : undefined) ?? BY_NAME.find(([re]) => re.test(name))?.[1];
    if (!value) return;
    const line = memberOf(label, 'key')?.line ?? label.line;
    if (!auth) {
      auth = { value, evidence: `labels[${index}] key "${key ?? ''}" (${name})`, line };
    } else if (auth.value !== value) {
      report(
        ctx,
        'warning',
        RecordCode.authDisagrees,
        line,
        `${path} says user authorisation "${value}" but an earlier label (line ${auth.line}) says "${auth.value}": the first is kept`,
      );
    }
  });
  if (!auth)
    report(
      ctx,
      'notice',
      RecordCode.authUnknown,
      recordLine,
      'no authorisation label (no_need / required) in labels[]: user authorisation unknown',
    );
  return auth;
}
