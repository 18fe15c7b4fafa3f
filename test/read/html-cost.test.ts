import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, readHtmlPage } from '../../generator/src/read/rendered-page/read-html-page.js';
import { fixturePath } from '../../scripts/make-html-fixtures.js';

const FIXTURE = fixturePath('000_a8847ce389c68a49');

/** Median wall time of `runs` calls, in ms: one slow run on a busy machine does not decide. */
function timeOf(fn: () => void, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** `open` repeated `depth` times, then (if `close`) the matching end tags. */
const nested = (open: string, depth: number, close = true) => {
  const ends = [...open.matchAll(/<(\w+)/g)]
    .map((m) => `</${m[1]}>`)
    .reverse()
    .join('');
  return `<html><body>${open.repeat(depth)}x${close ? ends.repeat(depth) : ''}</body></html>`;
};

/** A page of `bytes` characters: the fixture's body repeated (tables, samples, nav). */
function bigPage(bytes: number): string {
  const page = readFileSync(FIXTURE, 'utf8');
  const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
  return page.replace('</body>', `${body.repeat(Math.ceil(bytes / body.length))}</body>`);
}

describe('readHtmlPage costs linear time', () => {
  it('refuses a page nested deeper than MAX_HTML_DEPTH with one error at the line, quickly', () => {
    for (const open of ['<div>', '<ul><li>', '<table><tr><td>', '<span>', '<p><span>']) {
      for (const close of [true, false]) {
        const text = nested(open, 50_000, close);
        const start = performance.now();
        const result = readHtmlPage('deep.html', text);
        expect(performance.now() - start).toBeLessThan(3000);
        expect(result.pages).toEqual([]);
        expect(result.diagnostics.map((d) => [d.line, d.level, d.code])).toEqual([[1, 'error', 'TBK041']]);
        expect(result.diagnostics[0]!.message).toContain(`deeper than ${MAX_HTML_DEPTH}`);
      }
    }
  });

  it('costs the same at 10k and 40k nesting depth (refused as soon as the limit is passed)', () => {
    for (const open of ['<div>', '<ul><li>']) {
      const small = timeOf(() => readHtmlPage('a.html', nested(open, 10_000)));
      const large = timeOf(() => readHtmlPage('b.html', nested(open, 40_000)));
      // The quadratic parse was ~16x (1.0 s → 20 s from 10k to 50k); linear would be ~4x.
      expect(large / Math.max(small, 5), `${open}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(8);
    }
  });

  it('reads a page nested just within the limit', () => {
    const page = readFileSync(FIXTURE, 'utf8');
    const depth = MAX_HTML_DEPTH - 10;
    const deep = page
      .replace('<body>', `<body>${'<div>'.repeat(depth)}`)
      .replace('</body>', `${'</div>'.repeat(depth)}</body>`);
    const result = readHtmlPage('deep-ok.html', deep);
    expect(result.pages.map((p) => p.method?.value)).toEqual(['taobao.tbk.uvid.encrypt']);
  });

  it('time grows linearly with the number of elements nested below the limit (20k vs 80k elements)', () => {
    // Rows of nesting MAX_HTML_DEPTH deep: the total element count grows, the depth does not.
    const stacks = (open: string, count: number) =>
      nested(open, 200)
        .replace(/^<html><body>|<\/body><\/html>$/g, '')
        .repeat(count / 200);
    for (const open of ['<div>', '<ul><li>', '<table><tr><td>']) {
      const small = timeOf(() => readHtmlPage('a.html', `<html><body>${stacks(open, 20_000)}</body></html>`), 5);
      const large = timeOf(() => readHtmlPage('b.html', `<html><body>${stacks(open, 80_000)}</body></html>`), 5);
      // 4x the elements: linear is ~4x, quadratic ~16x. Generous for a busy 2-core machine.
      expect(large / Math.max(small, 20), `${open}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(10);
    }
  });

  it('reads a 10 MB page in a few seconds', () => {
    const text = bigPage(10_000_000);
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const start = performance.now();
    const result = readHtmlPage('big.html', text);
    const ms = performance.now() - start;
    expect(result.pages).toHaveLength(1);
    // The page's body repeated: each repeated part is listed 20 times, then one notice says so.
    const perCode = new Map<string, number>();
    for (const d of result.diagnostics) perCode.set(d.code, (perCode.get(d.code) ?? 0) + 1);
    expect(Math.max(...perCode.values())).toBe(21);
    expect(result.diagnostics.find((d) => d.code === 'TBK033' && d.level === 'notice')?.message).toBe(
      'more TBK033 in this file from this line on are not listed (20 shown)',
    );
    // About 2.5 s on an idle 2-core machine (the DOM walk of the old reader took 20 s); the bound
    // leaves room for a machine busy with other work.
    expect(ms).toBeLessThan(10_000);
  }, 30_000);
});
