import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from './redact.js';

describe('redactText', () => {
  it('removes every raw and URL-encoded occurrence of each secret', () => {
    const session = 'ab+c/d=e f';
    const url = new URL('http://x/r');
    url.searchParams.set('session', session);
    const text = `raw ${session}; query ${url.search}; component ${encodeURIComponent(session)}; secret s3cr3t twice s3cr3t`;
    const out = redactText(text, ['s3cr3t', session, undefined, '']);
    expect(out).toBe('raw ***; query ?session=***; component ***; secret *** twice ***');
  });
});

describe('redactText on whole values only', () => {
  it("leaves the secret alone inside other words, and the gateway's own words unchanged", () => {
    expect(redactText('expected a string', ['s'])).toBe('expected a string');
    expect(redactText('Invalid signature', ['s', 'e'])).toBe('Invalid signature');
    expect(redactText('secret s here', ['s'])).toBe('secret *** here');
    expect(redactText('app_secret=s&x=1 "s" (s)', ['s'])).toBe('app_secret=***&x=1 "***" (***)');
  });

  it('redacts a session as a whole value, raw and percent-encoded, not inside longer tokens', () => {
    const session = '6100e1f';
    expect(redactText(`session=${session}&a=6100e1fz`, [session])).toBe('session=***&a=6100e1fz');
    expect(redactText('x=a%2Fb y=a/b z=a/bc', ['a/b'])).toBe('x=*** y=*** z=a/bc');
  });
});

describe('redactUrl', () => {
  it('shows the session param as *** and keeps the rest', () => {
    const url = new URL('http://127.0.0.1/router/rest?method=m&session=abc%2B1&sign=F00');
    expect(redactUrl(url, ['zzz'])).toBe('http://127.0.0.1/router/rest?method=m&session=***&sign=F00');
  });
});
