/**
 * The HTTP body of a call: business params as `application/x-www-form-urlencoded;charset=utf-8`,
 * or `multipart/form-data` when a `byte[]` param is present (file parts are not signed; the
 * boundary header is set by fetch). System params go in the query string (client.ts).
 */
import { readFileInput, type FileInput, type FilePart } from './file-input.js';

export interface RequestBody {
  /** A fresh body for each attempt (streams were read once, up front). */
  make: () => { body: string | FormData; headers: Record<string, string> };
  multipart: boolean;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** Prepares the body of a call from encoded text params and file params. */
export async function prepareRequestBody(
  text: Record<string, string>,
  files: Record<string, FileInput>,
): Promise<RequestBody> {
  const names = Object.keys(files);
  if (names.length === 0) {
    const body = new URLSearchParams(text).toString();
    return { make: () => ({ body, headers: { 'content-type': FORM_CONTENT_TYPE } }), multipart: false };
  }
  const parts = new Map<string, FilePart>();
  for (const name of names) parts.set(name, await readFileInput(files[name]!, name));
  const make = (): { body: FormData; headers: Record<string, string> } => {
    const form = new FormData();
    for (const [name, value] of Object.entries(text)) form.append(name, value);
    for (const [name, part] of parts) form.append(name, part.blob, part.filename);
    return { body: form, headers: {} };
  };
  return { make, multipart: true };
}
