/**
 * Log events of the client, handed to the `logger` option (a plain function, so any logging
 * library fits: `logger: (e) => pino[e.level](e)`). Events never carry the app secret or the
 * session: URLs show `session=***`, texts are redacted (redact.ts).
 */

/** An HTTP request is about to be sent. */
export interface TopRequestEvent {
  type: 'request';
  level: 'debug';
  method: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Gateway URL with the system params; `session=***`. */
  url: string;
  multipart: boolean;
}

/** An HTTP answer arrived (success, TOP error or unusable body). */
export interface TopResponseEvent {
  type: 'response';
  level: 'debug';
  method: string;
  attempt: number;
  status: number;
  ms: number;
  requestId: string | undefined;
  /** `ok`, or the TOP error code / failure kind of this answer. */
  outcome: 'ok' | 'top-error' | 'http-error' | 'bad-body';
  code?: number;
  subCode?: string;
}

/** An attempt failed and the call will be tried again after `delayMs`. */
export interface TopRetryEvent {
  type: 'retry';
  level: 'warn';
  method: string;
  /** The attempt that failed. */
  attempt: number;
  reason: string;
  delayMs: number;
}

export type TopLogEvent = TopRequestEvent | TopResponseEvent | TopRetryEvent;
export type TopLogger = (event: TopLogEvent) => void;

/** Hands an event to the logger; a throwing logger never breaks the call. */
export function emitLog(logger: TopLogger | undefined, event: TopLogEvent): void {
  if (!logger) return;
  try {
    logger(event);
  } catch {
    // logging must not change the outcome of a call
  }
}
