/**
 * The one percent-encoder of the client, for the query string and the urlencoded body alike:
 * `application/x-www-form-urlencoded` as `URLSearchParams` writes it (the WHATWG urlencoded
 * serializer: `*-._`, digits and ASCII letters stay, a space becomes `+`, every other UTF-8 byte
 * `%XX`; a lone surrogate is sent as U+FFFD). Most TOP values (digits, names, method names) need
 * no escape at all and are copied as they are, which is what makes this cheaper than building a
 * `URLSearchParams` twice a call.
 */

/** Text that the serializer leaves as it is. */
const PLAIN = /^[\w*.-]*$/;

/** Characters `encodeURIComponent` keeps that the form serializer escapes, and the space. */
const FORM_ONLY = /[!'()~]|%20/g;
const FORM_ESCAPES: Record<string, string> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E', '%20': '+' };

/** One name or value, form-encoded. */
export function encodeFormComponent(text: string): string {
  if (PLAIN.test(text)) return text;
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // A lone surrogate: URLSearchParams writes it as U+FFFD (encodeURIComponent refuses it).
    return new URLSearchParams({ s: text }).toString().slice(2);
  }
  return encoded.replace(FORM_ONLY, (c) => FORM_ESCAPES[c]!);
}

/** `name=value&…` of text params, in their insertion order (what `URLSearchParams` gives). */
export function encodeForm(params: Readonly<Record<string, string>>): string {
  let out = '';
  for (const name of Object.keys(params)) {
    out += `${out === '' ? '' : '&'}${encodeFormComponent(name)}=${encodeFormComponent(params[name]!)}`;
  }
  return out;
}
