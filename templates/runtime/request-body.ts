/**
 * The HTTP body of a call: business params as `application/x-www-form-urlencoded;charset=utf-8`,
 * or `multipart/form-data` when a `byte[]` param is present (file parts are not signed),
 * serialised once by the platform's `Response` into bytes and the content type with its
 * boundary, so both transports send the same bytes on every attempt. System params go in the
 * query string (client.ts).
 */
import { readFileInput, type FileInput, type FilePart } from './file-input.js';
import { encodeForm } from './form-encode.js';

export interface RequestBody {
  /** A fresh body for each attempt (streams were read once, up front). */
  make: () => { body: string | Uint8Array<ArrayBuffer>; headers: Readonly<Record<string, string>> };
  multipart: boolean;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

const FORM_HEADERS: Readonly<Record<string, string>> = { 'content-type': FORM_CONTENT_TYPE };

/**
 * Prepares the body of a call from encoded text params and file params: at once for a form body
 * (no promise), after reading the files for a multipart one.
 */
export function prepareRequestBody(
  text: Record<string, string>,
  files: Record<string, FileInput>,
): RequestBody | Promise<RequestBody> {
  const names = Object.keys(files);
  if (names.length === 0) {
    const body = encodeForm(text);
    return { make: () => ({ body, headers: FORM_HEADERS }), multipart: false };
  }
  return prepareMultipart(text, files, names);
}

async function prepareMultipart(
  text: Record<string, string>,
  files: Record<string, FileInput>,
  names: string[],
): Promise<RequestBody> {
  const parts = new Map<string, FilePart>();
  for (const name of names) parts.set(name, await readFileInput(files[name]!, name));
  const form = new FormData();
  for (const [name, value] of Object.entries(text)) form.append(name, value);
  for (const [name, part] of parts) form.append(name, part.blob, part.filename);
  const response = new Response(form);
  const headers = { 'content-type': response.headers.get('content-type')! };
  const body = new Uint8Array(await response.arrayBuffer());
  return { make: () => ({ body, headers }), multipart: true };
}
