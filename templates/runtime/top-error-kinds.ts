/**
 * `TopError` subclasses for the errors callers branch on (docs/runtime.md "Errors"), chosen
 * from the gateway's code and sub_code (TOP's platform error table):
 * - `TopFlowControlError`: codes 4 (User Call Limited), 5 (Session Call Limited), 6 (Partner
 *   Call Limited), 7 (App Call Limited), 8 (App Call Exceeds Limited Frequency), or an
 *   `accesscontrol.*` sub_code; `retryAfterMs` is the ban announced in `sub_msg`;
 * - `TopAuthError`: codes 11, 12, 13 (insufficient ISV / user / partner permissions), 26
 *   (Missing session), 27 (Invalid session), 53 (insufficient security level), or an
 *   `invalid-sessionkey` / `isv.session-*` sub_code;
 * - `TopInvalidParameterError`: codes 40 (Missing required arguments), 41 (Invalid
 *   arguments), 43 (Parameter error), or an `isv.invalid-parameter*` / `isv.missing-parameter*`
 *   sub_code (the 淘宝客 docs answer code 50 with those); `param` names the param when the
 *   sub_code does (`isv.invalid-parameter:adzone_id`).
 */
import { TopError, type TopErrorFields } from './errors.js';

const FLOW_CODES = new Set([4, 5, 6, 7, 8]);
const AUTH_CODES = new Set([11, 12, 13, 26, 27, 53]);
const PARAM_CODES = new Set([40, 41, 43]);

/** Flow control: the app, user or session called too often. */
export class TopFlowControlError extends TopError {}

/** The session is missing, invalid or expired, or the app or user lacks a permission. */
export class TopAuthError extends TopError {}

/** A param the gateway refused (missing or invalid). */
export class TopInvalidParameterError extends TopError {
  /** The param named by the sub_code (`isv.invalid-parameter:adzone_id` → `adzone_id`), if any. */
  declare readonly param: string | undefined;
  constructor(method: string, fields: TopErrorFields, status?: number, retryAfterMs?: number) {
    super(method, fields, status, retryAfterMs);
    const named = /^isv\.(?:invalid|missing)-parameter[:-](.+)$/.exec(fields.subCode ?? '');
    this.param = named ? named[1] : undefined;
  }
}

/** The `TopError` (or the subclass) for an `error_response`. */
export function createTopError(method: string, fields: TopErrorFields, status?: number): TopError {
  const sub = fields.subCode ?? '';
  if (FLOW_CODES.has(fields.code) || sub.startsWith('accesscontrol.'))
    return new TopFlowControlError(method, fields, status);
  if (AUTH_CODES.has(fields.code) || sub === 'invalid-sessionkey' || sub.startsWith('isv.session-'))
    return new TopAuthError(method, fields, status);
  if (PARAM_CODES.has(fields.code) || /^isv\.(?:invalid|missing)-parameter/.test(sub))
    return new TopInvalidParameterError(method, fields, status);
  return new TopError(method, fields, status);
}
