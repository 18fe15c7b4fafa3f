/**
 * JSDoc text of every generated declaration, computed once for the IR. Doc text is hostile
 * input: descriptions carry `*\/`, backticks, `${`, HTML and CRLF, so everything passes through
 * `commentText`, which keeps the text readable and cannot end the comment early.
 */
import type { FieldLimits, SpecField } from '../spec/model.js';
import type { Auth } from '../vocabulary/auth.js';
import { isRequired } from '../vocabulary/required.js';

/** Text made safe inside a `/** … *\/` block: LF only, no `*\/`, no line starting a tag by accident. */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** Text on one line (tags and examples): line breaks become spaces. */
function oneLine(text: string): string {
  return commentText(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim());
}

function joinBlocks(blocks: (string | undefined)[]): string {
  return blocks.filter((b): b is string => Boolean(b)).join('\n\n');
}

export function describeLimits(limits: FieldLimits | undefined): string | undefined {
  if (!limits) return undefined;
  const parts: string[] = [];
  if (limits.max_length !== undefined) parts.push(`max length ${limits.max_length}`);
  if (limits.max_list_size !== undefined) parts.push(`at most ${limits.max_list_size} items`);
  if (limits.min_value !== undefined) parts.push(`min ${limits.min_value}`);
  if (limits.max_value !== undefined) parts.push(`max ${limits.max_value}`);
  return parts.length ? `Limits: ${parts.join(', ')}.` : undefined;
}

/** JSDoc of a request param, response field or struct field. */
export function describeField(field: SpecField, role: 'request' | 'response'): string {
  const tags: string[] = [];
  if (field.default !== undefined && field.default.trim()) tags.push(`@defaultValue ${oneLine(field.default)}`);
  if (field.example !== undefined && field.example.trim()) tags.push(`@example ${oneLine(field.example)}`);
  const facts = [`TOP type \`${oneLine(field.type)}\``];
  if (role === 'request') facts.push(isRequired(field) ? 'required' : 'optional');
  const notes = [
    `${facts.join(', ')}.`,
    describeLimits(field.limits),
    field.inferred ? 'Not in the doc tables: learned from the response sample.' : undefined,
  ];
  return joinBlocks([
    field.description ? commentText(field.description) : undefined,
    [notes.filter(Boolean).join(' '), ...tags].join('\n'),
  ]);
}

const AUTH_TEXT: Record<Auth, string> = {
  none: 'No user authorisation: call it without a session.',
  optional: 'User authorisation is optional: pass `{ session }` to act for a user.',
  required: 'Needs user authorisation: pass `{ session }` to `execute`.',
  unknown: 'The doc does not say whether a user session is needed.',
};

export function docUrlOf(docId: number | undefined): string | undefined {
  return docId === undefined ? undefined : `https://open.taobao.com/api.htm?docId=${docId}&docType=2`;
}

export interface MethodDocInput {
  method: string;
  title?: string;
  description?: string;
  auth: Auth;
  docUrl?: string;
}

export function describeMethod(spec: MethodDocInput): string {
  return joinBlocks([
    spec.title ? oneLine(spec.title) : undefined,
    spec.description ? commentText(spec.description) : undefined,
    `Method \`${spec.method}\`. ${AUTH_TEXT[spec.auth]}`,
    spec.docUrl ? `@see ${spec.docUrl}` : undefined,
  ]);
}

export function describeParams(spec: MethodDocInput): string {
  return `Business params of \`${spec.method}\`${spec.title ? ` (${oneLine(spec.title)})` : ''}, by wire name.`;
}

export function describeResponse(method: string, rootKey: string): string {
  return joinBlocks([
    `Success response of \`${method}\`: the object under \`${rootKey}\`.`,
    'Every field is optional: the gateway leaves out empty values.',
  ]);
}

export function describeStruct(specName: string, method: string, flavour: 'request' | 'response'): string {
  const use = flavour === 'request' ? 'sent in the request as JSON text' : 'part of the response';
  return `Struct \`${oneLine(specName)}\` of \`${method}\`, ${use}.`;
}

/** First line of a description, cut for a one-line index entry. */
export function summarise(description: string | undefined, max = 80): string {
  const first =
    (description ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const chars = [...first];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : first;
}
