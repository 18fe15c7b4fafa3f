/**
 * The gateway's protocol checks, in the order the gateway applies them: method (21, 22),
 * format (23), app key (28, 29), timestamp (30, 31), version (32, 34), signature (24, 25),
 * session (26, 27), then business params (40, 41). The first failing check answers.
 */
import type { MethodFixture } from '../runtime/metadata.js';
import { sign, SIGN_METHODS, type SignMethod } from '../runtime/sign.js';
import { checkBusinessParams } from './check-params.js';
import { topErrors, type GatewayError } from './error-responses.js';
import type { ParsedRequest } from './parse-request.js';

export interface GatewayContext {
  apps: Readonly<Record<string, string>>;
  methods: ReadonlyMap<string, MethodFixture>;
  /** When set, the only sessions accepted (27 otherwise). */
  sessions?: ReadonlySet<string>;
  now: () => number;
}

export interface CheckResult {
  fixture?: MethodFixture;
  /** The signature matched the app's secret under the given sign_method. */
  verified: boolean;
  error?: GatewayError;
}

/** The gateway allows 10 minutes of clock skew either way (common-param table, `timestamp`). */
export const TIMESTAMP_WINDOW_MS: number = 10 * 60 * 1000;

export function checkRequest(request: ParsedRequest, ctx: GatewayContext): CheckResult {
  const p = request.params;
  const verified = verifySignature(p, ctx.apps);
  const fail = (error: GatewayError): CheckResult => ({ verified, error });

  const method = p['method'];
  if (!isPresent(method)) return fail(topErrors.missingMethod());
  const fixture = ctx.methods.get(method);
  if (!fixture) return fail(topErrors.invalidMethod(method));
  const format = p['format'];
  if (isPresent(format) && format !== 'json' && format !== 'xml') return fail(topErrors.invalidFormat(format));

  const appKey = p['app_key'];
  if (!isPresent(appKey)) return fail(topErrors.missingAppKey());
  if (!Object.hasOwn(ctx.apps, appKey)) return fail(topErrors.invalidAppKey());

  const timestamp = p['timestamp'];
  if (!isPresent(timestamp)) return fail(topErrors.missingTimestamp());
  const at = parseTopTimestamp(timestamp);
  if (at === undefined) return fail(topErrors.invalidTimestamp(`timestamp ${timestamp} is not yyyy-MM-dd HH:mm:ss`));
  if (Math.abs(at - ctx.now()) > TIMESTAMP_WINDOW_MS) {
    return fail(
      topErrors.invalidTimestamp(`timestamp ${timestamp} (GMT+8) is more than 10 minutes away from the gateway's time`),
    );
  }

  const v = p['v'];
  if (!isPresent(v)) return fail(topErrors.missingVersion());
  if (v !== '2.0') return fail(topErrors.unsupportedVersion(v));

  const signMethod = signMethodOf(p);
  if (!SIGN_METHODS.includes(signMethod as SignMethod)) return fail(topErrors.unsupportedSignMethod(signMethod));
  if (!isPresent(p['sign'])) return fail(topErrors.missingSignature());
  if (!verified) return fail(topErrors.invalidSignature());

  const session = p['session'];
  if (!isPresent(session)) {
    if (fixture.meta.auth === 'required') return fail(topErrors.missingSession());
  } else if (ctx.sessions && !ctx.sessions.has(session)) {
    return fail(topErrors.invalidSession());
  }

  const paramError = checkBusinessParams(fixture.meta, request);
  if (paramError) return { fixture, verified, error: paramError };
  return { fixture, verified };
}

/**
 * Recomputes the signature over every text param received (file parts never reach `params`).
 * A missing sign_method means md5, the algorithm of the oldest SDKs.
 */
export function verifySignature(
  params: Readonly<Record<string, string>>,
  apps: Readonly<Record<string, string>>,
): boolean {
  const appKey = params['app_key'];
  const given = params['sign'];
  if (appKey === undefined || given === undefined || !Object.hasOwn(apps, appKey)) return false;
  const signMethod = signMethodOf(params);
  if (!SIGN_METHODS.includes(signMethod as SignMethod)) return false;
  return sign(params, apps[appKey]!, signMethod as SignMethod) === given.toUpperCase();
}

function signMethodOf(params: Readonly<Record<string, string>>): string {
  const value = params['sign_method'];
  return isPresent(value) ? value : 'md5';
}

/** `yyyy-MM-dd HH:mm:ss` read as GMT+8 → epoch ms; undefined when malformed. */
export function parseTopTimestamp(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const check = new Date(ms + 8 * 3600 * 1000);
  // Reject dates that Date.UTC silently rolls over, such as 2024-02-30.
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || check.getUTCHours() !== h) return undefined;
  return ms;
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
