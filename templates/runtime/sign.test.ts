import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createSigner, sign, signingString, SIGN_METHODS } from './sign.js';

// The published example of the TOP signature algorithm (open.taobao.com "签名算法").
const published = {
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test',
  timestamp: '2016-01-01 12:00:00',
  format: 'json',
  v: '2.0',
  sign_method: 'md5',
  fields: 'num_iid,title,nick,price,num',
  num_iid: '11223344',
};

describe('sign', () => {
  it('reproduces the published md5 example', () => {
    expect(sign(published, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });
  it('sorts names in ASCII order and skips sign', () => {
    expect(signingString({ b: '2', a: '1', sign: 'X', B: '3' })).toBe('B3a1b2');
  });
  it('gives uppercase hex for hmac (32 chars) and hmac-sha256 (64 chars)', () => {
    expect(sign(published, 'helloworld', 'hmac')).toMatch(/^[0-9A-F]{32}$/);
    expect(sign(published, 'helloworld', 'hmac-sha256')).toMatch(/^[0-9A-F]{64}$/);
  });
  it('skips null, undefined, empty and whitespace-only values, as the official SDKs sign', () => {
    const blanks = { ...published, empty: '', spaces: '  ', tab: '\t\n', none: null, missing: undefined };
    expect(signingString(blanks)).toBe(signingString(published));
    expect(sign(blanks, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
    // A value with text around blanks is signed as given.
    expect(signingString({ a: ' x ' })).toBe('a x ');
  });
  it('signs raw UTF-8', () => {
    expect(sign({ q: '配置缺失' }, 's', 'md5')).not.toBe(sign({ q: '????' }, 's', 'md5'));
  });
});

describe('createSigner', () => {
  it('gives what sign gives, for every method and secrets of any length and script', () => {
    for (const secret of ['helloworld', 's', '密钥-secret', 'x'.repeat(200)]) {
      const signer = {} as Record<string, (text: string) => string>;
      for (const m of SIGN_METHODS) signer[m] = createSigner(secret, m);
      for (const m of SIGN_METHODS) {
        expect(signer[m]!(signingString(published))).toBe(sign(published, secret, m));
        expect(signer[m]!(signingString({ q: '配置缺失' }))).toBe(sign({ q: '配置缺失' }, secret, m));
      }
    }
  });
  it('is HMAC keyed by the secret text', () => {
    const expected = createHmac('sha256', 'helloworld').update(signingString(published)).digest('hex').toUpperCase();
    expect(createSigner('helloworld', 'hmac-sha256')(signingString(published))).toBe(expected);
  });
});
