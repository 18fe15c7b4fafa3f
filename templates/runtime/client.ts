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
import { emitLog } from './logger.js';
import { MemoryFlowStore } from './memory-flow-store.js';
import { encodeFormComponent } from './form-encode.js';
import { prepareRequestBody, type RequestBody } from './request-body.js';
import type { ResponseOf, TopRequest } from './request.js';
import { redactText, redactUrl } from './redact.js';
import { decideRetry, sleep } from './retry.js';
import { assertRequest } from './assert-request.js';
import { createSigner, type Signer } from './sign.js';
import { formatTopTimestamp } from './timestamp.js';
import { createNodeTransport } from './node-transport.js';
import { sendHttp, type HttpAnswer, type HttpAttempt } from './transport.js';
import { validateParams } from './validate-params.js';
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

interface Call {
  request: AnyRequest;
  body: RequestBody;
  text: Record<string, string>;
  options: CallOptions;
  /** Request headers of every attempt besides the body's own. */
  headers: Record<string, string>;
  redact: (text: string) => string;
}

/** What a client and the clients `withOptions` derives from it share. */
interface Shared {
  send: (attempt: Omit<HttpAttempt, 'fetch'>) => Promise<HttpAnswer>;
  close: () => void;
  store: MemoryFlowStore;
}

export class TopClient {
  readonly appKey: string;
  readonly gateway: string;
  readonly #secret: string;
  readonly #sign: Signer;
  readonly #given: TopClientOptions;
  readonly #options: ResolvedClientOptions;
  #shared: Shared;
  #gate: FlowGate;
  /** Headers of every call: the User-Agent and the `headers` option. */
  readonly #headers: Record<string, string>;
  /** The normalised gateway URL when it has no query or fragment of its own. */
  readonly #gatewayBase: string | undefined;
  /** Encoded query text of the params fixed for the client: around the timestamp, then after the session. */
  readonly #queryParts: readonly [string, string];
  readonly #queryEnd: string;

  /** Options left out are read from `TOP_APP_KEY` / `TOP_APP_SECRET` (credentials) or defaulted. */
  constructor(options: TopClientOptions = {}) {
    this.#options = resolveClientOptions(options);
    this.#secret = resolveAppSecret(options);
    this.#sign = createSigner(this.#secret, this.#options.signMethod);
    this.#given = options;
    this.appKey = this.#options.appKey;
    this.gateway = this.#options.gateway;
    this.#headers = { 'user-agent': defaultUserAgent(), ...this.#options.headers };
    const gateway = new URL(this.gateway);
    this.#gatewayBase =
      gateway.search === '' && gateway.hash === '' && !this.gateway.includes('?') ? gateway.href : undefined;
    const o = this.#options;
    const fixed = (params: Record<string, string | false>): string => {
      let out = '';
      for (const [name, value] of Object.entries(params)) if (value) out += `&${name}=${encodeFormComponent(value)}`;
      return out;
    };
    this.#queryParts = [
      `${encodeFormComponent(o.appKey)}&timestamp=`,
      fixed({ v: '2.0', sign_method: o.signMethod, format: o.format, simplify: o.simplify && 'true' }),
    ];
    this.#queryEnd = fixed({ partner_id: o.partnerId ?? false, target_app_key: o.targetAppKey ?? false });
    const fetch = this.#options.fetch;
    const store = new MemoryFlowStore();
    if (fetch) this.#shared = { send: (attempt) => sendHttp({ ...attempt, fetch }), close: () => {}, store };
    else this.#shared = { ...createNodeTransport(), store };
    this.#gate = this.#gateOf(this.#shared.store);
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
   * One call: `execute` (full false: the data alone) and `send` (the whole result). One async
   * function awaits the transport directly; a call without files, ban or rate limit meets no
   * other promise.
   */
  async #call(request: AnyRequest, options: CallOptions, full: boolean): Promise<unknown> {
    assertRequest(request);
    const method = request.meta.method;
    const redact = (text: string): string => redactText(text, [this.#secret, options.session]);
    const problems = validateParams(request.meta, request.params);
    if (problems.length > 0) {
      throw new TopValidationError(
        method,
        problems.map((p) => ({ param: p.param, message: redact(p.message) })),
      );
    }
    options.signal?.throwIfAborted();
    const policy =
      options.maxRetries === undefined
        ? this.#options
        : { ...this.#options, maxRetries: checkNumber('maxRetries', options.maxRetries, true) };
    const encoded = encodeParams(request.meta, request.params as Record<string, unknown>);
    const body = prepareRequestBody(encoded.text, encoded.files);
    const call: Call = {
      request,
      text: encoded.text,
      body: body instanceof Promise ? await body : body,
      options,
      headers:
        options.headers === undefined
          ? this.#headers
          : { ...this.#headers, ...lowerCaseHeaders(options.headers, method) },
      redact,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const wait = enterFlowGate(this.#gate, method, options.signal);
        if (wait) await wait;
      } catch (error) {
        if (error instanceof TopClientError) error.attempts = attempt - 1;
        throw error;
      }
      try {
        const started = this.#options.logger ? performance.now() : 0;
        const answer = await this.#sendAttempt(call, attempt);
        const result = this.#readAnswer(call, attempt, answer, started);
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
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof TopClientError) error.attempts = attempt;
        const recording = recordBan(this.#gate, error);
        if (recording) await recording;
        const decision = decideRetry(error, attempt, policy);
        if (!decision.retry) throw error;
        if (this.#options.logger)
          emitLog(this.#options.logger, {
            type: 'retry',
            level: 'warn',
            method,
            attempt,
            reason: decision.reason,
            delayMs: decision.delayMs,
          });
        await sleep(decision.delayMs, options.signal);
      }
    }
  }

  /**
   * The gateway URL with the system params in its query. A gateway without a query of its own
   * (the usual case) takes them appended; otherwise they are set into its query.
   */
  #url(system: Record<string, string>): string {
    if (this.#gatewayBase !== undefined) {
      // The params that never change were encoded once (#queryParts); the rest in query order.
      const [middle, tail] = this.#queryParts;
      const session = system['session'];
      return (
        `${this.#gatewayBase}?method=${encodeFormComponent(system['method']!)}&app_key=${middle}` +
        `${encodeFormComponent(system['timestamp']!)}${tail}` +
        `${session === undefined ? '' : `&session=${encodeFormComponent(session)}`}` +
        `${this.#queryEnd}&sign=${system['sign']!}`
      );
    }
    const url = new URL(this.#options.gateway);
    for (const [name, value] of Object.entries(system)) url.searchParams.set(name, value);
    return url.href;
  }

  /** System params of one attempt (fresh timestamp), signed over system + business text. */
  #systemParams(method: string, session: string | undefined, text: Record<string, string>): Record<string, string> {
    const o = this.#options;
    const system: Record<string, string> = {
      method,
      app_key: o.appKey,
      timestamp: formatTopTimestamp(o.now()),
      v: '2.0',
      sign_method: o.signMethod,
      format: o.format,
    };
    if (o.simplify) system['simplify'] = 'true';
    if (session !== undefined && session.trim() !== '') system['session'] = session;
    if (o.partnerId) system['partner_id'] = o.partnerId;
    if (o.targetAppKey) system['target_app_key'] = o.targetAppKey;
    // Object.assign, not a spread: spreading the business params costs ~8 µs a call, ~7 µs more.
    system['sign'] = this.#sign(Object.assign(Object.create(null), text, system));
    return system;
  }

  /** Sends one attempt (fresh timestamp and signature) through the client's transport. */
  #sendAttempt(call: Call, attempt: number): Promise<HttpAnswer> {
    const { request, options } = call;
    const method = request.meta.method;
    const o = this.#options;
    const href = this.#url(this.#systemParams(method, options.session, call.text));
    const made = call.body.make();
    const headers = Object.assign({}, call.headers, made.headers);
    // Log events are built only for a logger: redacting the URL costs more than the rest of a call.
    if (o.logger) {
      const url = redactUrl(new URL(href), [this.#secret, options.session]);
      emitLog(o.logger, { type: 'request', level: 'debug', method, attempt, url, multipart: call.body.multipart });
    }
    return this.#shared.send({
      url: href,
      init: { method: 'POST', headers, body: made.body },
      timeoutMs: options.timeoutMs ?? o.timeoutMs,
      signal: options.signal,
      method,
      redact: call.redact,
      maxResponseBytes: o.maxResponseBytes,
    });
  }

  /** The decoded answer of one attempt, or the error it is (HTTP 5xx, TOP error, bad body). */
  #readAnswer(call: Call, attempt: number, answer: HttpAnswer, started: number): DecodedResponse {
    const { request, redact } = call;
    const method = request.meta.method;
    const o = this.#options;
    const log = o.logger;
    const base = log
      ? ({
          type: 'response',
          level: 'debug',
          method,
          attempt,
          status: answer.status,
          ms: Math.round(performance.now() - started),
        } as const)
      : undefined;
    if (answer.status >= 500) {
      if (log) emitLog(log, { ...base!, requestId: undefined, outcome: 'http-error' });
      const message = `${method}: HTTP ${answer.status} from the gateway`;
      throw new TopTransportError(method, message, { kind: 'http', status: answer.status, body: redact(answer.body) });
    }
    let decoded: DecodedResponse;
    try {
      const how = { contentType: answer.contentType, status: answer.status, redact };
      decoded = decodeTopAnswer(request.meta, answer.body, how, o.xml);
    } catch (error) {
      if (log) {
        if (error instanceof TopError) {
          const fields = { requestId: error.requestId, outcome: 'top-error', code: error.code } as const;
          emitLog(
            log,
            error.subCode !== undefined ? { ...base!, ...fields, subCode: error.subCode } : { ...base!, ...fields },
          );
        } else emitLog(log, { ...base!, requestId: undefined, outcome: 'bad-body' });
      }
      throw error;
    }
    if (log) emitLog(log, { ...base!, requestId: decoded.requestId, outcome: 'ok' });
    if (answer.status < 200 || answer.status > 299) {
      throw new TopResponseError(
        method,
        'a success body with an HTTP error status',
        redact(answer.body),
        answer.status,
      );
    }
    return decoded;
  }
}
