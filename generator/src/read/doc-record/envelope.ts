/**
 * The doc site's JSON handlers answer `{ success, code, errMsg, data }` (corpus README
 * "Doc-site JSON"). Records and the catalog are the `data` object; a file holding the whole
 * envelope is read through it, and a failed answer (`success: false`, e.g. a missing login
 * cookie) is reported instead of being mistaken for an empty record.
 */
import { hasMember, memberOf, parseJsonWithPositions, type JsonNode } from '../../positions/json-positions.js';
import { report, type JsonReadContext } from './json-fields.js';
import { RecordCode } from './record-codes.js';

export function unwrapEnvelope(ctx: JsonReadContext, root: JsonNode): JsonNode | undefined {
  if (root.kind !== 'object') {
    report(
      ctx,
      'error',
      RecordCode.notAnObject,
      root.line,
      `top-level JSON value is ${root.kind}, not an object: nothing read`,
      root.column,
    );
    return undefined;
  }
  const data = memberOf(root, 'data');
  if (!data || !(hasMember(root, 'success') || hasMember(root, 'errMsg'))) return root;
  const success = memberOf(root, 'success')?.value;
  if (success?.kind === 'boolean' && !success.value) {
    const errMsg = memberOf(root, 'errMsg')?.value;
    const why = errMsg?.kind === 'string' && errMsg.value ? ` (errMsg: ${errMsg.value})` : '';
    report(
      ctx,
      'error',
      RecordCode.handlerFailed,
      root.line,
      `the doc-site handler answered success=false${why}: nothing read`,
    );
    return undefined;
  }
  if (data.value.kind !== 'object') {
    report(
      ctx,
      'error',
      RecordCode.notAnObject,
      data.line,
      `envelope "data" is ${data.value.kind}, not an object: nothing read`,
    );
    return undefined;
  }
  return data.value;
}

/**
 * The opening both JSON readers share: an empty file is TBK071, malformed JSON TBK070 (with line
 * and column), then the envelope is unwrapped. `what` names what was not read ("record",
 * "catalog"). Returns the body to read, or undefined when a diagnostic said why not.
 */
export function openJsonBody(ctx: JsonReadContext, text: string, what: string): JsonNode | undefined {
  if (text.trim() === '') {
    report(ctx, 'error', RecordCode.emptyFile, 1, `empty file: no ${what === 'record' ? 'doc record' : what} to read`);
    return undefined;
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) {
    report(
      ctx,
      'error',
      RecordCode.malformedJson,
      parsed.line,
      `malformed JSON: ${parsed.message}; ${what} not read`,
      parsed.column,
    );
    return undefined;
  }
  for (const dup of parsed.duplicates) {
    const first = `first at line ${dup.first.line}, column ${dup.first.column}`;
    const level = dup.sameValue ? 'notice' : 'warning';
    report(
      ctx,
      level,
      RecordCode.keyRepeated,
      dup.line,
      `duplicate key ${JSON.stringify(dup.key)} (${first}) with ${dup.sameValue ? 'the same' : 'another'} value: the first is kept`,
      dup.column,
    );
  }
  return unwrapEnvelope(ctx, parsed.root);
}
