/**
 * Typed reads of one field of a positioned JSON object (see json-positions.ts), shared by the
 * doc-record and catalog readers. The doc site writes "not given" as `""` or `null`
 * (corpus README "Doc-site JSON"), so both read as undefined; a value of the wrong kind is
 * reported (TBK076) and ignored rather than guessed at.
 */
import type { Diagnostic, Level } from '../../report/diagnostic.js';
import type { Located } from '../page-model.js';
import { memberOf, type JsonNode } from '../../positions/json-positions.js';
import { RecordCode, type RecordCodeValue } from './record-codes.js';

export interface JsonReadContext {
  file: string;
  diagnostics: Diagnostic[];
}

export function report(
  ctx: JsonReadContext,
  level: Level,
  code: RecordCodeValue,
  line: number,
  message: string,
  column?: number,
): void {
  ctx.diagnostics.push({ file: ctx.file, line, ...(column ? { column } : {}), level, code, message });
}

function wrongKind(ctx: JsonReadContext, path: string, want: string, found: JsonNode): void {
  report(
    ctx,
    'warning',
    RecordCode.wrongKind,
    found.line,
    `${path} should be ${want}, found ${found.kind}: ignored`,
    found.column,
  );
}

function isBlank(node: JsonNode): boolean {
  return node.kind === 'null' || (node.kind === 'string' && node.value.trim() === '');
}

/**
 * A text field, verbatim (samples keep their whitespace). With `numbersAsText`, a number is
 * read as its literal text: `demoValue` and `defaultValue` are texts printed on the page.
 */
export function readText(
  ctx: JsonReadContext,
  obj: JsonNode,
  key: string,
  path: string,
  numbersAsText = false,
): Located<string> | undefined {
  const member = memberOf(obj, key);
  if (!member || isBlank(member.value)) return undefined;
  const value = member.value;
  if (value.kind === 'string') return { value: value.value, line: member.line };
  if (value.kind === 'number' && numbersAsText) return { value: value.raw, line: member.line };
  wrongKind(ctx, `${path}.${key}`, 'a string', value);
  return undefined;
}

/** A number field; a numeric string (`"20"`) is read as the number it spells. */
export function readNumber(
  ctx: JsonReadContext,
  obj: JsonNode,
  key: string,
  path: string,
): Located<number> | undefined {
  const member = memberOf(obj, key);
  if (!member || isBlank(member.value)) return undefined;
  const value = member.value;
  if (value.kind === 'number') return { value: value.value, line: member.line };
  if (value.kind === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value.value))
    return { value: Number(value.value), line: member.line };
  wrongKind(ctx, `${path}.${key}`, 'a number', value);
  return undefined;
}

export function readBoolean(
  ctx: JsonReadContext,
  obj: JsonNode,
  key: string,
  path: string,
): Located<boolean> | undefined {
  const member = memberOf(obj, key);
  if (!member || member.value.kind === 'null') return undefined;
  if (member.value.kind === 'boolean') return { value: member.value.value, line: member.line };
  wrongKind(ctx, `${path}.${key}`, 'true or false', member.value);
  return undefined;
}

/** The items of an array field; undefined when absent or null, reported when not an array. */
export function readList(ctx: JsonReadContext, obj: JsonNode, key: string, path: string): JsonNode[] | undefined {
  const member = memberOf(obj, key);
  if (!member || member.value.kind === 'null') return undefined;
  if (member.value.kind === 'array') return member.value.items;
  wrongKind(ctx, `${path}.${key}`, 'an array', member.value);
  return undefined;
}
