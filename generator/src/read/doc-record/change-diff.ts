/**
 * `changeDiff` of a full record: `null`, or `{ gmtModified, inputDiff[], outputDiff[] }` with
 * entries such as `[+] data->material_url_list->link_info_dto->origin_pid`
 * (taobao.tbk.dg.general.link.parse). Kept verbatim; the diff stage interprets the entries.
 */
import type { ChangeDiff } from '../page-model.js';
import { memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readNumber, report, type JsonReadContext } from './json-fields.js';
import { RecordCode } from './record-codes.js';

export function readRecordChangeDiff(ctx: JsonReadContext, record: JsonNode): ChangeDiff | undefined {
  const member = memberOf(record, 'changeDiff');
  if (!member || member.value.kind === 'null') return undefined;
  const node = member.value;
  const problem = (what: string): undefined => {
    report(ctx, 'warning', RecordCode.changeDiffIgnored, member.line, `changeDiff ${what}: changeDiff ignored`);
    return undefined;
  };
  if (node.kind !== 'object') return problem(`should be null or an object, found ${node.kind}`);
  const gmtModified = readNumber(ctx, node, 'gmtModified', 'changeDiff');
  if (!gmtModified) return problem('has no gmtModified');
  const lists: Record<'inputDiff' | 'outputDiff', string[]> = { inputDiff: [], outputDiff: [] };
  for (const key of ['inputDiff', 'outputDiff'] as const) {
    const list = memberOf(node, key)?.value;
    if (!list || list.kind === 'null') continue;
    if (list.kind !== 'array') return problem(`.${key} should be an array, found ${list.kind}`);
    for (const entry of list.items) {
      if (entry.kind !== 'string')
        return problem(`.${key} holds a ${entry.kind} (line ${entry.line}), not a text entry`);
      lists[key].push(entry.value);
    }
  }
  return { gmtModified: gmtModified.value, ...lists };
}
