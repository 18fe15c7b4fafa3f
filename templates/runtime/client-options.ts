/**
 * Options of `TopClient`, their defaults and their checks (docs/runtime.md "Client options").
 * Checks never echo the app secret.
 */
import type { XmlDecoder } from './decode-response.js';
import { checkRateLimit, type FlowControlStore, type RateLimit } from './flow-store.js';
import type { TopLogger } from './logger.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './response-limit.js';
import { SIGN_METHODS, type SignMethod } from './sign.js';

export { DEFAULT_MAX_RESPONSE_BYTES };
import type { FetchLike } from './transport.js';

export const DEFAULT_GATEWAY = 'https://eco.taobao.com/router/rest';

export interface TopClientOptions {
  /** The app key; default: the `TOP_APP_KEY` environment variable. */
  appKey?: string;
  /** The app secret; default: the `TOP_APP_SECRET` environment variable. */
  appSecret?: string;
  /** Default `hmac-sha256`. */
  signMethod?: SignMethod;
  /** Default `https://eco.taobao.com/router/rest`. */
  gateway?: string;
  /** Per-attempt timeout in ms (default 15000); a timeout is retried like a network error. */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Backoff base and cap in ms (defaults 200 and 5000), full jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest code-7 ban to wait out, in ms (default 5000); longer bans fail at once. */
  maxBanWaitMs?: number;
  /** Largest answer read, in bytes (default 16 MiB); a larger one is a `TopResponseError`. */
  maxResponseBytes?: number;
  /**
   * Send through this fetch implementation instead of the default transport (`node:http` with
   * keep-alive, node-transport.ts); e.g. `fetch: globalThis.fetch`, or undici with a proxy agent.
   */
  fetch?: FetchLike;
  logger?: TopLogger;
  /** Response format asked of the gateway (default `json`); `xml` needs the `xml` option. */
  format?: 'json' | 'xml';
  /**
   * Reads XML answers: pass `decodeXmlResponse` (exported by tbk-client). Left out, the XML
   * parser is not bundled into a program, and an XML answer is a `TopResponseError`.
   */
  xml?: XmlDecoder;
  /** Ask for simplified JSON (no root key, no list wrappers). Decoding gives the same shape. */
  simplify?: boolean;
  partnerId?: string;
  targetAppKey?: string;
  /** Clock for the `timestamp` param (tests). */
  now?: () => Date | number;
  /** Random source of the backoff jitter, uniform in [0, 1) (tests). */
  random?: () => number;
  /**
   * A client-side limit, `{ perSecond, burst }` (token bucket, `burst` default 1), kept in the
   * `flowControl` store: calls over it wait for their turn instead of meeting code 7.
   */
  rateLimit?: RateLimit;
  /**
   * Where the app's ban and token bucket live (default: an in-memory store of this client and of
   * the clients `withOptions` derives from it). Share one store between clients, or use the Redis
   * store of `tbk-client/redis` between processes.
   */
  flowControl?: FlowControlStore;
  /** HTTP headers sent with every call (a call's own `headers` add to them). */
  headers?: Record<string, string>;
}

type OptionalOptions = 'logger' | 'partnerId' | 'targetAppKey' | 'fetch' | 'xml' | 'flowControl';

export type ResolvedClientOptions = Required<
  Omit<TopClientOptions, 'appSecret' | 'rateLimit' | 'headers' | OptionalOptions>
> &
  Pick<TopClientOptions, OptionalOptions> & {
    rateLimit: Required<RateLimit> | undefined;
    /** The headers option with lower-case names. */
    headers: Record<string, string>;
  };

/** The `TypeError` of a bad option: names it and shows the value (never the secret: no check shows it). */
function bad(name: string, what: string, value?: unknown): TypeError {
  return new TypeError(`TopClient: ${name} ${what}${arguments.length > 2 ? `, got ${String(value)}` : ''}`);
}

export function checkNumber(name: string, value: number, integer: boolean): number {
  if (typeof value !== 'number' || !(value >= 0) || (integer && !Number.isInteger(value)))
    throw bad(name, `must be a${integer ? 'n integer' : ' number'} ≥ 0`, value);
  return value;
}

/** An environment variable, when the platform has them. */
function env(name: string): string | undefined {
  return typeof process === 'object' ? process.env?.[name] : undefined;
}

/** The app secret: the option, else `TOP_APP_SECRET`. */
export function resolveAppSecret(options: TopClientOptions): string {
  const secret = options.appSecret ?? env('TOP_APP_SECRET');
  if (typeof secret !== 'string' || secret === '')
    throw bad('appSecret', 'is required (the option, or the TOP_APP_SECRET environment variable)');
  return secret;
}

/** Header names in lower case (HTTP names are case-insensitive; the last spelling wins). */
export function lowerCaseHeaders(headers: Record<string, string> | undefined, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (typeof headers !== 'object' || headers === null) throw new TypeError(`${where}: headers must be an object`);
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (typeof value !== 'string') throw new TypeError(`${where}: header ${name} must be a string`);
    if (lower === 'content-type' || lower === 'content-length')
      throw new TypeError(`${where}: header ${name} is set by the client from the body`);
    out[lower] = value;
  }
  return out;
}

/** The defaults of the options that have one (docs/runtime.md "Client options"). */
const DEFAULTS = {
  signMethod: 'hmac-sha256',
  gateway: DEFAULT_GATEWAY,
  format: 'json',
  timeoutMs: 15_000,
  maxRetries: 2,
  retryBaseMs: 200,
  retryMaxMs: 5_000,
  maxBanWaitMs: 5_000,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  simplify: false,
} as const;

/** Fills in defaults and checks every option; throws `TypeError` naming the bad option. */
export function resolveClientOptions(options: TopClientOptions = {}): ResolvedClientOptions {
  const o: Record<string, unknown> = { ...DEFAULTS, now: Date.now, random: Math.random };
  // An option given as `undefined` (e.g. spread from another object) takes its default too.
  for (const [name, value] of Object.entries(options)) if (value !== undefined) o[name] = value;
  delete o['appSecret'];
  const { signMethod, gateway, format, fetch, xml, flowControl: store, maxResponseBytes } = o as ResolvedClientOptions;
  const appKey = (o['appKey'] ??= env('TOP_APP_KEY'));
  if (typeof appKey !== 'string' || appKey.trim() === '')
    throw bad('appKey', 'is required (the option, or the TOP_APP_KEY environment variable)');
  resolveAppSecret(options);
  if (!SIGN_METHODS.includes(signMethod))
    throw bad('signMethod', `must be one of ${SIGN_METHODS.join(', ')}`, signMethod);
  if (!/^https?:\/\//.test(gateway) || !URL.canParse(gateway)) throw bad('gateway', 'must be an http(s) URL', gateway);
  if (format !== 'json' && format !== 'xml') throw bad('format', 'must be json or xml', format);
  if (fetch !== undefined && typeof fetch !== 'function') throw bad('fetch', 'must be a function');
  if (xml !== undefined && typeof xml !== 'function') throw bad('xml', 'must be the XML decoder, decodeXmlResponse');
  if (format === 'xml' && !xml)
    throw bad('format', "'xml' needs the XML decoder: pass xml: decodeXmlResponse (from tbk-client)");
  if (store !== undefined && (typeof store?.getBanUntil !== 'function' || typeof store.takeToken !== 'function'))
    throw bad('flowControl', 'must be a FlowControlStore (getBanUntil, setBanUntil, takeToken)');
  for (const name of ['timeoutMs', 'retryBaseMs', 'retryMaxMs', 'maxBanWaitMs'] as const)
    checkNumber(name, o[name] as number, false);
  checkNumber('maxRetries', o['maxRetries'] as number, true);
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1)
    throw bad('maxResponseBytes', 'must be an integer ≥ 1', maxResponseBytes);
  if (options.rateLimit !== undefined) o['rateLimit'] = checkRateLimit(options.rateLimit, 'TopClient');
  o['headers'] = lowerCaseHeaders(options.headers, 'TopClient');
  return o as ResolvedClientOptions;
}
