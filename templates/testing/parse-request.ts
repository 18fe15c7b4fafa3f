/**
 * One HTTP request to `/router/rest` → its text params and file parts. System params may come
 * in the query or in the body: the official SDKs differ (the Java and .NET SDKs put them in the
 * query; node-taobao-topclient and topsdk post everything as one form). A body param wins over
 * a query param of the same name.
 */
import { boundaryOf, readMultipart, type FilePart } from './multipart-body.js';

export interface ParsedRequest {
  httpMethod: string;
  path: string;
  contentType?: string;
  /** Every text param, query and body merged. */
  params: Record<string, string>;
  /** Names of the params that came in the query string. */
  queryNames: string[];
  files: FilePart[];
}

export class RequestBodyError extends Error {}

export function parseRequest(
  httpMethod: string,
  rawUrl: string,
  contentType: string | undefined,
  body: Buffer,
): ParsedRequest {
  const url = new URL(rawUrl, 'http://127.0.0.1');
  // No prototype: a param named `__proto__` or `constructor` is just a param.
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const queryNames: string[] = [];
  for (const [name, value] of url.searchParams) {
    params[name] = value;
    queryNames.push(name);
  }
  const result: ParsedRequest = { httpMethod, path: url.pathname, params, queryNames, files: [] };
  if (contentType !== undefined) result.contentType = contentType;
  if (httpMethod === 'GET' || httpMethod === 'HEAD' || body.length === 0) return result;

  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params[name] = value;
  } else if (mediaType === 'multipart/form-data') {
    const boundary = boundaryOf(contentType ?? '');
    if (!boundary) throw new RequestBodyError('multipart/form-data without a boundary');
    try {
      const fields = readMultipart(body, boundary);
      for (const [name, value] of Object.entries(fields.text)) params[name] = value;
      result.files = fields.files;
    } catch (e) {
      throw new RequestBodyError((e as Error).message);
    }
  } else {
    throw new RequestBodyError(`unsupported content type ${JSON.stringify(contentType ?? '')}`);
  }
  return result;
}
