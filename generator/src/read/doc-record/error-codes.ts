/**
 * `errorCodes[]` of a full record (`errorCode`, `errorMsg`, `solution`) → page errors. The five
 * full records of the corpus all have an empty list; the doc site fills it for older APIs
 * (the dump's 错误码表 shows the same three columns).
 */
import type { PageError } from '../page-model.js';
import { memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readText, report, type JsonReadContext } from './json-fields.js';
import { RecordCode } from './record-codes.js';

export function readRecordErrors(ctx: JsonReadContext, items: JsonNode[]): PageError[] {
  const errors: PageError[] = [];
  items.forEach((item, index) => {
    const path = `errorCodes[${index}]`;
    const code = readText(ctx, item, 'errorCode', path);
    if (!code) {
      report(ctx, 'warning', RecordCode.errorCodeDropped, item.line, `${path} has no errorCode: dropped`, item.column);
      return;
    }
    errors.push({
      code: code.value.trim(),
      message: readText(ctx, item, 'errorMsg', path)?.value.trim() ?? '',
      solution: readText(ctx, item, 'solution', path)?.value.trim() ?? '',
      line: memberOf(item, 'errorCode')?.line ?? item.line,
    });
  });
  return errors;
}
