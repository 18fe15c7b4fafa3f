/**
 * Redaction of credentials: the app secret and the user session must never appear in a log
 * event, an error message or a thrown object (docs/design.md "Client behaviour"). Every text the
 * client hands out is passed through `redactText` with the credentials of the call.
 */

export const REDACTED = '***';

/** A secret as written raw and as percent-encoded in a URL (query params, form bodies). */
function spellings(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  return [...forms].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Forms this long are redacted wherever they occur, even glued to other text: no word contains
 * 16 characters of a credential by chance (app secrets are 32 hex digits, sessions longer), and
 * a credential glued to a param value must not leak.
 */
const ANYWHERE_LENGTH = 16;

/**
 * Replaces each non-empty secret (raw or URL-encoded) with `***` where it stands as a whole
 * value: not inside a longer run of letters, digits and `_` (a percent escape before it, as in
 * `%3D`, also ends a run). With the secret `s`, `expected a string` and the gateway's own
 * `Invalid signature` stay as they are, while `app_secret=s&` and `"s"` are redacted. Forms of
 * ANYWHERE_LENGTH characters or more are redacted anywhere.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = secrets.flatMap((secret) => (secret ? spellings(secret) : [])).sort((a, b) => b.length - a.length);
  if (forms.length === 0) return text;
  const alternatives = forms.map((form) =>
    form.length >= ANYWHERE_LENGTH ? escapeRegExp(form) : `${WORD_START}${escapeRegExp(form)}${WORD_END}`,
  );
  return text.replace(new RegExp(alternatives.join('|'), 'gu'), REDACTED);
}

const WORD_START = '(?:(?<![\\p{L}\\p{N}_])|(?<=%[0-9A-Fa-f]{2}))';
const WORD_END = '(?![\\p{L}\\p{N}_])';

/** The URL with the `session` query param shown as `***` (the signature may stay). */
export function redactUrl(url: URL, secrets: readonly (string | undefined)[]): string {
  const copy = new URL(url.href);
  if (copy.searchParams.has('session')) copy.searchParams.set('session', REDACTED);
  return redactText(copy.href, secrets);
}
