/**
 * Business-param checks: required params (40), then the type of each given param (41), both in
 * the method's declaration order so the reported param is deterministic. Types follow the wire
 * rules of docs/design.md "Agreed TOP type → TypeScript mapping": Number is an integer literal,
 * Boolean `true`/`false`, Price decimal text, Json and struct params JSON text, scalar lists
 * comma-joined, byte[] a multipart file part.
 */
import type { FieldMeta, MethodMeta } from '../runtime/metadata.js';
import { topErrors, type GatewayError } from './error-responses.js';
import type { ParsedRequest } from './parse-request.js';

export function checkBusinessParams(meta: MethodMeta, request: ParsedRequest): GatewayError | undefined {
  const fileNames = new Set(request.files.map((f) => f.name));
  for (const field of meta.request) {
    const value = request.params[field.name];
    const given = (value !== undefined && value.trim() !== '') || fileNames.has(field.name);
    if (field.required && !given) return topErrors.missingRequiredArguments(field.name);
  }
  for (const field of meta.request) {
    const value = request.params[field.name];
    if (field.kind === 'file') {
      if (value !== undefined && value !== '')
        return topErrors.invalidArguments(field.name, `${field.name} must be a file upload (multipart/form-data)`);
      continue;
    }
    if (value === undefined || value.trim() === '') continue;
    const problem = typeProblem(field, value);
    if (problem) return topErrors.invalidArguments(field.name, problem);
  }
  return undefined;
}

/** Why `value` is not a valid wire value for `field`, or undefined when it is. */
export function typeProblem(field: FieldMeta, value: string): string | undefined {
  if (field.kind === 'struct' || field.kind === 'json') return jsonProblem(field, value);
  const items = field.list ? value.split(',') : [value];
  for (const item of items) {
    const problem = scalarProblem(field, item.trim());
    if (problem) return problem;
  }
  return undefined;
}

function scalarProblem(field: FieldMeta, item: string): string | undefined {
  switch (field.kind) {
    case 'number':
      return /^-?\d+$/.test(item) ? undefined : `${field.name} must be an integer, got ${JSON.stringify(item)}`;
    case 'boolean':
      return /^(true|false)$/i.test(item)
        ? undefined
        : `${field.name} must be true or false, got ${JSON.stringify(item)}`;
    case 'price':
      return /^-?\d+(\.\d+)?$/.test(item)
        ? undefined
        : `${field.name} must be a decimal number, got ${JSON.stringify(item)}`;
    default:
      return undefined;
  }
}

function jsonProblem(field: FieldMeta, value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return `${field.name} must be JSON text`;
  }
  if (field.kind === 'json') return undefined;
  const isArray = Array.isArray(parsed);
  const isObject = typeof parsed === 'object' && parsed !== null && !isArray;
  if (field.list && !isArray) return `${field.name} must be a JSON array of ${field.struct ?? 'objects'}`;
  if (!field.list && !isObject) return `${field.name} must be a JSON object (${field.struct ?? 'struct'})`;
  return undefined;
}
