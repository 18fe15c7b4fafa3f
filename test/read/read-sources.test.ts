import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import { detectFormat, detectJsonKind } from '../../generator/src/read/sources/detect-format.js';
import type { Reader } from '../../generator/src/read/page-model.js';
import { decodeText } from '../../generator/src/read/sources/decode-text.js';
import { readSources } from '../../generator/src/read/sources/read-sources.js';
import { expandGlob } from '../../generator/src/read/sources/source-glob.js';
import type { ReaderTable } from '../../generator/src/read/sources/source-readers.js';
import { parseSourcesFile } from '../../generator/src/read/sources/sources-file.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = resolve(root, 'spec/pages');

describe('detectFormat', () => {
  it('goes by extension for text formats, and an explicit format wins', () => {
    expect(detectFormat('a/000.txt', 'x')).toBe('seed-text');
    expect(detectFormat('dump.md', 'x')).toBe('markdown-dump');
    expect(detectFormat('page.HTML', 'x')).toBe('html');
    expect(detectFormat('page.htm', 'x')).toBe('html');
    expect(detectFormat('notes.rtf', 'x')).toBeUndefined();
    expect(detectFormat('notes.rtf', 'x', 'seed-text')).toBe('seed-text');
    expect(detectFormat('page.txt', 'x', 'html')).toBe('html');
  });

  it('tells JSON kinds apart by content, on the real corpus files', () => {
    const read = (p: string) => readFileSync(resolve(corpus, p), 'utf8');
    expect(detectFormat('r.json', read('doc-records/taobao.tbk.order.refund.get.json'))).toBe('doc-record');
    expect(detectFormat('r.json', read('doc-records-reduced/taobao_tbk_coupon_get.json'))).toBe('doc-record-reduced');
    // The Go generator's category descriptor sits among reduced records: still a catalog file.
    expect(detectFormat('catelog.json', read('doc-records-reduced/catelog.json'), 'doc-record-reduced')).toBe(
      'catalog-json',
    );
  });

  it('recognises the catalog handler data, its envelope, and leaves malformed JSON to the record reader', () => {
    expect(detectJsonKind('{"treeCategories":[]}')).toBe('catalog-json');
    expect(detectJsonKind('{"success":true,"data":{"treeCategories":[]}}')).toBe('catalog-json');
    expect(detectJsonKind('{"success":true,"data":{"name":"x","apiChineseName":"y","rspSampleJson":""}}')).toBe(
      'doc-record',
    );
    expect(detectJsonKind('{"name":"x","requestParams":[]}')).toBe('doc-record-reduced');
    expect(detectJsonKind('{"name": ')).toBeUndefined();
    expect(detectFormat('r.json', '{"name": ')).toBe('doc-record');
  });
});

describe('decodeText', () => {
  it('refuses NUL bytes and invalid UTF-8 with the offset and line, and drops a byte order mark', () => {
    expect(decodeText(Buffer.from('a\nb\n\0c'))).toEqual({
      binary: 'binary file (NUL byte at offset 4): not a doc page',
      line: 3,
    });
    expect(decodeText(Buffer.from('淘宝客\n', 'utf8'))).toEqual({ text: '淘宝客\n' });
    const gbk = Buffer.from([0x61, 0x0a, 0xcc, 0xd4, 0xb1, 0xa6]); // "a\n淘宝" in GBK
    expect(decodeText(gbk)).toEqual({
      binary: 'not UTF-8 text (invalid byte 0xcc at offset 2): not a doc page',
      line: 2,
    });
    expect(decodeText(Buffer.from('\uFEFF{"a":1}', 'utf8'))).toEqual({ text: '{"a":1}' });
  });
});

describe('globs', () => {
  it('matches *, **, ?, [..] and {a,b}, and never hidden entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tbk-glob-'));
    try {
      for (const file of ['000.txt', 'a/000.txt', 'a/b/c.json', 'c.json', '001_x.md', '003_x.md', 'ab.txt', 'x.txt']) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), '');
      }
      for (const hidden of ['.hidden.txt', '.git/d.json']) {
        mkdirSync(dirname(join(dir, hidden)), { recursive: true });
        writeFileSync(join(dir, hidden), '');
      }
      const matches = (pattern: string) => expandGlob(pattern, dir);
      expect(await matches('*.txt')).toContain('000.txt');
      expect(await matches('*.txt')).not.toContain('a/000.txt');
      expect(await matches('**/*.json')).toContain('a/b/c.json');
      expect(await matches('**/*.json')).toContain('c.json');
      expect(await matches('00[0-2]_*.{txt,md}')).toContain('001_x.md');
      expect(await matches('00[0-2]_*.{txt,md}')).not.toContain('003_x.md');
      expect(await matches('?.txt')).not.toContain('ab.txt');
      expect(await matches('?.txt')).toEqual(['x.txt']);
      expect(await matches('**/*.json')).toEqual(['a/b/c.json', 'c.json']);
      expect(await matches('*.txt')).toEqual(['000.txt', 'ab.txt', 'x.txt']);
      expect(await expandGlob(`${dir}/a/*.txt`, '/')).toEqual([`${dir}/a/000.txt`]);
      expect(await expandGlob('../a/b/*.json', join(dir, 'a'))).toEqual(['../a/b/c.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('expands against the disk, relative paths staying relative', async () => {
    expect(await expandGlob('spec/pages/rendered-pages/00[34]_*.txt', root)).toEqual([
      'spec/pages/rendered-pages/003_0e2e983cd5d64fce.txt',
      'spec/pages/rendered-pages/004_278e02791b663900.txt',
    ]);
    expect(await expandGlob('spec/**/000_*.txt', root)).toEqual(['spec/pages/rendered-pages/000_a8847ce389c68a49.txt']);
  });
});

describe('parseSourcesFile', () => {
  it('reads the repository sources file', () => {
    const file = 'spec/sources.yaml';
    const { entries, diagnostics } = parseSourcesFile(file, readFileSync(resolve(root, file), 'utf8'));
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => [e.path, e.format, e.optional ?? false])).toEqual([
      ['spec/pages/rendered-pages', 'seed-text', false],
      ['spec/pages/markdown-dump', 'markdown-dump', false],
      ['spec/pages/doc-records', 'doc-record', false],
      ['spec/pages/doc-records-reduced', 'doc-record-reduced', false],
      // Written by `tbk-gen fetch`; absent until a fetch is committed.
      ['spec/pages/doc-site', undefined, true],
    ]);
  });

  it('reports bad entries at their line', () => {
    const text = [
      'sources:',
      '  - path: a',
      '    format: pdf',
      '  - format: html',
      '  - { path: b, optional: maybe }',
      '  - { path: c, weight: 2 }',
      '  - d',
    ].join('\n');
    expect(parseSourcesFile('s.yaml', text).diagnostics.map(formatDiagnostic)).toEqual([
      's.yaml:3:13: error TBK210 unknown format "pdf" (one of seed-text, markdown-dump, doc-record, doc-record-reduced, html)',
      's.yaml:4:5: error TBK210 a source entry needs a `path`',
      's.yaml:5:26: error TBK210 `optional` is true or false',
      's.yaml:6:24: error TBK210 unknown key "weight" in a source entry (path, format, optional)',
      's.yaml:7:5: error TBK210 a source entry is a map { path, format?, optional? }',
    ]);
    expect(parseSourcesFile('s.yaml', 'pages: []').diagnostics[0]).toMatchObject({ line: 1, code: 'TBK210' });
  });
});

describe('readSources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tbk-sources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seen: string[] = [];
  const stub =
    (format: string): Reader =>
    (file, text) => {
      seen.push(`${format} ${file}`);
      if (text.includes('BROKEN'))
        return {
          pages: [],
          catalogs: [],
          diagnostics: [{ file, line: 2, level: 'error', code: 'TBK099', message: 'broken' }],
        };
      const page = {
        file,
        format: 'seed-text' as const,
        sha256: 'x',
        line: 1,
        method: { value: text.trim(), line: 1 },
        request: [],
        response: [],
        samples: {},
        errors: [],
      };
      return { pages: [page], catalogs: [], diagnostics: [] };
    };
  const readers: ReaderTable = {
    'seed-text': stub('seed-text'),
    'markdown-dump': stub('markdown-dump'),
    html: stub('html'),
    'doc-record': stub('doc-record'),
    'doc-record-reduced': stub('doc-record-reduced'),
    'catalog-json': stub('catalog-json'),
  };
  mkdirSync(join(dir, 'pages', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'pages', '.hidden'));
  writeFileSync(join(dir, 'pages', 'b.txt'), 'taobao.tbk.b');
  writeFileSync(join(dir, 'pages', 'a.txt'), 'taobao.tbk.a');
  writeFileSync(join(dir, 'pages', 'sub', 'c.md'), 'taobao.tbk.c');
  writeFileSync(join(dir, 'pages', 'notes.rtf'), 'ignored');
  writeFileSync(join(dir, 'pages', '.hidden', 'd.txt'), 'never read');
  writeFileSync(join(dir, 'pages', 'broken.html'), 'BROKEN');
  writeFileSync(join(dir, 'record.json'), '{"name":"taobao.tbk.r","requestParams":[]}');

  it('reads folders in sorted order, recursively, skipping hidden entries and other extensions', async () => {
    seen.length = 0;
    const result = await readSources([{ path: 'pages' }], { cwd: dir, readers });
    // Files are read concurrently; results come back in sorted path order.
    expect(seen.sort()).toEqual([
      'html pages/broken.html',
      'markdown-dump pages/sub/c.md',
      'seed-text pages/a.txt',
      'seed-text pages/b.txt',
    ]);
    expect(result.files).toEqual(['pages/a.txt', 'pages/b.txt', 'pages/broken.html', 'pages/sub/c.md']);
    expect(result.pages.map((p) => p.method!.value)).toEqual(['taobao.tbk.a', 'taobao.tbk.b', 'taobao.tbk.c']);
    // Pages carry the sha256 of the file bytes, whatever the reader computed.
    expect(result.pages[0]!.sha256).toBe(createHash('sha256').update('taobao.tbk.a').digest('hex'));
    expect(result.unreadable).toBe(1);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'pages/notes.rtf:0: notice TBK211 skipped: not a doc page extension (.txt .md .html .htm .json)',
      'pages/broken.html:2: error TBK099 broken',
    ]);
  });

  it('keeps only the files of an explicit format in a folder', async () => {
    seen.length = 0;
    const result = await readSources([{ path: 'pages/', format: 'seed-text' }], { cwd: dir, readers });
    expect(result.files).toEqual(['pages/a.txt', 'pages/b.txt']);
    expect(result.diagnostics.filter((d) => d.code === 'TBK211').map((d) => d.file)).toEqual([
      'pages/broken.html',
      'pages/notes.rtf',
      'pages/sub/c.md',
    ]);
  });

  it('expands globs, reads a file named twice once, and detects JSON records by content', async () => {
    seen.length = 0;
    const result = await readSources([{ path: 'pages/*.txt' }, { path: 'pages/a.txt' }, { path: 'record.json' }], {
      cwd: dir,
      readers,
    });
    expect(seen.sort()).toEqual(['doc-record-reduced record.json', 'seed-text pages/a.txt', 'seed-text pages/b.txt']);
    expect(result.unreadable).toBe(0);
  });

  it('reports missing sources (an error, or a notice when optional) at the sources-file line', async () => {
    const origin = { file: 'spec/sources.yaml', line: 7 };
    const result = await readSources(
      [{ path: 'nowhere', origin }, { path: 'gone', optional: true, origin }, { path: 'pages/*.xml' }],
      { cwd: dir, readers },
    );
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'spec/sources.yaml:7: error TBK203 source nowhere not found',
      'spec/sources.yaml:7: notice TBK204 optional source gone is absent; skipped',
      'pages/*.xml:0: error TBK203 no file matches pages/*.xml',
    ]);
    expect(result.unreadable).toBe(2);
  });
});
