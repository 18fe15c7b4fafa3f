/**
 * Options of `TopClient`, their defaults and their checks (docs/runtime.md "Client options").
 * Checks never echo the app secret.
 */
import type { XmlDecoder } from './decode-response.js';
import type { TopLogger } from './logger.js';
import { SIGN_METHODS, type SignMethod } from './sign.js';
import type { FetchLike } from './transport.js';

export const DEFAULT_GATEWAY = 'https://eco.taobao.com/router/rest';

export interface TopClientOptions {
  appKey: string;
  appSecret: string;
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
}

export type ResolvedClientOptions = Required<
  Omit<TopClientOptions, 'appSecret' | 'logger' | 'partnerId' | 'targetAppKey' | 'fetch' | 'xml'>
> &
  Pick<TopClientOptions, 'logger' | 'partnerId' | 'targetAppKey' | 'fetch' | 'xml'>;

function checkNumber(name: string, value: number, integer: boolean): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(`TopClient: ${name} must be a${integer ? 'n integer' : ' number'} ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Fills in defaults and checks every option; throws `TypeError` naming the bad option. */
export function resolveClientOptions(options: TopClientOptions): ResolvedClientOptions {
  if (typeof options?.appKey !== 'string' || options.appKey.trim() === '')
    throw new TypeError('TopClient: appKey is required');
  if (typeof options.appSecret !== 'string' || options.appSecret === '')
    throw new TypeError('TopClient: appSecret is required');
  const signMethod = options.signMethod ?? 'hmac-sha256';
  if (!SIGN_METHODS.includes(signMethod)) {
    throw new TypeError(`TopClient: signMethod must be one of ${SIGN_METHODS.join(', ')}, got ${String(signMethod)}`);
  }
  const gateway = options.gateway ?? DEFAULT_GATEWAY;
  if (!/^https?:\/\//.test(gateway) || !URL.canParse(gateway))
    throw new TypeError(`TopClient: gateway must be an http(s) URL, got ${gateway}`);
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'xml')
    throw new TypeError(`TopClient: format must be json or xml, got ${String(format)}`);
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new TypeError('TopClient: fetch must be a function');
  if (options.xml !== undefined && typeof options.xml !== 'function')
    throw new TypeError('TopClient: xml must be the XML decoder, decodeXmlResponse');
  if (format === 'xml' && options.xml === undefined)
    throw new TypeError("TopClient: format 'xml' needs the XML decoder: pass xml: decodeXmlResponse (from tbk-client)");
  return {
    appKey: options.appKey,
    signMethod,
    gateway,
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? 15_000, false),
    maxRetries: checkNumber('maxRetries', options.maxRetries ?? 2, true),
    retryBaseMs: checkNumber('retryBaseMs', options.retryBaseMs ?? 200, false),
    retryMaxMs: checkNumber('retryMaxMs', options.retryMaxMs ?? 5_000, false),
    maxBanWaitMs: checkNumber('maxBanWaitMs', options.maxBanWaitMs ?? 5_000, false),
    fetch: options.fetch,
    xml: options.xml,
    logger: options.logger,
    format,
    simplify: options.simplify ?? false,
    partnerId: options.partnerId,
    targetAppKey: options.targetAppKey,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  };
}
