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

describe('redactUrl', () => {
  it('shows the session param as *** and keeps the rest', () => {
    const url = new URL('http://127.0.0.1/router/rest?method=m&session=abc%2B1&sign=F00');
    expect(redactUrl(url, ['zzz'])).toBe('http://127.0.0.1/router/rest?method=m&session=***&sign=F00');
  });
});
