/**
 * text-width.ts measures text as prettier does: every code point, and emoji sequences, against
 * prettier's own `util.getStringWidth` (a prettier upgrade that changes a width fails here).
 */
import { util } from 'prettier';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../generator/src/print/text-width.js';

describe('displayWidth', () => {
  it('gives prettier’s width for every code point', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff && wrong.length < 10; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (displayWidth(ch) !== util.getStringWidth(ch))
        wrong.push(`U+${cp.toString(16)}: ${displayWidth(ch)} vs ${util.getStringWidth(ch)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives prettier’s width for mixed text and emoji sequences', () => {
    for (const text of [
      '淘宝客-推广者-加密用户标识生成',
      'a，b（c）【d】',
      'é (e\u0301)',
      '👍🏽 ok',
      '🇨🇳',
      '👨‍👩‍👧',
      '1️⃣',
      '©️ ©',
      '\u0007bell',
      'ｆｕｌｌ width',
    ]) {
      expect(displayWidth(text), text).toBe(util.getStringWidth(text));
    }
  });
});
