/**
 * The HTTP body of a call: business params as `application/x-www-form-urlencoded;charset=utf-8`
 * (here), or `multipart/form-data` when a `byte[]` param is present (multipart.ts, bundled only
 * with the methods that have such params). System params go in the query string (client.ts).
 */
import { encodeForm } from './form-encode.js';

export interface RequestBody {
  /** The body of each attempt: the same text or bytes every time (files were read once, up front). */
  make: () => { body: string | Uint8Array<ArrayBuffer>; headers: Readonly<Record<string, string>> };
  multipart: boolean;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

const FORM_HEADERS: Readonly<Record<string, string>> = { 'content-type': FORM_CONTENT_TYPE };

/** The urlencoded body of a call's encoded text params, ready at once (no promise). */
export function formBody(text: Readonly<Record<string, string>>): RequestBody {
  const body = encodeForm(text);
  return { make: () => ({ body, headers: FORM_HEADERS }), multipart: false };
}
