/**
 * `byte[]` params (e.g. `pic_stream` of taobao.tbk.sc.pic.embed): uploaded as a multipart
 * part, never signed. Streams are read into memory once, so a retried call can send the same
 * bytes again.
 */
import type { Readable } from 'node:stream';

export type FileData = Blob | Uint8Array | Readable | ReadableStream<Uint8Array>;

/** A file param: the bytes, or the bytes with a file name and a content type. */
export type FileInput = FileData | { data: FileData; filename?: string; contentType?: string };

export interface FilePart {
  blob: Blob;
  filename: string;
}

function isNodeReadable(value: object): value is Readable {
  const v = value as { pipe?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof v.pipe === 'function' && typeof v[Symbol.asyncIterator] === 'function';
}

function isWebStream(value: object): value is ReadableStream<Uint8Array> {
  return typeof (value as { getReader?: unknown }).getReader === 'function';
}

function isFileData(value: unknown): value is FileData {
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Blob || value instanceof Uint8Array || isNodeReadable(value) || isWebStream(value);
}

/** True for every accepted `FileInput` shape. */
export function isFileInput(value: unknown): value is FileInput {
  if (isFileData(value)) return true;
  return typeof value === 'object' && value !== null && 'data' in value && isFileData(value.data);
}

async function readChunks(chunks: AsyncIterable<unknown>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) {
    out.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  }
  return out;
}

async function readWebStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const out: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

/** Reads a file param into a `Blob` with a file name (default: the param name). */
export async function readFileInput(input: FileInput, paramName: string): Promise<FilePart> {
  const wrapped = !isFileData(input) ? input : undefined;
  const data: FileData = wrapped ? wrapped.data : (input as FileData);
  const named = (data as { name?: unknown }).name;
  const filename = wrapped?.filename ?? (typeof named === 'string' && named ? named : paramName);
  const type = wrapped?.contentType ?? (data instanceof Blob && data.type ? data.type : 'application/octet-stream');
  let parts: (Blob | Uint8Array)[];
  if (data instanceof Blob || data instanceof Uint8Array) parts = [data];
  else if (isNodeReadable(data)) parts = await readChunks(data);
  else parts = await readWebStream(data);
  // Any Uint8Array is a valid blob part at run time; TS 5.9 types only ArrayBuffer-backed views.
  return { blob: new Blob(parts as ConstructorParameters<typeof Blob>[0], { type }), filename };
}
