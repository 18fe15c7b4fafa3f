/**
 * Multipart bodies, for the methods with `byte[]` params only: the generated module of such a
 * method puts `multipart` in its `meta` (`MethodMeta.multipart`), so a program that calls no
 * such method carries none of this code. File params (file-input.ts) are read into memory once,
 * then the `multipart/form-data` body is serialised once by the platform's `Response` into bytes
 * and the content type with its boundary: every attempt of the call sends the same bytes, with
 * either transport. File parts are not signed.
 */
import { isFileInput, readFileInput, type FileInput } from './file-input.js';
import type { RequestBody } from './request-body.js';

export interface MultipartSupport {
  /** True for every accepted `FileInput` shape. */
  isFile(value: unknown): value is FileInput;
  /** The body of a call from its encoded text params and its file params. */
  body(text: Readonly<Record<string, string>>, files: Readonly<Record<string, FileInput>>): Promise<RequestBody>;
}

async function multipartBody(
  text: Readonly<Record<string, string>>,
  files: Readonly<Record<string, FileInput>>,
): Promise<RequestBody> {
  const form = new FormData();
  for (const [name, value] of Object.entries(text)) form.append(name, value);
  for (const [name, input] of Object.entries(files)) {
    const part = await readFileInput(input, name);
    form.append(name, part.blob, part.filename);
  }
  const response = new Response(form);
  const headers = { 'content-type': response.headers.get('content-type')! };
  const body = new Uint8Array(await response.arrayBuffer());
  return { make: () => ({ body, headers }), multipart: true };
}

export const multipart: MultipartSupport = { isFile: isFileInput, body: multipartBody };
