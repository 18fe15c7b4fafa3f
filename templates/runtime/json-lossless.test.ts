import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LosslessNumber,
  needsLosslessParse,
  parseJsonLossless,
  stringifyJson,
  type JsonValue,
} from './json-lossless.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docRecords = path.resolve(repoRoot, 'spec/pages/doc-records');

/** LosslessNumber → number, to compare with JSON.parse where nothing is at stake. */
function plain(value: JsonValue): unknown {
  if (value instanceof LosslessNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('needsLosslessParse', () => {
  it.each([
    ['{"id":1707359271433894971}', true],
    ['{"price":5.10}', true],
    ['{"n":1e3}', true],
    ['{"n":-0}', true],
    ['{"id":9007199254740991,"x":1.5,"y":-12}', false],
    ['{"s":"1707359271433894971","t":"5.10 and 1e3"}', false],
    ['{"s":"quote \\" 12345678901234567890 \\\\"}', false],
  ])('%s → %s', (text, expected) => {
    expect(needsLosslessParse(text)).toBe(expected);
  });
});

describe('parseJsonLossless', () => {
  it('keeps a 19-digit integer and decimal text exactly', () => {
    const v = parseJsonLossless('{"a":1707359271433894971,"b":[5.10,-9223372036854775808],"c":7,"d":"x"}') as Record<
      string,
      JsonValue
    >;
    expect(v['a']).toEqual(new LosslessNumber('1707359271433894971'));
    expect(v['b']).toEqual([new LosslessNumber('5.10'), new LosslessNumber('-9223372036854775808')]);
    expect(v['c']).toBe(7);
    expect(v['d']).toBe('x');
  });

  it('uses JSON.parse when nothing would be lost', () => {
    expect(parseJsonLossless('{"a":[1,2.5,true,null],"b":{"c":"\\u00e9\\/"}}')).toEqual({
      a: [1, 2.5, true, null],
      b: { c: 'é/' },
    });
  });

  it('decodes escapes, nesting, empty containers and __proto__ keys like JSON.parse', () => {
    const text =
      ' { "__proto__" : {"x":1}, "e":[], "o":{}, "s":"a\\"b\\\\c\\n\\u4e2d", "n":[0,-1,2.5e-3,true,false,null] } ';
    const slow = parseJsonLossless(`${text.slice(0, -2)}, "big": 12345678901234567890 } `);
    expect(plain(slow)).toEqual({ ...JSON.parse(text), big: 12345678901234567890 });
    expect((slow as Record<string, JsonValue>)['big']).toEqual(new LosslessNumber('12345678901234567890'));
    expect(Object.getPrototypeOf(slow)).toBe(Object.prototype);
    expect(Object.keys(slow as object)).toContain('__proto__');
  });

  // Each text also holds a literal that needs the lossless read: a number turned into a marked
  // string must not make invalid JSON valid (the unquoted key of the last two).
  it.each([
    ['{"a":1,} 12345678901234567890', 'position 7'],
    ['{"a" 1, "b": 12345678901234567890}', 'position 5'],
    ['[1 2, 12345678901234567890]', 'position 3'],
    ['{"a":tru, "b": 5.10}', `Unexpected token ',' in JSON`],
    ['{"a":"x\u0001", "b": 5.10}', 'position 7'],
    ['{"a":01, "b": 5.10}', 'position 6'],
    ['{"a":1} 5.10', 'position 8'],
    ['', 'end of JSON'],
    ['{12345678901234567890: 1}', 'position 1'],
    ['{"a": 1, 5.10: 2}', 'position 9'],
  ])('rejects %j (%s)', (text, message) => {
    expect(() => parseJsonLossless(text)).toThrow(SyntaxError);
    expect(() => parseJsonLossless(text)).toThrow(message);
  });

  it('keeps strings that start with escaped U+0000 apart from marked numbers', () => {
    const text = '{"a":"\\u0000\\u00001","b":12345678901234567890,"c":"\\u0000x","d":[5.10]}';
    expect(parseJsonLossless(text)).toEqual({
      a: '\u0000\u00001',
      b: new LosslessNumber('12345678901234567890'),
      c: '\u0000x',
      d: [new LosslessNumber('5.10')],
    });
  });

  it('agrees with JSON.parse on every valid sample of the doc records', () => {
    let compared = 0;
    for (const file of readdirSync(docRecords).filter((f) => f.endsWith('.json'))) {
      const record = JSON.parse(readFileSync(path.join(docRecords, file), 'utf8')) as Record<string, unknown>;
      for (const key of ['rspSampleJson', 'rspSampleSimplifyJson', 'apiErrDemoJson']) {
        const sample = record[key];
        if (typeof sample !== 'string') continue;
        let expected: unknown;
        try {
          expected = JSON.parse(sample);
        } catch {
          continue; // some doc samples are not valid JSON (corpus README)
        }
        expect(plain(parseJsonLossless(sample)), `${file} ${key}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });
});

describe('stringifyJson', () => {
  it('writes bigint and LosslessNumber as bare number literals', () => {
    const text = stringifyJson({ id: 1707359271433894971n, p: new LosslessNumber('5.10'), s: 'a"b', l: [1n, 2] });
    expect(text).toBe('{"id":1707359271433894971,"p":5.10,"s":"a\\"b","l":[1,2]}');
    expect(parseJsonLossless(text)).toEqual({
      id: new LosslessNumber('1707359271433894971'),
      p: new LosslessNumber('5.10'),
      s: 'a"b',
      l: [1, 2],
    });
  });

  it('leaves strings that merely contain digits and # alone', () => {
    expect(stringifyJson({ s: '#123#', t: '\u0000#1#' })).toBe(JSON.stringify({ s: '#123#', t: '\u0000#1#' }));
  });
});
