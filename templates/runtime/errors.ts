/**
 * Errors thrown by the client. All extend `TopClientError`, which names the API method:
 * - `TopError`: the gateway answered `error_response` (code, msg, sub_code, sub_msg);
 * - `TopValidationError`: params refused locally, before any network call;
 * - `TopTransportError`: no usable HTTP answer (network error, timeout, HTTP 5xx);
 * - `TopResponseError`: an answer that is neither a TOP success nor a TOP error.
 * Messages and fields never carry the app secret or the session (see `redact.ts`).
 */

const BODY_PREVIEW = 200;

/** The first characters of a body, for messages; the whole body stays in `error.body`. */
export function previewBody(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_PREVIEW ? `${flat.slice(0, BODY_PREVIEW)}… (${body.length} chars)` : flat;
}

/*
 * The fields of the error classes are `declare`d: each constructor creates them, in the order
 * they are listed, and no class-field code is emitted for them in every program's bundle.
 */

export class TopClientError extends Error {
  /** The API method of the call, e.g. `taobao.tbk.uvid.encrypt`. */
  declare readonly method: string;
  /** HTTP attempts made before this error was thrown (0 when refused locally). */
  declare attempts: number;
  constructor(method: string, message: string) {
    super(message);
    this.method = method;
    this.attempts = 0;
    this.name = new.target.name;
  }
}

export interface TopErrorFields {
  code: number;
  msg: string;
  subCode?: string;
  subMsg?: string;
  requestId?: string;
}

/** The gateway's `error_response`. */
export class TopError extends TopClientError {
  declare readonly code: number;
  declare readonly msg: string;
  declare readonly subCode: string | undefined;
  declare readonly subMsg: string | undefined;
  declare readonly requestId: string | undefined;
  /** HTTP status of the answer that carried the error (usually 200). */
  declare readonly status: number | undefined;
  /**
   * For flow control (code 7 and kin): the ban announced in `sub_msg`, in milliseconds; for a
   * ban recorded by another call (flow-control.ts), what is left of it.
   */
  declare readonly retryAfterMs: number | undefined;
  constructor(method: string, fields: TopErrorFields, status?: number, retryAfterMs?: number) {
    const sub =
      fields.subCode || fields.subMsg ? ` (${[fields.subCode, fields.subMsg].filter(Boolean).join(': ')})` : '';
    const id = fields.requestId ? ` [request_id ${fields.requestId}]` : '';
    super(method, `${method} failed: ${fields.code} ${fields.msg}${sub}${id}`);
    this.code = fields.code;
    this.msg = fields.msg;
    this.subCode = fields.subCode;
    this.subMsg = fields.subMsg;
    this.requestId = fields.requestId;
    this.status = status;
    this.retryAfterMs = retryAfterMs ?? (fields.code === 7 ? banMillis(fields.subMsg) : undefined);
  }
}

/** `This ban will last for 71804 more seconds` (code 7, accesscontrol.limited-by-*). */
const BAN = /ban will last for (\d+) more seconds?/i;

/** The ban announced in a code-7 `sub_msg`, in milliseconds, if any. */
export function banMillis(subMsg: string | undefined): number | undefined {
  const m = subMsg ? BAN.exec(subMsg) : null;
  return m ? Number(m[1]) * 1000 : undefined;
}

export interface ValidationProblem {
  /** Param path: `adzone_id`, `item_dto[0].item_id`. */
  param: string;
  message: string;
}

/** Params refused before any network call; lists every problem at once. */
export class TopValidationError extends TopClientError {
  declare readonly problems: readonly ValidationProblem[];
  constructor(method: string, problems: readonly ValidationProblem[]) {
    const lines = problems.map((p) => `  ${p.param}: ${p.message}`);
    super(
      method,
      `${method}: ${problems.length} invalid param${problems.length === 1 ? '' : 's'}\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }
}

export type TransportFailure = 'network' | 'timeout' | 'http';

/** No usable HTTP answer: retried by the client within `maxRetries`. */
export class TopTransportError extends TopClientError {
  declare readonly kind: TransportFailure;
  /** HTTP status when `kind` is `http`. */
  declare readonly status: number | undefined;
  /** The response body for `http` failures (redacted). */
  declare readonly body: string | undefined;
  /** Error code of the network layer, e.g. `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  declare readonly errno: string | undefined;
  constructor(
    method: string,
    message: string,
    details: { kind: TransportFailure; status?: number; body?: string; errno?: string },
  ) {
    super(method, message);
    this.kind = details.kind;
    this.status = details.status;
    this.body = details.body;
    this.errno = details.errno;
  }
}

/** An answer that is neither a TOP success nor a TOP error (HTML page, truncated body…). */
export class TopResponseError extends TopClientError {
  declare readonly status: number | undefined;
  /** The whole raw body (redacted); the message shows its first characters. */
  declare readonly body: string;
  constructor(method: string, reason: string, body: string, status?: number) {
    const http = status !== undefined ? ` (HTTP ${status})` : '';
    super(method, `${method}: ${reason}${http}: ${previewBody(body) || '(empty body)'}`);
    this.status = status;
    this.body = body;
  }
}
