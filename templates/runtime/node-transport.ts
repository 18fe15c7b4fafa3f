/**
 * The default transport on Node: `node:http` / `node:https` through one keep-alive agent per
 * client. Node 20's `fetch` (undici) costs about twice the CPU per request of `node:http`; for
 * a client whose calls are small and many (link conversion, order sync), that is most of its
 * own cost. Same contract as the fetch transport (transport.ts): the whole answer as text; a
 * timeout or a network failure becomes a `TopTransportError` (retried by the client); the
 * caller's `AbortSignal` rejects at once with its reason. Idle keep-alive sockets do not keep
 * the process alive (Node's agent unrefs them); `close()` destroys them.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { declaredTooLarge, responseTooLarge } from './response-limit.js';
import { networkError, timeoutError, type HttpAnswer, type HttpAttempt } from './transport.js';

export type NodeAttempt = Omit<HttpAttempt, 'fetch'>;

export interface NodeTransport {
  send(attempt: NodeAttempt): Promise<HttpAnswer>;
  /** Destroys the pooled sockets; later calls open new ones. */
  close(): void;
}

/** Sockets per host and agent: well above any sane concurrency towards one gateway. */
const MAX_SOCKETS = 64;

/** A multipart body as bytes with its boundary header (serialised by the platform's Response). */
async function multipartBytes(body: BodyInit, headers: Record<string, string>): Promise<Uint8Array> {
  const response = new Response(body);
  const type = response.headers.get('content-type');
  if (type) headers['content-type'] = type;
  return new Uint8Array(await response.arrayBuffer());
}

/** The answer's headers as text, repeated headers joined with `, ` (`set-cookie` too). */
function headersOf(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

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
 * The answer of a finished response. `headers` is computed when first read: `execute` never
 * reads it, and building it costs as much as the rest of reading the answer.
 */
function answerOf(response: IncomingMessage, chunks: Buffer[]): HttpAnswer {
  let headers: Record<string, string> | undefined;
  const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return {
    status: response.statusCode ?? 0,
    contentType: rawHeader(response, 'content-type') ?? null,
    get headers(): Record<string, string> {
      return (headers ??= headersOf(response));
    },
    body,
  };
}

export function createNodeTransport(): NodeTransport {
  let http: HttpAgent | undefined;
  let https: HttpsAgent | undefined;
  const agentFor = (secure: boolean): HttpAgent =>
    secure
      ? (https ??= new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }))
      : (http ??= new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }));

  // The gateway part of the URL parsed once: only the query changes from call to call.
  type Target = { secure: boolean; hostname: string; port: string; pathname: string };
  const targets = new Map<string, Target>();
  let lastBase: string | undefined;
  let lastTarget: Target | undefined;
  const targetOf = (url: string): { secure: boolean; options: { hostname: string; port: string; path: string } } => {
    const q = url.indexOf('?');
    const base = q < 0 ? url : url.slice(0, q);
    let target = base === lastBase ? lastTarget : targets.get(base);
    if (!target) {
      const parsed = new URL(base);
      target = {
        secure: parsed.protocol === 'https:',
        hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: parsed.port,
        pathname: parsed.pathname,
      };
      if (targets.size > 16) targets.clear();
      targets.set(base, target);
    }
    lastBase = base;
    lastTarget = target;
    const port = target.port || (target.secure ? '443' : '80');
    return {
      secure: target.secure,
      options: { hostname: target.hostname, port, path: target.pathname + (q < 0 ? '' : url.slice(q)) },
    };
  };

  function send(attempt: NodeAttempt): Promise<HttpAnswer> {
    if (attempt.signal?.aborted) return Promise.reject(attempt.signal.reason as Error);
    const body = attempt.init.body;
    // The client hands each attempt its own headers object: the length is added to it.
    const headers = (attempt.init.headers ?? {}) as Record<string, string>;
    if (typeof body === 'string' || body === undefined || body === null) {
      headers['content-length'] = String(body ? Buffer.byteLength(body) : 0);
      return exchange(attempt, body ?? '', headers);
    }
    return multipartBytes(body as BodyInit, headers).then((bytes) => {
      headers['content-length'] = String(bytes.byteLength);
      return exchange(attempt, bytes, headers);
    });
  }

  function exchange(
    attempt: NodeAttempt,
    bytes: string | Uint8Array,
    headers: Record<string, string>,
  ): Promise<HttpAnswer> {
    const { signal } = attempt;
    const { secure, options } = targetOf(attempt.url);
    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      let request: ClientRequest | undefined;
      const finish = (error: unknown, answer?: HttpAnswer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (answer) return resolve(answer);
        if (signal?.aborted) return reject(signal.reason);
        reject(timedOut ? timeoutError(attempt) : networkError(attempt, error));
      };
      const onAbort = (): void => {
        request?.destroy();
        finish(signal!.reason);
      };
      const limited = attempt.timeoutMs > 0 && Number.isFinite(attempt.timeoutMs);
      const timer = limited
        ? setTimeout(() => {
            timedOut = true;
            request?.destroy();
            finish(new Error('timeout'));
          }, attempt.timeoutMs)
        : undefined;
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        request = (secure ? httpsRequest : httpRequest)({
          ...options,
          method: attempt.init.method ?? 'POST',
          headers,
          agent: agentFor(secure),
        });
      } catch (error) {
        return finish(error);
      }
      request.on('error', (error) => finish(error));
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        const limit = attempt.maxResponseBytes;
        const status = response.statusCode ?? 0;
        // Past the limit: stop reading and destroy the socket (it is not returned to the pool).
        const stop = (head: Uint8Array | undefined, length?: number): void => {
          const error = responseTooLarge(attempt.method, limit!, status, head, attempt.redact, length);
          request?.destroy();
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        };
        const declared =
          limit === undefined ? undefined : declaredTooLarge(rawHeader(response, 'content-length'), limit);
        if (declared !== undefined) return stop(undefined, declared);
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (limit !== undefined && total > limit) return stop(chunks[0] ?? chunk);
          chunks.push(chunk);
        });
        response.on('error', (error) => finish(error));
        // 'end' comes only after the whole answer; 'close' without it is a cut connection.
        response.on('end', () => finish(undefined, answerOf(response, chunks)));
        response.on('close', () => {
          if (!response.complete)
            finish(
              Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }),
            );
        });
      });
      request.end(bytes);
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
