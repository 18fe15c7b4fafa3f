/**
 * Redaction of credentials: the app secret and the user session must never appear in a log
 * event, an error message or a thrown object (design.md "Client behaviour"). Every text the
 * client hands out is passed through `redactText` with the credentials of the call.
 */

export const REDACTED = '***';

/** Replaces every occurrence of each non-empty secret in `text` with `***`. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** The URL with the `session` query param shown as `***` (the signature may stay). */
export function redactUrl(url: URL, secrets: readonly (string | undefined)[]): string {
  const copy = new URL(url.href);
  if (copy.searchParams.has('session')) copy.searchParams.set('session', REDACTED);
  return redactText(copy.href, secrets);
}
