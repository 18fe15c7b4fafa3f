/**
 * What the JSON and XML decoders (decode-response.ts, decode-xml.ts) share about answers that
 * are not a success: the fields of a TOP `error_response`, read the same way from a JSON object
 * and from XML child elements, and the error for a body its parser refuses.
 */
import type { DecodeOptions } from './decode-options.js';
import { TopResponseError, type TopErrorFields } from './errors.js';
import type { MethodMeta } from './metadata.js';

/** A field's value as text (`undefined` for a missing or null one). */
export function fieldText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** `code`, `msg`, `sub_code`, `sub_msg` and `request_id` by `get`; texts redacted. */
export function errorFields(get: (key: string) => unknown, redact: (s: string) => string): TopErrorFields {
  const code = Number(fieldText(get('code')) ?? NaN);
  const subMsg = fieldText(get('sub_msg'));
  return {
    code: Number.isFinite(code) ? code : 0,
    msg: redact(fieldText(get('msg')) ?? ''),
    subCode: fieldText(get('sub_code')),
    subMsg: subMsg === undefined ? undefined : redact(subMsg),
    requestId: fieldText(get('request_id')),
  };
}

/** `parse(body)`, or a `TopResponseError` "invalid <format> (<parser message>)", both redacted. */
export function parseAnswer<T>(
  meta: MethodMeta,
  body: string,
  options: DecodeOptions,
  redact: (s: string) => string,
  format: 'JSON' | 'XML',
  parse: (body: string) => T,
): T {
  try {
    return parse(body);
  } catch (e) {
    const message = `invalid ${format} (${redact((e as Error).message)})`;
    throw new TopResponseError(meta.method, message, redact(body), options.status);
  }
}
