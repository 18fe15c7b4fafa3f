import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/src/report/diagnostic.js';
import { readDocRecord } from '../../generator/src/read/doc-record/read-doc-record.js';
import { readMarkdownDump } from '../../generator/src/read/markdown-dump/read-markdown-dump.js';
import type { CatalogSnapshot } from '../../generator/src/read/page-model.js';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';
import { buildCatalog } from '../../generator/src/normalise/build-catalog.js';
import { serializeCatalog } from '../../generator/src/spec/spec-files.js';
import { findTitleRenames, replacedStretches } from '../../generator/src/normalise/title-drift.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = resolve(root, 'spec/pages');
const SEEDS = readdirSync(resolve(root, 'spec/pages/rendered-pages'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => `spec/pages/rendered-pages/${n}`);
const [S000, S001, S002, S003, S004] = SEEDS as [string, string, string, string, string];

const NOTICE_LINE = '注意:以下文档只适用于TOP接口,请谨慎使用!';
const DESCRIPTION_001 =
  '服务商使用。可通过该接口帮助推广者对目标图片生成带有推广者信息的暗码图。使用方法:https://mos.m.taobao.com/union/plttutorials';

function seedSnapshots(): CatalogSnapshot[] {
  return SEEDS.flatMap((file) => readSeedText(file, readFileSync(resolve(root, file), 'utf8')).catalogs);
}

/** Nav lines counted straight from the files: every non-empty line above the gateway table. */
function navLines(file: string): string[] {
  const lines = readFileSync(resolve(root, file), 'utf8').split('\n');
  const end = lines.findIndex((l) => l.includes('环境 | HTTP请求地址'));
  return lines
    .slice(0, end)
    .map((l) => l.trim())
    .filter(Boolean);
}

function corpusSnapshots(): CatalogSnapshot[] {
  const dump = 'corpus/markdown-dump/tbk-doc-dump.md';
  const out = [
    ...readMarkdownDump(dump, readFileSync(resolve(corpus, 'markdown-dump/tbk-doc-dump.md'), 'utf8')).catalogs,
  ];
  for (const folder of ['doc-records', 'doc-records-reduced']) {
    for (const name of readdirSync(resolve(corpus, folder)).sort()) {
      out.push(
        ...readDocRecord(`corpus/${folder}/${name}`, readFileSync(resolve(corpus, folder, name), 'utf8')).catalogs,
      );
    }
  }
  return out;
}

describe('buildCatalog on the five seed navs', () => {
  const catalog = buildCatalog(seedSnapshots(), new Set<string>());
  const byTitle = new Map(catalog.titles.map((t) => [t.title, t]));

  it('lists the 202 distinct nav titles, each once, and nothing else', () => {
    const expected = new Set(SEEDS.flatMap(navLines));
    expect(expected.has(NOTICE_LINE)).toBe(true);
    expect(expected.has(DESCRIPTION_001)).toBe(true);
    expected.delete(NOTICE_LINE);
    expected.delete(DESCRIPTION_001);
    expect(expected.size).toBe(202);
    expect(catalog.titles).toHaveLength(202);
    expect(new Set(catalog.titles.map((t) => t.title))).toEqual(expected);
  });

  it('drops the notice line of seed 002 and the description sentence of seed 001', () => {
    expect(byTitle.has(NOTICE_LINE)).toBe(false);
    expect(byTitle.has(DESCRIPTION_001)).toBe(false);
    expect(catalog.titles.some((t) => t.title.includes('。') || t.title.includes('http'))).toBe(false);
  });

  it('names one snapshot per seed file with its distinct title count', () => {
    expect(catalog.snapshots).toEqual([
      { id: S000, file: S000, kind: 'seed-nav', titles: 159 },
      { id: S001, file: S001, kind: 'seed-nav', titles: 164 },
      { id: S002, file: S002, kind: 'seed-nav', titles: 164 },
      { id: S003, file: S003, kind: 'seed-nav', titles: 173 },
      { id: S004, file: S004, kind: 'seed-nav', titles: 166 },
    ]);
  });

  it('records the snapshots each title appears in', () => {
    expect(byTitle.get('淘宝客-推广者-售后退款订单查询')!.snapshots).toEqual([S000, S002, S003]);
    expect(byTitle.get('淘宝客-推广者-维权退款订单查询')!.snapshots).toEqual([S001, S004]);
    expect(byTitle.get('淘宝客【服务商】自定义账号组成员修改')!.snapshots).toEqual([S004]);
    expect(byTitle.get('淘宝客-服务商-自定义服务组成员修改')!.snapshots).toEqual([S000, S002, S003]);
    expect(byTitle.get('淘宝客-推广者-商品链接转换')!.snapshots).toEqual(SEEDS);
    // Seed 003 prints this title twice; it is still one title.
    expect(byTitle.get('淘宝客-推广者-拉新承接页转链')!.snapshots).toEqual([S003]);
  });

  it('links the titles that drift between navs, both ways, and no others', () => {
    const links = catalog.titles.filter((t) => t.also_titled).map((t) => [t.title, t.also_titled]);
    expect(links).toEqual([
      ['淘宝客-推广者-全量售后退款订单查询', ['淘宝客-推广者-全量维权退款订单查询']],
      ['淘宝客-推广者-全量维权退款订单查询', ['淘宝客-推广者-全量售后退款订单查询']],
      ['淘宝客-推广者-售后退款订单查询', ['淘宝客-推广者-维权退款订单查询']],
      ['淘宝客-推广者-商品行为上报', ['淘宝客-推广者-行为上报']],
      ['淘宝客-推广者-维权退款订单查询', ['淘宝客-推广者-售后退款订单查询']],
      ['淘宝客-推广者-行为上报', ['淘宝客-推广者-商品行为上报']],
      ['淘宝客-服务商-全量售后退款订单查询', ['淘宝客-服务商-全量维权退款订单查询']],
      ['淘宝客-服务商-全量维权退款订单查询', ['淘宝客-服务商-全量售后退款订单查询']],
      ['淘宝客-服务商-售后退款订单查询', ['淘宝客-服务商-维权退款订单查询']],
      ['淘宝客-服务商-商品行为上报', ['淘宝客-服务商-行为上报']],
      ['淘宝客-服务商-维权退款订单查询', ['淘宝客-服务商-售后退款订单查询']],
      ['淘宝客-服务商-自定义服务组成员修改', ['淘宝客【服务商】自定义账号组成员修改']],
      ['淘宝客-服务商-自定义服务组成员查询', ['淘宝客【服务商】自定义账号组成员查询']],
      ['淘宝客-服务商-行为上报', ['淘宝客-服务商-商品行为上报']],
      ['淘宝客【服务商】自定义账号组成员修改', ['淘宝客-服务商-自定义服务组成员修改']],
      ['淘宝客【服务商】自定义账号组成员查询', ['淘宝客-服务商-自定义服务组成员查询']],
    ]);
  });

  it('maps no nav title to a method: the navs print none, and links do not carry one', () => {
    expect(catalog.titles.every((t) => t.method === undefined && t.spec === false)).toBe(true);
  });

  it('does not depend on the order the snapshots arrive in', () => {
    const reversed = buildCatalog([...seedSnapshots()].reverse(), new Set<string>());
    expect(serializeCatalog(reversed)).toBe(serializeCatalog(catalog));
  });
});

describe('buildCatalog with the markdown dump and the doc records', () => {
  const diagnostics: Diagnostic[] = [];
  const snapshots = [...seedSnapshots(), ...corpusSnapshots()];
  const catalog = buildCatalog(snapshots, new Set(['taobao.tbk.order.refund.get', 'taobao.tbk.relation.refund']), {
    diagnostics,
  });
  const entries = (title: string) => catalog.titles.filter((t) => t.title === title);

  it('adds the titles of the other sources to the 202 nav titles', () => {
    const distinct = new Set(catalog.titles.map((t) => t.title));
    const navTitles = new Set(seedSnapshots().flatMap((s) => s.entries.map((e) => e.title)));
    expect(navTitles.size).toBe(202);
    for (const t of navTitles) expect(distinct.has(t)).toBe(true);
    const others = new Set(
      snapshots.filter((s) => s.kind !== 'seed-nav').flatMap((s) => s.entries.map((e) => e.title)),
    );
    for (const t of others) expect(distinct.has(t)).toBe(true);
    expect(distinct.size).toBe(205);
    expect(catalog.snapshots.map((s) => [s.id, s.kind, s.titles])).toEqual([
      ['corpus/doc-records', 'doc-record', 5],
      ['corpus/doc-records-reduced', 'doc-record', 48],
      ['corpus/markdown-dump/tbk-doc-dump.md', 'dump-overview', 81],
      [S000, 'seed-nav', 159],
      [S001, 'seed-nav', 164],
      [S002, 'seed-nav', 164],
      [S003, 'seed-nav', 173],
      [S004, 'seed-nav', 166],
    ]);
  });

  it('maps titles to the methods the sources print beside them, with the spec flag', () => {
    expect(entries('淘宝客-推广者-售后退款订单查询')).toEqual([
      {
        title: '淘宝客-推广者-售后退款订单查询',
        method: 'taobao.tbk.relation.refund',
        snapshots: ['corpus/markdown-dump/tbk-doc-dump.md', S000, S002, S003],
        spec: true,
        also_titled: ['淘宝客-推广者-维权退款订单查询'],
      },
    ]);
    expect(entries('淘宝客-推广者-维权退款订单查询')[0]!.method).toBeUndefined();
    const uvid = entries('淘宝客-推广者-加密用户标识生成');
    expect(uvid.map((t) => [t.method, t.spec])).toEqual([['taobao.tbk.uvid.encrypt', false]]);
  });

  it('links the titles of one method across sources: dump 全量售后退款 and record 全量维权退款', () => {
    const old = entries('淘宝客-推广者-全量售后退款订单查询')[0]!;
    const renamed = entries('淘宝客-推广者-全量维权退款订单查询')[0]!;
    expect([old.method, renamed.method]).toEqual(['taobao.tbk.order.refund.get', 'taobao.tbk.order.refund.get']);
    expect(old.snapshots).toEqual(['corpus/markdown-dump/tbk-doc-dump.md', S000, S002, S003]);
    expect(renamed.snapshots).toEqual(['corpus/doc-records', S001, S004]);
    expect(old.also_titled).toEqual(['淘宝客-推广者-全量维权退款订单查询']);
    expect(renamed.also_titled).toEqual(['淘宝客-推广者-全量售后退款订单查询']);
  });

  it('lists a title printed for two methods once per method, with a warning at the dump line', () => {
    expect(entries('淘宝客-推广者-拉新承接页转链').map((t) => t.method)).toEqual([
      'taobao.tbk.dg.vc.landing.link.convert',
      'taobao.tbk.sc.vc.landing.link.convert',
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'corpus/markdown-dump/tbk-doc-dump.md',
        line: 69,
        level: 'warning',
        code: 'TBK250',
      }),
    ]);
  });
});

describe('buildCatalog rules on hand-made snapshots', () => {
  const nav = (id: string, titles: string[]): CatalogSnapshot => ({
    id,
    file: id,
    kind: 'seed-nav',
    entries: titles.map((title, i) => ({ title, line: i + 1 })),
  });
  const dump = (entries: [string, string][]): CatalogSnapshot => ({
    id: 'dump.md',
    file: 'dump.md',
    kind: 'dump-overview',
    entries: entries.map(([title, method], i) => ({ title, method, line: i + 1 })),
  });

  it('refuses a rename link between titles that sources tie to different methods', () => {
    const diagnostics: Diagnostic[] = [];
    const catalog = buildCatalog(
      [
        nav('a.txt', ['淘宝客-推广者-售后退款订单查询', 'X']),
        nav('b.txt', ['淘宝客-推广者-维权退款订单查询', 'X']),
        dump([
          ['淘宝客-推广者-售后退款订单查询', 'taobao.tbk.a'],
          ['淘宝客-推广者-维权退款订单查询', 'taobao.tbk.b'],
        ]),
      ],
      new Set(['taobao.tbk.a']),
      { diagnostics },
    );
    expect(catalog.titles.every((t) => t.also_titled === undefined)).toBe(true);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'b.txt', line: 1, level: 'notice', code: 'TBK251' })]);
    expect(catalog.titles.map((t) => [t.title, t.method, t.spec])).toEqual([
      ['X', undefined, false],
      ['淘宝客-推广者-售后退款订单查询', 'taobao.tbk.a', true],
      ['淘宝客-推广者-维权退款订单查询', 'taobao.tbk.b', false],
    ]);
  });

  it('keeps the snapshots and links of the previous catalog that were not read again', () => {
    const first = buildCatalog(
      [nav('a.txt', ['A-x-售后退款', 'K']), nav('b.txt', ['A-x-维权退款', 'K']), dump([['Z', 'taobao.tbk.z']])],
      new Set(['taobao.tbk.z']),
    );
    // Reading only the dump again must not lose the navs, nor the link between their titles.
    const again = buildCatalog([dump([['Z', 'taobao.tbk.z']])], new Set(['taobao.tbk.z']), { previous: first });
    expect(serializeCatalog(again)).toBe(serializeCatalog(first));
    // A snapshot read again replaces its previous content.
    const replaced = buildCatalog([dump([['Y', 'taobao.tbk.y']])], new Set(['taobao.tbk.z']), { previous: first });
    expect(replaced.titles.map((t) => t.title)).toEqual(['A-x-售后退款', 'A-x-维权退款', 'K', 'Y']);
  });
});

describe('findTitleRenames (the nav drift rule)', () => {
  it('pairs one-for-one replacements at the same position', () => {
    expect(
      findTitleRenames(['A', '淘宝客-推广者-售后退款订单查询', 'B'], ['A', '淘宝客-推广者-维权退款订单查询', 'B']),
    ).toEqual([['淘宝客-推广者-售后退款订单查询', '淘宝客-推广者-维权退款订单查询']]);
  });
  it('treats 淘宝客【X】 like 淘宝客-X- and picks the best match inside a larger replacement', () => {
    const before = [
      'K',
      '淘宝客-服务商-自定义服务组成员修改',
      '淘宝客-服务商-自定义服务组成员查询',
      '淘宝客-服务商-物料更新',
    ];
    const after = ['K', '淘宝客【服务商】自定义账号组成员修改'];
    expect(findTitleRenames(before, after)).toEqual([
      ['淘宝客-服务商-自定义服务组成员修改', '淘宝客【服务商】自定义账号组成员修改'],
    ]);
  });
  it('never pairs pure additions or removals, titles of another role, or ties', () => {
    expect(findTitleRenames(['A', 'B'], ['A', '淘宝客-推广者-新接口', 'B'])).toEqual([]);
    expect(findTitleRenames(['A', '淘宝客-推广者-行为上报', 'B'], ['A', 'B'])).toEqual([]);
    expect(findTitleRenames(['淘宝客-推广者-行为上报'], ['淘宝客-服务商-行为上报'])).toEqual([]);
    expect(findTitleRenames(['淘宝客-推广者-日报'], ['淘宝客-推广者-日报A', '淘宝客-推广者-日报B'])).toEqual([]);
  });
  it('finds the replaced stretches of an alignment', () => {
    expect(replacedStretches(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'y', 'z'])).toEqual([
      { removed: ['b'], added: ['x'] },
      { removed: ['d'], added: ['y', 'z'] },
    ]);
  });
});
