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
const docRecords = path.resolve(repoRoot, '../shared/corpus/doc-records');

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
    const slow = parseJsonLossless(text, { fastPath: false });
    expect(plain(slow)).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(slow)).toBe(Object.prototype);
    expect(Object.keys(slow as object)).toContain('__proto__');
  });

  it.each([
    ['{"a":1,}', 'position 7'],
    ['{"a" 1}', 'expected ":"'],
    ['[1 2]', 'expected "," or "]"'],
    ['{"a":tru}', 'unexpected character'],
    ['{"a":"x\u0001"}', 'invalid string'],
    ['{"a":01}', 'expected "," or "}"'],
    ['{"a":1} x', 'unexpected text after'],
    ['', 'unexpected end of JSON'],
  ])('rejects %j (%s)', (text, message) => {
    expect(() => parseJsonLossless(text, { fastPath: false })).toThrow(SyntaxError);
    expect(() => parseJsonLossless(text, { fastPath: false })).toThrow(message);
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
        expect(plain(parseJsonLossless(sample, { fastPath: false })), `${file} ${key}`).toEqual(expected);
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
