/**
 * `TopClient`: validates params locally, signs, sends (system params in the query string,
 * business params in the body), decodes JSON (or XML, given the `xml` option) into the typed
 * response, and retries
 * transient failures (retry.ts). `execute` returns the decoded object; `send` also returns
 * the raw body, HTTP status, format, request id and attempt count.
 */
import { resolveClientOptions, type ResolvedClientOptions, type TopClientOptions } from './client-options.js';
import { decodeTopAnswer, type DecodedResponse, type ResponseFormat } from './decode-response.js';
import { encodeParams } from './encode-params.js';
import { TopClientError, TopError, TopResponseError, TopTransportError, TopValidationError } from './errors.js';
import { emitLog } from './logger.js';
import { prepareRequestBody, type RequestBody } from './request-body.js';
import type { ResponseOf, TopRequest } from './request.js';
import { redactText, redactUrl } from './redact.js';
import { decideRetry, sleep } from './retry.js';
import { sign } from './sign.js';
import { formatTopTimestamp } from './timestamp.js';
import { createNodeTransport } from './node-transport.js';
import { sendHttp, type HttpAnswer, type HttpAttempt } from './transport.js';
import { validateParams } from './validate-params.js';

export type { TopClientOptions } from './client-options.js';

export interface CallOptions {
  /** The user's session key, for methods that need user authorisation. */
  session?: string;
  /** Aborts the call at once, attempts and waits alike (not retried). */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call (default: the client's `timeoutMs`). */
  timeoutMs?: number;
}

export interface TopResult<R> {
  /** The decoded object under the root key (with `request_id` when the gateway sent one). */
  data: R;
  requestId: string | undefined;
  /** HTTP status of the answer. */
  status: number;
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
  redact: (text: string) => string;
}

export class TopClient {
  readonly appKey: string;
  readonly gateway: string;
  readonly #secret: string;
  readonly #options: ResolvedClientOptions;
  readonly #send: (attempt: Omit<HttpAttempt, 'fetch'>) => Promise<HttpAnswer>;
  readonly #close: () => void;
  /** The normalised gateway URL when it has no query or fragment of its own. */
  readonly #gatewayBase: string | undefined;

  constructor(options: TopClientOptions) {
    this.#options = resolveClientOptions(options);
    this.#secret = options.appSecret;
    this.appKey = this.#options.appKey;
    this.gateway = this.#options.gateway;
    const gateway = new URL(this.gateway);
    this.#gatewayBase =
      gateway.search === '' && gateway.hash === '' && !this.gateway.includes('?') ? gateway.href : undefined;
    const fetch = this.#options.fetch;
    if (fetch) {
      this.#send = (attempt) => sendHttp({ ...attempt, fetch });
      this.#close = () => {};
    } else {
      const transport = createNodeTransport();
      this.#send = transport.send;
      this.#close = transport.close;
    }
  }

  /** Closes the idle keep-alive connections (they never keep the process alive; this frees them now). */
  close(): void {
    this.#close();
  }

  /** Calls the method and returns the decoded response (`TopError` on `error_response`). */
  async execute<Q extends AnyRequest>(request: Q, options: CallOptions = {}): Promise<ResponseOf<Q>> {
    return (await this.send(request, options)).data;
  }

  /** Like `execute`, with the raw body, status, format, request id and attempt count. */
  async send<Q extends AnyRequest>(request: Q, options: CallOptions = {}): Promise<TopResult<ResponseOf<Q>>> {
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
    const encoded = encodeParams(request.meta, request.params as Record<string, unknown>);
    const call: Call = {
      request,
      text: encoded.text,
      body: await prepareRequestBody(encoded.text, encoded.files),
      options,
      redact,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.#attempt(call, attempt);
        return { ...result, data: result.data as ResponseOf<Q>, attempts: attempt };
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof TopClientError) error.attempts = attempt;
        const decision = decideRetry(error, attempt, this.#options);
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
    if (this.#gatewayBase !== undefined) return `${this.#gatewayBase}?${new URLSearchParams(system).toString()}`;
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
    system['sign'] = sign(Object.assign({}, text, system), this.#secret, o.signMethod);
    return system;
  }

  async #attempt(call: Call, attempt: number): Promise<Omit<TopResult<unknown>, 'attempts'>> {
    const { request, options, redact } = call;
    const method = request.meta.method;
    const o = this.#options;
    const href = this.#url(this.#systemParams(method, options.session, call.text));
    const { body, headers } = call.body.make();
    // Log events are built only for a logger: redacting the URL costs more than the rest of a call.
    if (o.logger) {
      const url = redactUrl(new URL(href), [this.#secret, options.session]);
      emitLog(o.logger, { type: 'request', level: 'debug', method, attempt, url, multipart: call.body.multipart });
    }
    const started = performance.now();
    const answer = await this.#send({
      url: href,
      init: { method: 'POST', headers, body },
      timeoutMs: options.timeoutMs ?? o.timeoutMs,
      signal: options.signal,
      method,
      redact,
    });
    const ms = Math.round(performance.now() - started);
    const base = { type: 'response', level: 'debug', method, attempt, status: answer.status, ms } as const;
    const log = o.logger;
    if (answer.status >= 500) {
      if (log) emitLog(log, { ...base, requestId: undefined, outcome: 'http-error' });
      const message = `${method}: HTTP ${answer.status} from the gateway`;
      throw new TopTransportError(method, message, { kind: 'http', status: answer.status, body: redact(answer.body) });
    }
    let decoded: DecodedResponse;
    try {
      const how = { contentType: answer.contentType, status: answer.status, redact };
      decoded = decodeTopAnswer(request.meta, answer.body, how, o.xml);
    } catch (error) {
      if (error instanceof TopError) {
        const fields = { requestId: error.requestId, outcome: 'top-error', code: error.code } as const;
        if (log)
          emitLog(
            log,
            error.subCode !== undefined ? { ...base, ...fields, subCode: error.subCode } : { ...base, ...fields },
          );
      } else if (log) emitLog(log, { ...base, requestId: undefined, outcome: 'bad-body' });
      throw error;
    }
    if (log) emitLog(log, { ...base, requestId: decoded.requestId, outcome: 'ok' });
    if (answer.status < 200 || answer.status > 299) {
      throw new TopResponseError(
        method,
        'a success body with an HTTP error status',
        redact(answer.body),
        answer.status,
      );
    }
    return {
      data: decoded.data,
      requestId: decoded.requestId,
      status: answer.status,
      body: answer.body,
      format: decoded.format,
    };
  }
}
