/**
 * HTTP access to the open.taobao.com doc handlers (corpus README "Doc-site JSON"): a
 * `_tb_token_` cookie from `/docCenter`, sent as a cookie and as a query parameter; answers in
 * the envelope `{ success, code, errMsg, data }`. Users may add their own cookies: the handlers
 * have been reported to need a logged-in session.
 */
import { describeNetworkError } from './network-cause.js';
import { FetchFailure, withRetry } from './with-retry.js';

export interface DocSiteOptions {
  baseUrl: string;
  /** `k=v` pairs (or `k=v; k2=v2` strings) sent with every request. */
  cookies?: readonly string[];
  retries?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const LOGIN_HINT =
  'the doc site wants a logged-in session: pass your browser cookies with --cookie "k=v; k2=v2" (or --cookie-file)';

export class DocSiteClient {
  private readonly cookies = new Map<string, string>();
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: DocSiteOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    for (const text of options.cookies ?? []) this.addCookies(text);
  }

  private addCookies(text: string): void {
    for (const pair of text.split(';')) {
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** GET /docCenter for the `_tb_token_` cookie, unless the user already passed one. */
  async start(): Promise<void> {
    if (this.cookies.has('_tb_token_')) return;
    const response = await this.request('/docCenter');
    for (const line of response.headers.getSetCookie?.() ?? []) this.addCookies(line.split(';')[0] ?? '');
    await response.body?.cancel();
  }

  /** The `data` of a handler's envelope; throws FetchFailure for anything else. */
  async getData(path: string, query: Record<string, string>): Promise<unknown> {
    return withRetry(
      async () => {
        const params = new URLSearchParams(query);
        const token = this.cookies.get('_tb_token_');
        if (token) params.set('_tb_token_', token);
        const response = await this.request(`${path}?${params}`);
        const text = await response.text();
        if (response.status >= 500) throw new FetchFailure(`HTTP ${response.status}`, true);
        if (response.status >= 300 && response.status < 400)
          throw new FetchFailure(`HTTP ${response.status} redirect`, false, LOGIN_HINT);
        if (response.status >= 400) throw new FetchFailure(`HTTP ${response.status}`, false);
        return parseEnvelope(text);
      },
      { retries: this.options.retries ?? 3, baseMs: this.options.retryBaseMs ?? 500 },
    );
  }

  private async request(path: string): Promise<Response> {
    const url = new URL(path, this.options.baseUrl);
    try {
      return await this.fetchImpl(url, {
        headers: { cookie: this.cookieHeader(), accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new FetchFailure(
        `${url.pathname}: ${describeNetworkError(error, url, this.options.timeoutMs ?? 30_000)}`,
        true,
      );
    }
  }
}

export function parseEnvelope(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const login = /login|登录/i.test(text.slice(0, 2000));
    throw new FetchFailure(
      `malformed body (not JSON): ${text.slice(0, 80).replace(/\s+/g, ' ')}`,
      false,
      login ? LOGIN_HINT : undefined,
    );
  }
  const envelope = body as { success?: unknown; errMsg?: unknown; code?: unknown; data?: unknown } | null;
  if (!envelope || typeof envelope !== 'object') throw new FetchFailure('malformed body: not an object', false);
  if (envelope.success !== true) {
    const message = `success: false (${String(envelope.code ?? '')} ${String(envelope.errMsg ?? '')})`.replace(
      /\s+\)/,
      ')',
    );
    throw new FetchFailure(
      message,
      false,
      /login|登录|session|权限/i.test(String(envelope.errMsg ?? '')) ? LOGIN_HINT : undefined,
    );
  }
  if (!envelope.data || typeof envelope.data !== 'object')
    throw new FetchFailure('malformed body: no data object', false);
  return envelope.data;
}
