/**
 * The default transport on Node: `node:http` / `node:https` through one keep-alive agent per
 * client. Node 20's `fetch` (undici) costs about twice the CPU per request of `node:http`; for
 * a client whose calls are small and many (link conversion, order sync), that is most of its
 * own cost. The attempt's frame (timeout, abort, errors) is transport.ts's, as for `fetch`.
 * Idle keep-alive sockets do not keep the process alive (Node's agent unrefs them); `close()`
 * destroys them. Bodies are text (the form) or bytes (multipart, serialised by request-body.ts).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { declaredTooLarge, responseTooLarge } from './response-limit.js';
import { runAttempt, type HttpAnswer, type HttpAttempt } from './transport.js';

export type NodeAttempt = Omit<HttpAttempt, 'fetch'>;

export interface NodeTransport {
  send(attempt: NodeAttempt): Promise<HttpAnswer>;
  /** Destroys the pooled sockets; later calls open new ones. */
  close(): void;
}

/**
 * Options of both agents (each copies them): keep-alive, and sockets per host well above any
 * sane concurrency towards one gateway.
 */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64 };

/**
 * The first value of a header, read from the raw list: `response.headers` is built on first
 * read (an object and a lower-cased name per header), which `execute` never needs.
 */
function rawHeader(response: IncomingMessage, name: string): string | undefined {
  const raw = response.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === name.length && key.toLowerCase() === name) return raw[i + 1];
  }
  return undefined;
}

/**
 * The answer of a finished response. `headers` (repeated headers joined with `, `) is computed
 * when first read: `execute` never reads it, and building it costs as much as reading the answer.
 * A class, not an object literal with a getter: V8 promoted every such literal (and what it
 * holds) to the old generation, about 3 KB a call collected only by full GCs.
 */
class NodeAnswer implements HttpAnswer {
  // Declared, not class fields: the constructor creates them (no field code in the bundle).
  declare readonly status: number;
  declare readonly contentType: string | null;
  declare readonly body: string;
  readonly #response: IncomingMessage;
  #headers: Record<string, string> | undefined;
  constructor(response: IncomingMessage, chunks: Buffer[]) {
    this.#response = response;
    this.status = response.statusCode ?? 0;
    this.contentType = rawHeader(response, 'content-type') ?? null;
    this.body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  }
  get headers(): Record<string, string> {
    if (!this.#headers) {
      this.#headers = {};
      for (const [name, value] of Object.entries(this.#response.headers))
        if (value !== undefined) this.#headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return this.#headers;
  }
}

/** The gateway part of a URL, parsed once per gateway: only the query changes between calls. */
interface Target {
  base: string;
  secure: boolean;
  hostname: string;
  port: string;
  pathname: string;
}

export function createNodeTransport(): NodeTransport {
  let http: HttpAgent | undefined;
  let https: HttpsAgent | undefined;
  let last: Target | undefined;

  /** The target of a URL and where its query starts; the last one is compared in place, not sliced. */
  function targetOf(url: string, q: number): Target {
    if (last && q === last.base.length && url.startsWith(last.base)) return last;
    const base = q < 0 ? url : url.slice(0, q);
    if (last?.base === base) return last;
    const parsed = new URL(base);
    const secure = parsed.protocol === 'https:';
    return (last = {
      base,
      secure,
      hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
      port: parsed.port || (secure ? '443' : '80'),
      pathname: parsed.pathname,
    });
  }

  function send(attempt: NodeAttempt): Promise<HttpAnswer> {
    return runAttempt(attempt, (settle) => {
      const { url, init } = attempt;
      const body = (init.body ?? '') as string | Uint8Array;
      // The client hands each attempt its own headers object: the length is added to it.
      const headers = (init.headers ?? {}) as Record<string, string>;
      headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      const q = url.indexOf('?');
      const target = targetOf(url, q);
      const secure = target.secure;
      const request = (secure ? httpsRequest : httpRequest)({
        hostname: target.hostname,
        port: target.port,
        path: q < 0 ? target.pathname : target.pathname + url.slice(q),
        method: init.method ?? 'POST',
        headers,
        agent: secure ? (https ??= new HttpsAgent(AGENT_OPTIONS)) : (http ??= new HttpAgent(AGENT_OPTIONS)),
      });
      request.on('error', settle);
      request.on('response', (response: IncomingMessage) => {
        const limit = attempt.maxResponseBytes ?? Infinity;
        // Past the limit: stop reading; settling destroys the socket (it is not pooled again).
        const declared = declaredTooLarge(attempt, response.statusCode ?? 0, rawHeader(response, 'content-length'));
        if (declared) return settle(declared);
        const chunks: Buffer[] = [];
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limit) settle(responseTooLarge(attempt, response.statusCode ?? 0, chunks[0] ?? chunk));
          else chunks.push(chunk);
        });
        response.on('error', settle);
        // 'end' comes only after the whole answer; 'close' without it is a cut connection.
        response.on('end', () => settle(undefined, new NodeAnswer(response, chunks)));
        response.on('close', () => {
          if (!response.complete)
            settle(
              Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }),
            );
        });
      });
      request.end(body);
      return () => request.destroy();
    });
  }

  return {
    send,
    close() {
      http?.destroy();
      https?.destroy();
      http = https = undefined;
    },
  };
}
