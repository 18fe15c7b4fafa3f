/**
 * `multipart/form-data` bodies (RFC 7578), as sent when a method has a `byte[]` param (the
 * curl sample of spec/pages seed 001 uploads with `-F`). A part with a `filename` is a file;
 * any other part is a text param.
 */

export interface FilePart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartFields {
  text: Record<string, string>;
  files: FilePart[];
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

export function readMultipart(body: Buffer, boundary: string): MultipartFields {
  const result: MultipartFields = { text: Object.create(null) as Record<string, string>, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw new MultipartError('multipart body without its boundary');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return result;
    at = skipLineBreak(body, at);
    const next = body.indexOf(delimiter, at);
    if (next < 0) throw new MultipartError('multipart body not closed by its final boundary');
    // The line break before a delimiter belongs to the delimiter, not to the part.
    const end = body[next - 1] !== 0x0a ? next : body[next - 2] === 0x0d ? next - 2 : next - 1;
    addPart(result, body.subarray(at, end));
    at = next;
  }
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  if (body[at] === 0x0a) return at + 1;
  return at;
}

function addPart(result: MultipartFields, part: Buffer): void {
  let split = part.indexOf('\r\n\r\n');
  let gap = 4;
  if (split < 0) {
    split = part.indexOf('\n\n');
    gap = 2;
  }
  if (split < 0) throw new MultipartError('multipart part without a header block');
  const headers = parseHeaders(part.subarray(0, split).toString('utf8'));
  const data = part.subarray(split + gap);
  const disposition = headers['content-disposition'] ?? '';
  const name = dispositionParam(disposition, 'name');
  if (name === undefined) throw new MultipartError('multipart part without a name');
  const filename = dispositionParam(disposition, 'filename');
  if (filename === undefined) {
    result.text[name] = data.toString('utf8');
    return;
  }
  const file: FilePart = { name, filename, data: Buffer.from(data) };
  const contentType = headers['content-type'];
  if (contentType !== undefined) file.contentType = contentType;
  result.files.push(file);
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function dispositionParam(disposition: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}
