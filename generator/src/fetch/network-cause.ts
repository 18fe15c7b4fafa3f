/**
 * Why a request to the doc site failed below HTTP, in words a user acts on. `fetch` (undici)
 * rejects with `TypeError: fetch failed` and keeps the system error in `cause`; an offline run
 * once printed only `catalog: /docCenter: fetch failed`.
 */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** The innermost error of a cause chain that carries a system error code, or the error itself. */
function innermost(error: unknown): ErrorLike {
  let e = error as ErrorLike | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') return e;
    const next = e.cause as ErrorLike | undefined;
    if (!next || typeof next !== 'object') break;
    e = next;
  }
  return e ?? {};
}

/** `host: cause (CODE)`, e.g. `open.taobao.com: cannot resolve the host name (ENOTFOUND): offline, or a wrong --base-url?` */
export function describeNetworkError(error: unknown, url: URL, timeoutMs: number): string {
  const outer = error as ErrorLike;
  if (outer?.name === 'TimeoutError' || outer?.name === 'AbortError')
    return `${url.host}: no answer within ${timeoutMs / 1000} s (timeout)`;
  const e = innermost(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${url.hostname}: cannot resolve the host name (${code}): offline, or a wrong --base-url?`;
    case 'ECONNREFUSED':
      return `${url.host}: connection refused (ECONNREFUSED): nothing listens there; a wrong --base-url?`;
    case 'ECONNRESET':
      return `${url.host}: the connection was reset (ECONNRESET)`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `${url.host}: no answer in time (timeout, ${code})`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${url.host}: network unreachable (${code}): offline?`;
  }
  if (code && TLS_CODE.test(code)) return `${url.host}: TLS error (${code}): ${message}`;
  return `${url.host}: ${message}${code ? ` (${code})` : ''}`;
}
