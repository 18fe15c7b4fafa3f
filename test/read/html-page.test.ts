import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHtmlPage } from '../../generator/src/read/rendered-page/read-html-page.js';
import type { Page, PageParam, ReadResult } from '../../generator/src/read/page-model.js';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';
import { HTML_FIXTURE_SEEDS, fixturePath, renderHtmlFixture, seedPath } from '../../scripts/make-html-fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const textOf = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const codes = (r: ReadResult) => r.diagnostics.map((d) => `${d.line} ${d.level} ${d.code}`);
const withoutLines = (params: PageParam[]) => params.map(({ line: _line, ...rest }) => rest);
const squash = (text: string) => text.replace(/\s+/g, '');

/** What the two readers must agree on; lines differ between a text page and its HTML. */
function facts(result: ReadResult) {
  const page: Page = result.pages[0]!;
  return {
    method: page.method?.value,
    auth: page.auth && { value: page.auth.value, evidence: page.auth.evidence },
    description: page.description?.value,
    request: withoutLines(page.request),
    response: withoutLines(page.response),
    samples: Object.fromEntries(Object.entries(page.samples).map(([kind, s]) => [kind, squash(s.value)])),
    errors: page.errors.map(({ line: _line, ...rest }) => rest),
    titles: result.catalogs.flatMap((c) => c.entries.map((e) => e.title)),
    diagnostics: result.diagnostics.map((d) => d.code),
  };
}

describe('readHtmlPage on the constructed fixtures', () => {
  describe.each(HTML_FIXTURE_SEEDS)('%s', (name) => {
    const html = readHtmlPage(fixturePath(name), textOf(fixturePath(name)));
    const text = readSeedText(seedPath(name), textOf(seedPath(name)));

    it('gives the same page model as the text reader on the same seed', () => {
      expect(html.pages).toHaveLength(1);
      expect(html.pages[0]!.format).toBe('html');
      // Seed 000's stray `|` line has no HTML counterpart; every other diagnostic is shared.
      const textFacts = facts(text);
      textFacts.diagnostics = textFacts.diagnostics.filter((code) => code !== 'TBK025');
      expect(facts(html)).toEqual(textFacts);
    });

    it('locates params, samples and titles on their HTML lines', () => {
      const lines = textOf(fixturePath(name)).split('\n');
      const page = html.pages[0]!;
      for (const param of [...page.request, ...page.response])
        expect(lines[param.line - 1]).toContain(`<td>${param.name}</td>`);
      for (const sample of Object.values(page.samples)) expect(lines[sample.line - 1]).toMatch(/^<pre>/);
      for (const entry of html.catalogs[0]!.entries)
        expect(lines[entry.line - 1]).toContain(entry.title.replace(/&/g, '&amp;'));
      expect(lines[page.method!.line - 1]).toMatch(/^<pre data-lang="curl">/);
    });

    it('is the output of scripts/make-html-fixtures.ts (run it after changing the seed reader)', () => {
      expect(textOf(fixturePath(name))).toBe(renderHtmlFixture(seedPath(name), textOf(seedPath(name))));
    });
  });

  it('001: byte[] upload param, description and auth as in the text page', () => {
    const page = readHtmlPage('001.html', textOf(fixturePath('001_c45301d665ca6256'))).pages[0]!;
    expect(page.request.find((p) => p.name === 'pic_stream')).toMatchObject({
      type: 'byte[]',
      required: false,
      description: '需打码的图片',
    });
    expect(page.request.find((p) => p.name === 'pic_stream')?.example).toBeUndefined();
    expect(page.description?.value).toMatch(/^服务商使用。/);
    expect(page.auth?.value).toBe('required');
  });

  it('003: multi-line samples keep their lines', () => {
    const page = readHtmlPage('003.html', textOf(fixturePath('003_0e2e983cd5d64fce'))).pages[0]!;
    expect(page.samples.json!.value.split('\n')).toHaveLength(13);
    expect(page.samples.json!.value.split('\n')[1]).toBe('"tbk_sc_social_crowd_get_response":{');
  });
});

describe('readHtmlPage on bad pages', () => {
  it('empty file: one error', () => {
    expect(readHtmlPage('empty.html', '').diagnostics).toEqual([
      { file: 'empty.html', line: 0, level: 'error', code: 'TBK001', message: 'page is empty' },
    ]);
  });

  it('no SDK samples: catalog kept, page not emitted, error names the file', () => {
    const file = 'test/fixtures/bad-pages/no-samples.html';
    const result = readHtmlPage(file, textOf(file));
    expect(result.pages).toEqual([]);
    expect(result.catalogs[0]!.entries).toEqual([
      { title: '淘宝客-推广者-商品链接转换', line: 7 },
      { title: '淘宝客-推广者-加密用户标识生成', line: 8 },
    ]);
    expect(codes(result)).toEqual(['22 warning TBK030', '22 error TBK003']);
  });

  it('odd parts: nested nav, unknown table, short row, unknown code block, unclosed sample, no error table', () => {
    const file = 'test/fixtures/bad-pages/odd-parts.html';
    const result = readHtmlPage(file, textOf(file));
    const page = result.pages[0]!;
    expect(page.method).toEqual({ value: 'taobao.tbk.sc.pic.embed', line: 25 });
    expect(page.auth).toEqual({ value: 'required', evidence: 'curl session= field', line: 25 });
    expect(page.description).toEqual({
      value: '服务商使用。可通过该接口帮助推广者对目标图片生成带有推广者信息的暗码图。',
      line: 8,
    });
    expect(page.request).toEqual([
      {
        name: 'adzone_id',
        type: 'Number',
        required: true,
        example: '123',
        limitsText: '最大值：99999',
        limits: { maxValue: 99999 },
        description: 'mm_xxx_xxx_xxx的第三位',
        line: 16,
      },
      { name: 'pic_stream', type: 'byte[]', line: 17 },
      {
        name: 'site_id',
        type: 'Number',
        required: true,
        example: '123',
        description: 'mm_xxx_xxx_xxx的第二位(段落)',
        line: 18,
      },
    ]);
    // The category item holding the nested list is not a title.
    expect(result.catalogs[0]!.entries).toEqual([
      { title: '淘宝客-服务商-商业化图片生成', line: 41 },
      { title: '淘宝客-推广者-加密用户标识生成', line: 42 },
    ]);
    expect(page.samples.error_json).toEqual({ value: '{ "error_response":{ "code":50,', line: 34 });
    expect(codes(result)).toEqual([
      '7 notice TBK010',
      '10 warning TBK026',
      '17 warning TBK021',
      '34 warning TBK032',
      '31 warning TBK028',
      '32 warning TBK028',
      '48 warning TBK030',
      '48 warning TBK031',
    ]);
  });

  it('random bytes decoded as latin1 never throw and give one clear error', () => {
    for (const seed of [1, 7, 42]) {
      const bytes = Buffer.alloc(4096);
      let x = seed;
      for (let i = 0; i < bytes.length; i += 1) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        bytes[i] = x >>> 24;
      }
      const result = readHtmlPage('noise.html', bytes.toString('latin1'));
      expect(result.pages).toEqual([]);
      expect(result.diagnostics.map((d) => [d.file, d.level, d.code])).toEqual([['noise.html', 'error', 'TBK002']]);
    }
  });

  it('a text seed page given to the HTML reader is read without throwing', () => {
    const result = readHtmlPage('seed-as-html.html', textOf(seedPath('000_a8847ce389c68a49')));
    expect(result.pages).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });
});
