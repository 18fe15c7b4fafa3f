/**
 * `TopClient`: validates params locally, signs, sends (system params in the query string,
 * business params in the body), decodes JSON (or XML, given the `xml` option) into the typed
 * response, and retries
 * transient failures (retry.ts), within the app's flow control (flow-control.ts). `execute`
 * returns the decoded object; `send` also returns the raw body, HTTP status and headers,
 * format, request id and attempt count.
 */
import {
  checkNumber,
  lowerCaseHeaders,
  resolveAppSecret,
  resolveClientOptions,
  type ResolvedClientOptions,
  type TopClientOptions,
} from './client-options.js';
import { decodeTopAnswer, type DecodedResponse, type ResponseFormat } from './decode-response.js';
import { encodeParams } from './encode-params.js';
import { TopClientError, TopError, TopResponseError, TopTransportError, TopValidationError } from './errors.js';
import { enterFlowGate, recordBan, type FlowGate } from './flow-control.js';
import { emitLog, type TopResponseEvent } from './logger.js';
import { MemoryFlowStore } from './memory-flow-store.js';
import { encodeFormComponent } from './form-encode.js';
import { formBody } from './request-body.js';
import type { MethodMeta } from './metadata.js';
import type { ResponseOf, TopRequest } from './request.js';
import { redactText, redactUrl } from './redact.js';
import { decideRetry, sleep } from './retry.js';
import { assertRequest } from './assert-request.js';
import { createSigner, type Signer } from './sign.js';
import { formatTopTimestamp } from './timestamp.js';
import { createNodeTransport, type NodeAttempt } from './node-transport.js';
import { sendHttp, type HttpAnswer } from './transport.js';
import { checkParams } from './validate-params.js';
import { defaultUserAgent } from './version.js';

export type { TopClientOptions } from './client-options.js';

export interface CallOptions {
  /** The user's session key, for methods that need user authorisation. */
  session?: string;
  /** Aborts the call at once, attempts and waits alike (not retried). */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call (default: the client's `timeoutMs`). */
  timeoutMs?: number;
  /** Retries after the first attempt for this call (default: the client's `maxRetries`). */
  maxRetries?: number;
  /** Extra HTTP headers of this call (over the client's; the body's content type stays the client's). */
  headers?: Record<string, string>;
}

export interface TopResult<R> {
  /** The decoded object under the root key (with `request_id` when the gateway sent one). */
  data: R;
  requestId: string | undefined;
  /** HTTP status of the answer. */
  status: number;
  /** HTTP headers of the answer, names in lower case. */
  headers: Record<string, string>;
  /** The raw body of the answer. */
  body: string;
  format: ResponseFormat;
  /** HTTP attempts made (1 when the first one succeeded). */
  attempts: number;
}

type AnyRequest = TopRequest<object, object>;

/** What a client and the clients `withOptions` derives from it share. */
interface Shared {
  send: (attempt: NodeAttempt) => Promise<HttpAnswer>;
  close: () => void;
  store: MemoryFlowStore;
}

/** `&name=value` of the params that are set, form-encoded. */
function queryText(params: Record<string, string | false | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(params)) if (value) out += `&${name}=${encodeFormComponent(value)}`;
  return out;
}

export class TopClient {
  // Declared, not class fields: the constructor creates them (no field code in the bundle).
  declare readonly appKey: string;
  declare readonly gateway: string;
  readonly #secret: string;
  readonly #sign: Signer;
  readonly #given: TopClientOptions;
  readonly #options: ResolvedClientOptions;
  #shared: Shared;
  #gate: FlowGate;
  /** Headers of every call: the User-Agent and the `headers` option. */
  readonly #headers: Record<string, string>;
  /**
   * The signed system params, sorted by name: those fixed for the client with their values,
   * `method`, `session` and `timestamp` as slots filled per call and per attempt.
   */
  readonly #system: readonly (readonly [string, string])[];
  /** Encoded query text of the params fixed for the client: before the timestamp, after it, after the session. */
  readonly #query: readonly [string, string, string];
  /** The normalised gateway URL when it has no query or fragment of its own. */
  readonly #base: string | undefined;
  #timestamp = '';
  #timestampQuery = '';

  /** Options left out are read from `TOP_APP_KEY` / `TOP_APP_SECRET` (credentials) or defaulted. */
  constructor(options: TopClientOptions = {}) {
    const o = (this.#options = resolveClientOptions(options));
    this.#secret = resolveAppSecret(options);
    this.#sign = createSigner(this.#secret, o.signMethod);
    this.#given = options;
    this.appKey = o.appKey;
    this.gateway = o.gateway;
    this.#headers = { 'user-agent': defaultUserAgent(), ...o.headers };
    // The fixed params in query order: the app key, those before the session, those after it.
    const middle = { v: '2.0', sign_method: o.signMethod, format: o.format, simplify: o.simplify && 'true' };
    const end = { partner_id: o.partnerId, target_app_key: o.targetAppKey };
    const fixed = { app_key: o.appKey, ...middle, ...end };
    const system: [string, string][] = [
      ['method', ''],
      ['session', ''],
      ['timestamp', ''],
    ];
    for (const [name, value] of Object.entries(fixed)) if (value) system.push([name, value]);
    this.#system = system.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    this.#query = [`&app_key=${encodeFormComponent(o.appKey)}&timestamp=`, queryText(middle), queryText(end)];
    const gateway = new URL(o.gateway);
    this.#base = gateway.search === '' && gateway.hash === '' && !o.gateway.includes('?') ? gateway.href : undefined;
    const fetch = o.fetch;
    const store = new MemoryFlowStore();
    this.#shared = fetch
      ? { send: (attempt) => sendHttp({ ...attempt, fetch }), close: () => {}, store }
      : { ...createNodeTransport(), store };
    this.#gate = this.#gateOf(store);
  }

  #gateOf(store: MemoryFlowStore): FlowGate {
    const o = this.#options;
    return { appKey: o.appKey, store: o.flowControl ?? store, rateLimit: o.rateLimit, maxBanWaitMs: o.maxBanWaitMs };
  }

  /**
   * A client with these options over this one's, sharing its connection pool (unless `fetch` is
   * given) and its in-memory flow-control state.
   */
  withOptions(options: TopClientOptions): TopClient {
    const child = new TopClient({ ...this.#given, appKey: this.appKey, appSecret: this.#secret, ...options });
    child.#shared = options.fetch === undefined ? this.#shared : { ...child.#shared, store: this.#shared.store };
    child.#gate = child.#gateOf(this.#shared.store);
    return child;
  }

  /**
   * Closes the idle keep-alive connections (they never keep the process alive; this frees them
   * now), those of the clients sharing the pool included.
   */
  close(): void {
    this.#shared.close();
  }

  /** Calls the method and returns the decoded response (`TopError` on `error_response`). */
  execute<Q extends AnyRequest>(request: Q, options: CallOptions = {}): Promise<ResponseOf<Q>> {
    return this.#call(request, options, false) as Promise<ResponseOf<Q>>;
  }

  /** Like `execute`, with the raw body, status, format, request id and attempt count. */
  send<Q extends AnyRequest>(request: Q, options: CallOptions = {}): Promise<TopResult<ResponseOf<Q>>> {
    return this.#call(request, options, true) as Promise<TopResult<ResponseOf<Q>>>;
  }

  /**
   * The signing string of a call around its timestamp (the one value that changes between
   * attempts): `name + value` of the system and business text params in name order, a system
   * param winning over a business one of the same name, `sign` left out. The business names
   * are merged into the client's sorted system names: no params object is built or sorted.
   */
  #signingParts(method: string, session: string | undefined, text: Record<string, string>): [string, string] {
    const system = this.#system;
    const names = Object.keys(text).sort();
    let before = '';
    let out = '';
    for (let i = 0, j = 0; i < system.length || j < names.length;) {
      const name = names[j];
      const [key, value] = system[i] ?? [];
      if (key === undefined || (name !== undefined && name < key)) {
        j++;
        if (name !== 'sign') out += name! + text[name!];
        continue;
      }
      i++;
      if (key === name) j++;
      if (key === 'timestamp') {
        before = out;
        out = '';
      } else if (key === 'method') out += key + method;
      else if (key === 'session') out += session ? key + session : '';
      else out += key + value;
    }
    return [before, out];
  }

  /**
   * The URL of one attempt: the gateway with the system params in its query. A gateway without
   * a query of its own (the usual case) takes them appended; otherwise they are set into its
   * query. `call` is the encoded `method=…` and `&session=…` of the call.
   */
  #url(call: readonly [string, string], timestamp: string, sign: string): string {
    if (timestamp !== this.#timestamp) {
      this.#timestamp = timestamp;
      this.#timestampQuery = encodeFormComponent(timestamp);
    }
    const [middle, tail, end] = this.#query;
    const query = `${call[0]}${middle}${this.#timestampQuery}${tail}${call[1]}${end}&sign=${sign}`;
    if (this.#base !== undefined) return `${this.#base}?${query}`;
    const url = new URL(this.#options.gateway);
    for (const [name, value] of new URLSearchParams(query)) url.searchParams.set(name, value);
    return url.href;
  }

  /**
   * One call: `execute` (full false: the data alone) and `send` (the whole result). One async
   * function awaits the transport directly; a call without files, ban or rate limit meets no
   * other promise.
   */
  async #call(request: AnyRequest, options: CallOptions, full: boolean): Promise<unknown> {
    assertRequest(request);
    const { meta } = request;
    const { session, signal } = options;
    const method = meta.method;
    const o = this.#options;
    const secrets = [this.#secret, session];
    const redact = (text: string): string => redactText(text, secrets);
    const problems = checkParams(meta, request.params, meta.checks ?? {});
    if (problems.length > 0) {
      throw new TopValidationError(
        method,
        problems.map((p) => ({ param: p.param, message: redact(p.message) })),
      );
    }
    signal?.throwIfAborted();
    const policy =
      options.maxRetries === undefined ? o : { ...o, maxRetries: checkNumber('maxRetries', options.maxRetries, true) };
    const encoded = encodeParams(meta, request.params as Record<string, unknown>);
    const body = encoded.hasFiles ? await meta.multipart!.body(encoded.text, encoded.files) : formBody(encoded.text);
    const headers =
      options.headers === undefined
        ? this.#headers
        : { ...this.#headers, ...lowerCaseHeaders(options.headers, method) };
    const sent = session?.trim() ? session : undefined; // a blank session is not sent
    const signing = this.#signingParts(method, sent, encoded.text);
    const query = [
      `method=${encodeFormComponent(method)}`,
      sent ? `&session=${encodeFormComponent(sent)}` : '',
    ] as const;
    for (let attempt = 1; ; attempt++) {
      try {
        const wait = enterFlowGate(this.#gate, method, signal);
        if (wait) await wait;
      } catch (error) {
        if (error instanceof TopClientError) error.attempts = attempt - 1;
        throw error;
      }
      try {
        const started = o.logger ? performance.now() : 0;
        // A fresh timestamp and signature for every attempt.
        const timestamp = formatTopTimestamp(o.now());
        const url = this.#url(query, timestamp, this.#sign(`${signing[0]}timestamp${timestamp}${signing[1]}`));
        const made = body.make();
        // Log events are built only for a logger: redacting the URL costs more than the rest of a call.
        if (o.logger) {
          const shown = redactUrl(new URL(url), secrets);
          emitLog(o.logger, {
            type: 'request',
            level: 'debug',
            method,
            attempt,
            url: shown,
            multipart: body.multipart,
          });
        }
        const answer = await this.#shared.send({
          url,
          init: { method: 'POST', headers: Object.assign({}, headers, made.headers), body: made.body },
          timeoutMs: options.timeoutMs ?? o.timeoutMs,
          signal,
          method,
          redact,
          maxResponseBytes: o.maxResponseBytes,
        });
        const result = this.#readAnswer(meta, redact, attempt, answer, started);
        if (!full) return result.data;
        return {
          data: result.data,
          requestId: result.requestId,
          status: answer.status,
          headers: answer.headers,
          body: answer.body,
          format: result.format,
          attempts: attempt,
        } satisfies TopResult<unknown>;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof TopClientError) error.attempts = attempt;
        const recording = recordBan(this.#gate, error);
        if (recording) await recording;
        const decision = decideRetry(error, attempt, policy);
        if (!decision.retry) throw error;
        if (o.logger)
          emitLog(o.logger, {
            type: 'retry',
            level: 'warn',
            method,
            attempt,
            reason: decision.reason,
            delayMs: decision.delayMs,
          });
        await sleep(decision.delayMs, signal);
      }
    }
  }

  /** The decoded answer of one attempt, or the error it is (HTTP 5xx, TOP error, bad body). */
  #readAnswer(
    meta: MethodMeta,
    redact: (text: string) => string,
    attempt: number,
    answer: HttpAnswer,
    started: number,
  ): DecodedResponse {
    const { method } = meta;
    const { status, body } = answer;
    const log = this.#options.logger;
    const logged = (fields: Pick<TopResponseEvent, 'requestId' | 'outcome' | 'code' | 'subCode'>): void => {
      const ms = Math.round(performance.now() - started);
      emitLog(log, { type: 'response', level: 'debug', method, attempt, status, ms, ...fields });
    };
    if (status >= 500) {
      if (log) logged({ requestId: undefined, outcome: 'http-error' });
      const message = `${method}: HTTP ${status} from the gateway`;
      throw new TopTransportError(method, message, { kind: 'http', status, body: redact(body) });
    }
    let decoded: DecodedResponse;
    try {
      decoded = decodeTopAnswer(meta, body, { contentType: answer.contentType, status, redact }, this.#options.xml);
    } catch (error) {
      if (log) {
        if (!(error instanceof TopError)) logged({ requestId: undefined, outcome: 'bad-body' });
        else {
          const fields = { requestId: error.requestId, outcome: 'top-error', code: error.code } as const;
          logged(error.subCode !== undefined ? { ...fields, subCode: error.subCode } : fields);
        }
      }
      throw error;
    }
    if (log) logged({ requestId: decoded.requestId, outcome: 'ok' });
    if (status < 200 || status > 299)
      throw new TopResponseError(method, 'a success body with an HTTP error status', redact(body), status);
    return decoded;
  }
}
