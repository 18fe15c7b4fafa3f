/**
 * The fields of a TOP `error_response`, read the same way from a JSON object and from XML
 * child elements (decode-response.ts, decode-xml.ts).
 */
import type { TopErrorFields } from './errors.js';

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
