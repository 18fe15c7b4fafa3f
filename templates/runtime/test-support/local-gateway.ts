/**
 * A scripted HTTP server on 127.0.0.1 (port 0) for the runtime's own tests: records what the
 * client really sent (query, headers, parsed body) and answers what each test scripts.
 * Not part of the published runtime (tests only).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPart {
  name: string;
  /** Text of a field part, or the bytes of a file part. */
  value: string | Uint8Array;
  filename?: string;
  contentType?: string;
}

export interface ReceivedRequest {
  httpMethod: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  contentType: string;
  /** Urlencoded or multipart body, parsed; file parts keep their bytes. */
  parts: ReceivedPart[];
}

export interface Reply {
  status?: number;
  contentType?: string;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Cut the connection without an answer. */
  destroy?: boolean;
}

export type ReplyScript = (request: ReceivedRequest, index: number) => Reply;

export interface LocalGateway {
  url: string;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

async function parseBody(contentType: string, raw: Buffer): Promise<ReceivedPart[]> {
  if (raw.length === 0) return [];
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const entries: { name: string; value: string | Blob }[] = [];
  form.forEach((value, name) => entries.push({ name, value }));
  const parts: ReceivedPart[] = [];
  for (const { name, value } of entries) {
    if (typeof value === 'string') parts.push({ name, value });
    else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      parts.push({ name, value: bytes, filename: (value as Blob & { name: string }).name, contentType: value.type });
    }
  }
  return parts;
}

/** Starts the server; `script` picks the answer of the n-th request (0-based). */
export async function startLocalGateway(script: ReplyScript): Promise<LocalGateway> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const contentType = req.headers['content-type'] ?? '';
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const received: ReceivedRequest = {
          httpMethod: req.method ?? '',
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          contentType,
          parts: await parseBody(contentType, Buffer.concat(chunks)),
        };
        const reply = script(received, requests.length);
        requests.push(received);
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        if (reply.destroy) return void req.socket.destroy();
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json;charset=UTF-8' });
        res.end(reply.body ?? '');
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/router/rest`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Text fields of a received body as a record (file parts left out). */
export function textFields(request: ReceivedRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of request.parts) if (typeof p.value === 'string') out[p.name] = p.value;
  return out;
}
