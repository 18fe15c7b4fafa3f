/**
 * TOP request signature (docs/design.md "Client behaviour", as the official SDKs compute it):
 * sort params by name (ASCII), concatenate `name + value` (raw UTF-8), skip `sign` and file
 * params; md5 = upper(hex(md5(secret + s + secret))); hmac = HMAC-MD5 keyed by the secret;
 * hmac-sha256 = HMAC-SHA256 keyed by the secret.
 */
import { createHash, createHmac, type Hash } from 'node:crypto';

export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export const SIGN_METHODS: readonly SignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

/** A param the official SDKs neither send nor sign: null, undefined, empty or whitespace only. */
function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/**
 * The signed string: `name1value1name2value2…` over the sorted params, without `sign` and
 * without blank values (the SDKs' signing functions skip them themselves, so a caller that
 * signs its own params gets the signature the gateway computes).
 */
export function signingString(params: Readonly<Record<string, string | null | undefined>>): string {
  // The default sort orders by UTF-16 code units, as `<` does (ASCII order for TOP names).
  const names = Object.keys(params).sort();
  let s = '';
  for (const name of names) {
    const value = params[name];
    if (name !== 'sign' && !isBlank(value)) s += name + value;
  }
  return s;
}

/**
 * Signature of already-encoded text params (file params must not be passed in).
 * Returns the uppercase hex digest.
 */
export function sign(
  params: Readonly<Record<string, string | null | undefined>>,
  secret: string,
  signMethod: SignMethod,
): string {
  const s = signingString(params);
  switch (signMethod) {
    case 'md5':
      return createHash('md5')
        .update(secret + s + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
    case 'hmac':
      return createHmac('md5', secret).update(s, 'utf8').digest('hex').toUpperCase();
    case 'hmac-sha256':
      return createHmac('sha256', secret).update(s, 'utf8').digest('hex').toUpperCase();
    default:
      throw new TypeError(`unknown sign method "${String(signMethod)}" (expected md5, hmac or hmac-sha256)`);
  }
}

/** Signs a call's signing string (`signingString` of its text params): the client's signer. */
export type Signer = (signingText: string) => string;

/**
 * A signer bound to one secret and method. Every digest starts from a hash state primed once,
 * here, and copied per call: md5 from the secret, HMAC (RFC 2104) from the inner and outer
 * padded keys. Making a hash or an `Hmac` per call looks the algorithm up in OpenSSL each time,
 * which under load cost several times the hashing itself; a copy does not.
 */
export function createSigner(secret: string, signMethod: SignMethod): Signer {
  if (!SIGN_METHODS.includes(signMethod))
    throw new TypeError(`unknown sign method "${String(signMethod)}" (expected md5, hmac or hmac-sha256)`);
  const algorithm = signMethod === 'hmac-sha256' ? 'sha256' : 'md5';
  let key = Buffer.from(secret, 'utf8');
  if (signMethod === 'md5') {
    const primed = createHash('md5').update(key);
    return (text) =>
      primed
        .copy()
        .update(text + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
  }
  if (key.length > 64) key = createHash(algorithm).update(key).digest();
  const padded = (byte: number): Hash => {
    const block = Buffer.alloc(64, byte);
    for (let i = 0; i < key.length; i++) block[i]! ^= key[i]!;
    return createHash(algorithm).update(block);
  };
  const inner = padded(0x36);
  const outer = padded(0x5c);
  return (text) => outer.copy().update(inner.copy().update(text, 'utf8').digest()).digest('hex').toUpperCase();
}
