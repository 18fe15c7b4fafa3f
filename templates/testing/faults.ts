/**
 * Faults the gateway injects into its next calls, to exercise a client's retry, flow-control
 * and timeout handling. Faults are queued in injection order; each applies to the next `times`
 * calls (default 1) of its `method` (default: any method), as they arrive and before any
 * protocol check, then the next fault takes over.
 */
import { topErrors, type GatewayError } from './error-responses.js';

interface FaultBase {
  /** How many calls the fault applies to (default 1). */
  times?: number;
  /** Only calls of this method (default: any). */
  method?: string;
}

export type Fault = FaultBase &
  (
    | /** `error_response` code 15 with an `isp.*` sub_code: a transient server failure. */
      { kind: 'isp-error'; subCode?: `isp.${string}`; subMsg?: string }
      /**
       * Code 7 flow control: the call it hits starts a ban of `seconds`; until it ends every
       * call (of `method`, if given) is refused with "This ban will last for N more seconds",
       * N counting down. `times` does not apply.
       */
    | { kind: 'ban'; seconds: number }
    /** A bare HTTP status from a proxy in front of the gateway (default 502, an HTML page). */
    | { kind: 'http-error'; status?: number; body?: string }
    /** Answer normally, after `ms` milliseconds. */
    | { kind: 'slow'; ms: number }
    /** Destroy the connection without answering. */
    | { kind: 'cut' }
    /** Any `error_response`, e.g. a business or `isv.*` error. */
    | { kind: 'error'; error: GatewayError }
    /** The method's documented error sample (`samples.error_json` / `error_xml`). */
    | { kind: 'error-sample' }
  );

export type FaultKind = Fault['kind'];

export class FaultQueue {
  private readonly queue: { fault: Fault; left: number }[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`fault times must be a positive integer, got ${times}`);
    this.queue.push({ fault, left: times });
  }

  /** The fault for the next call of `method`, consuming one of its uses. */
  take(method: string | undefined): Fault | undefined {
    const index = this.queue.findIndex((entry) => entry.fault.method === undefined || entry.fault.method === method);
    if (index < 0) return undefined;
    const entry = this.queue[index]!;
    if (--entry.left === 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  /** Faults not yet consumed. */
  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.left, 0);
  }

  clear(): void {
    this.queue.length = 0;
  }
}

/** The `error_response` a fault answers with, for the faults that answer with one. */
export function faultError(fault: Fault): GatewayError | undefined {
  switch (fault.kind) {
    case 'isp-error':
      return topErrors.remoteServiceError(fault.subCode, fault.subMsg);
    case 'ban':
      return topErrors.appCallLimited(fault.seconds);
    case 'error':
      return fault.error;
    default:
      return undefined;
  }
}

/** The running code-7 ban, on the real clock (a client under test really waits it out). */
export class BanState {
  private until = 0;
  private method: string | undefined;

  start(fault: Extract<Fault, { kind: 'ban' }>): void {
    this.until = Date.now() + fault.seconds * 1000;
    this.method = fault.method;
  }

  /** A ban fault with the seconds left, while a ban covering `method` runs. */
  active(method: string | undefined): Extract<Fault, { kind: 'ban' }> | undefined {
    const left = this.until - Date.now();
    if (left <= 0 || (this.method !== undefined && this.method !== method)) return undefined;
    return { kind: 'ban', seconds: Math.ceil(left / 1000), ...(this.method !== undefined && { method: this.method }) };
  }

  clear(): void {
    this.until = 0;
  }
}
