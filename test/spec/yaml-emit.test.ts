/**
 * The direct YAML emitter (spec/yaml-emit.ts) against the `yaml` package's Document path
 * (spec/yaml-document.ts) as the oracle: byte for byte on every spec file, on a table of
 * strings that each trip one of the package's rules, and on seeded random values; and its
 * output reads back as the value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CatalogSpec, MethodSpec } from '../../generator/src/spec/model.js';
import { serializeReleaseHistory, type ReleaseEntry } from '../../generator/src/spec/release-history.js';
import { canonicalMethodSpec, serializeCatalog, serializeMethodSpec } from '../../generator/src/spec/spec-files.js';
import { documentYaml } from '../../generator/src/spec/yaml-document.js';
import { emitYaml, serializeYaml, yamlFallbackCount } from '../../generator/src/spec/yaml-emit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const methodFiles = readdirSync(path.join(ROOT, 'spec/methods'))
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => `spec/methods/${n}`);

/** The emitter's text, which must exist (no fallback) and equal the oracle's. */
function expectSameAsOracle(value: unknown, label: string): string {
  const text = emitYaml(value);
  expect(text, `${label}: emitYaml fell back`).toBeDefined();
  expect(text, label).toBe(documentYaml(value));
  return text!;
}

describe('emitYaml on the spec', () => {
  it('gives the oracle bytes for every method spec and the catalog, through the serialisers, without a fallback', () => {
    expect(methodFiles.length).toBe(112);
    const before = yamlFallbackCount();
    for (const file of methodFiles) {
      const text = read(file);
      const spec = parse(text) as MethodSpec;
      const canonical = canonicalMethodSpec(spec);
      expectSameAsOracle(canonical, file);
      expect(serializeMethodSpec(spec), file).toBe(documentYaml(canonical));
      expect(serializeMethodSpec(spec), file).toBe(text);
    }
    const catalogText = read('spec/catalog.yaml');
    const catalog = parse(catalogText) as CatalogSpec;
    expectSameAsOracle(catalog, 'spec/catalog.yaml');
    expect(serializeCatalog(catalog)).toBe(catalogText);
    expect(yamlFallbackCount()).toBe(before);
  });

  it('gives the release history its committed bytes without a fallback', () => {
    const text = read('spec/releases.yaml');
    const before = yamlFallbackCount();
    const releases = (parse(text) as { releases: ReleaseEntry[] }).releases;
    expect(serializeReleaseHistory(releases)).toBe(text);
    expect(yamlFallbackCount()).toBe(before);
  });
});

/** Strings each of which trips a rule of the package's string writer (or looks as if it might). */
const TRICKY: readonly string[] = [
  '',
  ' ',
  ' lead',
  'trail ',
  '\ttab lead',
  'tab\tinside',
  'trail\t',
  'a: b',
  'a:b',
  'ends with:',
  'a #b',
  'a#b',
  '#comment',
  '- item',
  '-',
  '-x',
  '? key',
  '?',
  '?x',
  ': colon',
  ':x',
  ', comma',
  ',x',
  '[x',
  ']x',
  '{x',
  '}x',
  '&anchor',
  '*alias',
  '!tag',
  '|pipe',
  '>fold',
  "'single",
  "has 'single' quote",
  '"double',
  'has "double" quote',
  'both \' and "',
  '%directive',
  '@at',
  '`tick',
  'yes',
  'no',
  'on',
  'off',
  'Y',
  'n',
  'true',
  'False',
  'TRUE',
  'null',
  'Null',
  '~',
  '012',
  '1e3',
  '0x1F',
  '0o17',
  '.5',
  '-1.5',
  '+12',
  '2222_334666',
  '1_000',
  '12:30',
  '190:20:30',
  '.inf',
  '-.Inf',
  '.NaN',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '=',
  '<<',
  '---',
  '--- x',
  '...',
  'a\n---\nb',
  'a\n...',
  'a\n%x',
  'CR\rhere',
  'CRLF\r\nline',
  'nul\u0000',
  'bell\u0007',
  'esc\u001b',
  'vt\u000b',
  'del\u007f',
  'nel\u0085',
  'nbsp\u00a0',
  'ls\u2028here',
  'ps\u2029',
  '\ufeffbom',
  'lone \ud800 surrogate',
  '淘宝客推广位',
  '中文：冒号，逗号',
  '商品 #标签',
  'emoji 😀 text',
  '😀',
  'back\\slash \\n not a break',
  'one\nline break',
  'one\nline break and long enough to be written on more than one line',
  'trailing newline\n',
  'two trailing\n\n',
  'three trailing\n\n\n',
  '\n',
  '\n\n',
  '\nleading break',
  '\n\nleading breaks',
  '  leading spaces\nsecond line',
  'first\n  indented second\nthird',
  '\n  indented after a break',
  ' \n space line',
  'space before break \nnext',
  'space before break \nnext line that is long enough to fold in double quotes',
  'tab before break\t\nnext',
  'line\n\ttab led',
  'blank last line\n  ',
  'blank middle\n  \nend',
  'a\n\n\nb',
  'x'.repeat(300),
  `${'word '.repeat(60)}end`,
  `${'长'.repeat(200)}\n${'行'.repeat(200)}`,
  `${'y'.repeat(1030)}`,
  ` ${'z'.repeat(1030)}`,
  'quoted because trailing \n',
  'ends with break then spaces\n \n',
  'mixed "q" and\nbreak',
  "single 'q' and\nbreak",
];

/** Each string as a value, a key (root and nested), in sequences and in maps in sequences. */
function placements(s: string): [string, unknown][] {
  return [
    ['value', { v: s }],
    ['root key', { [s]: 'x' }],
    ['nested key', { a: { [s]: s } }],
    ['sequence', { list: [s, s] }],
    ['root sequence', [s]],
    ['map in sequence', { a: [{ [s]: s, b: [s] }] }],
    ['sequence in sequence', [[s, [s]]]],
    ['collections', { [s]: [s], e: [], o: {} }],
  ];
}

describe('emitYaml on tricky strings', () => {
  for (const s of TRICKY) {
    it(`writes ${JSON.stringify(s).slice(0, 60)} as the package does and reads it back`, () => {
      for (const [where, value] of placements(s)) {
        const text = expectSameAsOracle(value, `${JSON.stringify(s)} as ${where}`);
        expect(parse(text), `${JSON.stringify(s)} as ${where}`).toEqual(value);
      }
    });
  }
});

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES: readonly string[] = [
  ...' -?:,[]{}#&*!|>\'"%@`=~.\\',
  ': ',
  ' #',
  '- ',
  '? ',
  '\t',
  '\r',
  '\n',
  '\n\n',
  '  ',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '淘宝',
  '客',
  '😀',
  'yes',
  'No',
  'on',
  'null',
  'true',
  '012',
  '1e3',
  '0x1F',
  '.5',
  '2222_334666',
  '12:30',
  '2001-12-14',
  '---',
  '...',
  '<<',
  '.inf',
  'word',
  'a',
  '1',
];

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const string = (): string => {
    if (next() < 0.01) return 'k'.repeat(1000 + int(60)); // around the implicit-key limit
    let s = '';
    for (let n = int(next() < 0.2 ? 30 : 6); n > 0; n -= 1) s += pick(PIECES);
    return s;
  };
  const scalar = (): unknown => {
    const r = next();
    if (r < 0.7) return string();
    if (r < 0.8) return pick([0, -0, 1, -7, 3.25, 1e21, 1.5e-7, 2 ** 53, NaN, Infinity, -Infinity]);
    if (r < 0.9) return next() < 0.5;
    return null;
  };
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.45) return scalar();
    const size = int(4);
    if (r < 0.7) return Array.from({ length: size }, () => value(depth + 1));
    const map: Record<string, unknown> = {};
    for (let i = 0; i < size; i += 1) map[string()] = value(depth + 1);
    return map;
  };
  return () =>
    next() < 0.5 ? Array.from({ length: 1 + int(3) }, () => value(1)) : { [string()]: value(1), [string()]: value(1) };
}

describe('emitYaml on random values', () => {
  it('gives the oracle bytes for 3,000 seeded random documents and reads them back', () => {
    const make = generator(20_240_611);
    for (let n = 0; n < 3000; n += 1) {
      const value = make();
      const text = expectSameAsOracle(value, `case ${n}`);
      expect(parse(text), `case ${n}`).toEqual(value);
    }
  });
});

describe('serializeYaml falls back for what emitYaml leaves to the package', () => {
  const outside: [string, unknown][] = [
    ['a root scalar', 'text'],
    ['a date', { when: new Date(0) }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['an undefined item', { list: [1, undefined] }],
    ['a hole', { list: [1, , 2] }],
    ['a toJSON', { v: { toJSON: () => 'x' } }],
  ];
  for (const [what, value] of outside) {
    it(`takes the package's path for ${what}, and counts it`, () => {
      expect(emitYaml(value)).toBeUndefined();
      const before = yamlFallbackCount();
      expect(serializeYaml(value)).toBe(documentYaml(value));
      expect(yamlFallbackCount()).toBe(before + 1);
    });
  }

  it('leaves undefined map values out, as the package does', () => {
    const value = { a: 1, b: undefined, c: { d: undefined } };
    expect(expectSameAsOracle(value, 'undefined values')).toBe('a: 1\nc: {}\n');
  });
});
