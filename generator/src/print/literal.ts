/**
 * Plain data → TypeScript literal text, for the metadata and fixtures generated modules declare.
 * Strings use single quotes and escape everything that could end the literal or change its
 * meaning (quotes, backslashes, line breaks, U+2028/U+2029); `${` and backticks need nothing in
 * a quoted string. Objects of scalars print on one line, others one entry per line; prettier
 * keeps that choice, so the layout is decided here.
 */
import { propertyKey } from '../ir/names.js';

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function stringLiteral(text: string): string {
  const body = text.replace(
    /[\\'\n\r\t\u2028\u2029]|[\u0000-\u001f\u007f]/g,
    (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${body}'`;
}

/** An expression printed as is, e.g. `TbkUvidEncryptRequest.meta` inside a fixture literal. */
export class Expression {
  constructor(readonly text: string) {}
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object' || value instanceof Expression;
}

function printScalar(value: unknown): string {
  if (value instanceof Expression) return value.text;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  throw new TypeError(`cannot print ${typeof value} as a literal`);
}

export function printLiteral(value: unknown, indent = ''): string {
  if (isScalar(value)) return printScalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    if (value.every(isScalar)) return `[${value.map(printScalar).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${printLiteral(v, inner)},\n`).join('')}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!entries.length) return '{}';
  if (entries.every(([, v]) => isScalar(v)))
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${printScalar(v)}`).join(', ')} }`;
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${printLiteral(v, inner)},\n`).join('')}${indent}}`;
}
