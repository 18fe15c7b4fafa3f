/**
 * Redaction of credentials: the app secret and the user session must never appear in a log
 * event, an error message or a thrown object (design.md "Client behaviour"). Every text the
 * client hands out is passed through `redactText` with the credentials of the call.
 */

export const REDACTED = '***';

/** A secret as written raw and as percent-encoded in a URL (query params, form bodies). */
function spellings(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each non-empty secret (raw or URL-encoded) with `***`. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of spellings(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** The URL with the `session` query param shown as `***` (the signature may stay). */
export function redactUrl(url: URL, secrets: readonly (string | undefined)[]): string {
  const copy = new URL(url.href);
  if (copy.searchParams.has('session')) copy.searchParams.set('session', REDACTED);
  return redactText(copy.href, secrets);
}
