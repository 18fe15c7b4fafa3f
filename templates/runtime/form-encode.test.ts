import { describe, expect, it } from 'vitest';
import { encodeForm, encodeFormComponent } from './form-encode.js';

const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
const SAMPLES = [
  '',
  '123',
  'taobao.tbk.uvid.encrypt',
  '2026-01-01 12:00:00',
  ascii,
  '淘宝客 推广者',
  '😀 emoji',
  'a\uD800b', // lone high surrogate
  '\uDC00', // lone low surrogate
  '{"item_id":"1707359271433894971","title":"a&b=c+d"}',
  "!'()~*-._ %+",
];

describe('encodeFormComponent', () => {
  it('writes every character as URLSearchParams does', () => {
    for (const text of SAMPLES) {
      expect(encodeFormComponent(text)).toBe(new URLSearchParams({ s: text }).toString().slice(2));
    }
    for (let code = 0; code < 0x3000; code++) {
      const text = `x${String.fromCharCode(code)}y`;
      expect(encodeFormComponent(text)).toBe(new URLSearchParams({ s: text }).toString().slice(2));
    }
  });
});

describe('encodeForm', () => {
  it('gives the bytes of new URLSearchParams(params).toString(), in insertion order', () => {
    const params: Record<string, string> = {};
    SAMPLES.forEach((s, i) => (params[`p${i}${s.slice(0, 3)}`] = s));
    expect(encodeForm(params)).toBe(new URLSearchParams(params).toString());
    expect(encodeForm({})).toBe('');
    const bare = Object.assign(Object.create(null) as Record<string, string>, { b: '2', a: '1 2' });
    expect(encodeForm(bare)).toBe('b=2&a=1+2');
  });
});
