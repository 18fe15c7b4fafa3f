/**
 * A local TOP gateway: a real HTTP server on 127.0.0.1 serving `/router/rest` with TOP's
 * protocol checks, error codes and the doc samples of the methods it is given
 * (docs/mock-gateway.md).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MethodFixture } from '../runtime/metadata.js';
import { checkRequest, type GatewayContext } from './check-request.js';
import { renderError, topErrors, type GatewayError } from './error-responses.js';
import { BanState, FaultQueue, faultError, type Fault, type FaultKind } from './faults.js';
import type { FilePart } from './multipart-body.js';
import { parseRequest, RequestBodyError, type ParsedRequest } from './parse-request.js';
import type { ResponseFormat } from './render-response.js';
import { servePage, type RecordSet, type RecordsOptions } from './paged-records.js';
import { renderResponse } from './render-response.js';
import { newRequestId } from './request-id.js';
import type { ResponseObject } from './response-value.js';
import { DEFAULT_ERROR_SAMPLE, errorSampleBody, errorSampleValue, successBody } from './sample-body.js';

export interface MockGatewayOptions {
  /** Accepted apps: app key → secret. */
  apps: Readonly<Record<string, string>>;
  /** Methods the gateway knows (any other method name answers 22 Invalid method). */
  methods?: readonly MethodFixture[];
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** When given, the only sessions accepted; any other session answers 27 Invalid session. */
  sessions?: readonly string[];
  /** The gateway's clock in epoch ms, for the timestamp window (default `Date.now`). */
  now?: () => number;
  /** Largest request body read (default 32 MiB); a larger one answers 413 with a TOP error. */
  maxBodyBytes?: number;
  /** Called once per request when its answer is sent (or its connection cut), e.g. to log it. */
  onAnswer?: (answer: AnsweredRequest) => void;
}

export interface AnsweredRequest {
  httpMethod: string;
  /** The URL path asked for (`/router/rest`). */
  path: string;
  /** HTTP status of the answer (0 when the connection was cut without one). */
  status: number;
  /** The recorded call, for requests to `/router/rest` whose params could be read. */
  call?: RecordedCall;
  /** Milliseconds from the request to the end of the answer. */
  ms: number;
}

export interface RecordedCall {
  /** When the call arrived (epoch ms, the real clock). */
  receivedAt: number;
  httpMethod: string;
  contentType?: string;
  /** Text params as received, query and body merged (`sign` included). */
  params: Record<string, string>;
  /** Names of the params that came in the query string. */
  queryNames: string[];
  files: { name: string; filename?: string; contentType?: string; size: number }[];
  method?: string;
  /** The signature matched the app's secret. */
  verified: boolean;
  format: ResponseFormat;
  /** The fault that answered this call, if any. */
  fault?: FaultKind;
  /** The `error_response` sent, if any (from a check or a fault). */
  error?: GatewayError;
  /** The answer was synthesised: the method has no success sample. */
  synthetic?: boolean;
  requestId?: string;
}

export interface MockGateway {
  /** `http://127.0.0.1:PORT/router/rest` */
  readonly url: string;
  readonly port: number;
  /** Every call received, in arrival order. */
  readonly calls: RecordedCall[];
  /** Queue a fault for the next call(s) (see `Fault`). */
  inject(fault: Fault): void;
  /** Drop the faults not yet used. */
  clearFaults(): void;
  /** Answer `method` with this value (decoded shape) instead of its doc sample; undefined resets. */
  setResponse(method: string, value: ResponseObject | undefined): void;
  /**
   * Serve these records (decoded shape) page by page to a method that pages: by `page_no` /
   * `position_index` and time window (paged-records.ts); undefined resets.
   */
  setRecords(method: string, records: readonly ResponseObject[] | undefined, options?: RecordsOptions): void;
  close(): Promise<void>;
}

export const MOCK_PATH = '/router/rest';
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startMockGateway(options: MockGatewayOptions): Promise<MockGateway> {
  const ctx: GatewayContext = {
    apps: { ...options.apps },
    methods: new Map((options.methods ?? []).map((f) => [f.meta.method, f])),
    now: options.now ?? Date.now,
  };
  if (options.sessions) ctx.sessions = new Set(options.sessions);
  const faults = new FaultQueue();
  const ban = new BanState();
  const overrides = new Map<string, ResponseObject>();
  const recordSets = new Map<string, RecordSet>();
  const calls: RecordedCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const recorded = new WeakMap<ServerResponse, RecordedCall>();
  const onAnswer = options.onAnswer;

  const server = createServer((req, res) => {
    if (onAnswer) {
      const started = performance.now();
      res.once('close', () =>
        onAnswer({
          httpMethod: req.method ?? 'GET',
          path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname,
          status: res.writableFinished ? res.statusCode : 0,
          ...(recorded.has(res) ? { call: recorded.get(res)! } : {}),
          ms: Math.round(performance.now() - started),
        }),
      );
    }
    readBody(req, maxBodyBytes)
      .then((body) => answer(req, res, body))
      .catch((e: unknown) => {
        // A fault shows as an answer in TOP's format (never a stack trace with the mock's paths),
        // not as a mysteriously cut connection.
        if (res.headersSent) return void res.destroy();
        const format = formatOfQuery(req.url);
        const requestId = newRequestId();
        if (e instanceof BodyTooLargeError) {
          // The rest of the body is not read: answer and close the connection.
          const error = topErrors.parameterError('isv.request-body-too-large', e.message);
          return send(res, 413, contentTypeOf(format), renderError(error, format, requestId), { connection: 'close' });
        }
        const reason = e instanceof Error ? e.message : String(e);
        send(
          res,
          500,
          contentTypeOf(format),
          renderError(
            topErrors.remoteServiceError('isp.mock-gateway-fault', `mock gateway: ${reason}`),
            format,
            requestId,
          ),
        );
      });
  });

  async function answer(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    if (!req.url || new URL(req.url, 'http://127.0.0.1').pathname !== MOCK_PATH) {
      return send(res, 404, 'text/plain; charset=utf-8', `not found; the gateway serves ${MOCK_PATH}\n`);
    }
    let request: ParsedRequest;
    try {
      request = parseRequest(req.method ?? 'GET', req.url, req.headers['content-type'], body);
    } catch (e) {
      if (!(e instanceof RequestBodyError)) throw e;
      return send(res, 400, 'text/plain; charset=utf-8', `bad request body: ${e.message}\n`);
    }
    const p = request.params;
    const format: ResponseFormat = p['format'] === 'json' ? (p['simplify'] === 'true' ? 'simplify' : 'json') : 'xml';
    const checked = checkRequest(request, ctx);
    const call = recordCall(request, format, checked.verified);
    calls.push(call);
    recorded.set(res, call);

    const banned = ban.active(p['method']);
    const fault = banned ?? faults.take(p['method']);
    if (fault) call.fault = fault.kind;
    if (fault?.kind === 'ban' && !banned) ban.start(fault);
    if (fault?.kind === 'cut') return void req.socket.destroy();
    if (fault?.kind === 'http-error') {
      const status = fault.status ?? 502;
      return send(res, status, 'text/html', fault.body ?? `<html><body><h1>${status} Bad Gateway</h1></body></html>\n`);
    }
    if (fault?.kind === 'slow') await wait(fault.ms);

    const requestId = newRequestId();
    call.requestId = requestId;
    const type = contentTypeOf(format);
    if (fault?.kind === 'error-sample') {
      call.error = (checked.fixture && errorSampleValue(checked.fixture)) ?? DEFAULT_ERROR_SAMPLE;
      const text = checked.fixture
        ? errorSampleBody(checked.fixture, format, requestId)
        : renderError(call.error, format, requestId);
      return send(res, 200, type, text);
    }
    const error = fault ? faultError(fault) : checked.error;
    if (error) {
      call.error = error;
      return send(res, 200, type, renderError(error, format, requestId));
    }
    const fixture = checked.fixture!;
    const records = recordSets.get(fixture.meta.method);
    if (records) {
      const page = servePage(fixture.meta, records, p);
      if (isGatewayError(page)) {
        call.error = page;
        return send(res, 200, type, renderError(page, format, requestId));
      }
      return send(res, 200, type, renderResponse(fixture.meta, page, format, requestId));
    }
    const success = successBody(fixture, format, requestId, overrides.get(fixture.meta.method));
    call.synthetic = success.synthetic;
    return send(res, 200, type, success.text, success.synthetic ? { 'x-mock-synthetic': '1' } : {});
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${MOCK_PATH}`,
    port: address.port,
    calls,
    inject: (fault) => faults.inject(fault),
    clearFaults: () => {
      faults.clear();
      ban.clear();
    },
    setResponse: (method, value) => (value ? overrides.set(method, value) : overrides.delete(method)),
    setRecords: (method, records, recordOptions = {}) => {
      if (!records) return void recordSets.delete(method);
      const fixture = ctx.methods.get(method);
      if (!fixture) throw new TypeError(`setRecords: the gateway does not know ${method}`);
      if (!fixture.meta.paging) throw new TypeError(`setRecords: ${method} does not page`);
      recordSets.set(method, { ...recordOptions, records });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isGatewayError(value: object): value is GatewayError {
  return typeof (value as GatewayError).code === 'number' && typeof (value as GatewayError).msg === 'string';
}

function recordCall(request: ParsedRequest, format: ResponseFormat, verified: boolean): RecordedCall {
  const call: RecordedCall = {
    receivedAt: Date.now(),
    httpMethod: request.httpMethod,
    params: { ...request.params },
    queryNames: request.queryNames,
    files: request.files.map(describeFile),
    verified,
    format,
  };
  if (request.contentType !== undefined) call.contentType = request.contentType;
  if (request.params['method'] !== undefined) call.method = request.params['method'];
  return call;
}

function describeFile(file: FilePart): RecordedCall['files'][number] {
  const d: RecordedCall['files'][number] = { name: file.name, size: file.data.length };
  if (file.filename !== undefined) d.filename = file.filename;
  if (file.contentType !== undefined) d.contentType = file.contentType;
  return d;
}

function contentTypeOf(format: ResponseFormat): string {
  return format === 'xml' ? 'text/xml;charset=UTF-8' : 'application/json;charset=UTF-8';
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(text);
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.pause();
      return reject(new BodyTooLargeError(`request body over ${maxBytes} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLargeError(`request body over ${maxBytes} bytes`));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The answer format a request asked for in its query (TOP's default is XML). */
function formatOfQuery(url: string | undefined): ResponseFormat {
  const query = new URL(url ?? '/', 'http://127.0.0.1').searchParams;
  return query.get('format') === 'json' ? (query.get('simplify') === 'true' ? 'simplify' : 'json') : 'xml';
}
