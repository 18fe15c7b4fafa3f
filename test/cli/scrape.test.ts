import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScrape } from '../../generator/src/cli/scrape-command.js';
import { captureLines } from './capture-lines.js';
import type { CatalogSpec } from '../../generator/src/spec/model.js';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { validateCatalog, validateSpecFolder } from '../../generator/src/spec/validate-spec.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SEED_001 = 'spec/pages/rendered-pages/001_c45301d665ca6256.txt';
const DIAGNOSTIC = /^(\S+?):(\d+)(?::(\d+))?: (error|warning|notice) (TBK\d{3}) (.+)$/;
const SUMMARY =
  /^scrape: (\d+) pages(?:, (\d+) unreadable)?, (\d+) methods \((\d+) written, (\d+) unchanged(?:, (\d+) not written)?; catalog (written|unchanged|not written)\), (\d+) warnings, (\d+) errors, (?:nothing changed since the last run \(its \d+ warnings are not repeated; --force runs again\), )?(\d+) ms$/;

/**
 * A copy of the repository's inputs (spec/pages, sources.yaml, overrides) in a temporary
 * folder with nothing beside it, as a fresh clone is.
 */
const work = mkdtempSync(join(tmpdir(), 'tbk-scrape-'));
const repo = join(work, 'repo');
const initialCwd = process.cwd();

async function scrape(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  return captureLines(() => runScrape(args));
}

function specFiles(): Record<string, string> {
  const dir = join(repo, 'spec');
  const names = readdirSync(join(dir, 'methods')).sort();
  return Object.fromEntries([
    ['catalog.yaml', readFileSync(join(dir, 'catalog.yaml'), 'utf8')],
    ...names.map((n) => [`methods/${n}`, readFileSync(join(dir, 'methods', n), 'utf8')]),
  ]);
}

function summary(out: string[]) {
  expect(out).toHaveLength(1);
  const m = SUMMARY.exec(out[0]!);
  expect(m, out[0]).not.toBeNull();
  const [, pages, unreadable, methods, written, unchanged, notWritten, , warnings, errors, ms] = m!.map(Number);
  // The file counts add up to the methods scraped.
  expect(written! + unchanged! + (notWritten || 0), out[0]).toBe(methods);
  return { pages, unreadable: unreadable || 0, methods, written, unchanged, catalog: m![7], warnings, errors, ms };
}

beforeAll(() => {
  for (const part of ['pages', 'overrides'])
    cpSync(join(root, 'spec', part), join(repo, 'spec', part), { recursive: true });
  cpSync(join(root, 'spec', 'sources.yaml'), join(repo, 'spec', 'sources.yaml'));
  cpSync(join(root, 'spec', 'schema.json'), join(repo, 'spec', 'schema.json'));
  cpSync(join(root, 'test', 'fixtures', 'bad-scrape'), join(repo, 'bad'), { recursive: true });
  process.chdir(repo);
});
afterAll(() => {
  process.chdir(initialCwd);
  rmSync(work, { recursive: true, force: true });
});

describe('tbk-gen scrape on spec/sources.yaml (every source under spec/pages)', () => {
  let first: Record<string, string>;

  it('writes a schema-valid spec for all 112 methods and the catalog', async () => {
    const { code, out, err } = await scrape([]);
    expect(code).toBe(0);
    const s = summary(out);
    expect(s).toMatchObject({
      pages: 140,
      unreadable: 0,
      methods: 112,
      written: 112,
      unchanged: 0,
      catalog: 'written',
    });
    for (const line of err) expect(line).toMatch(DIAGNOSTIC);
    expect(err.filter((l) => / warning /.test(l))).toHaveLength(s.warnings!);
    first = specFiles();
    expect(Object.keys(first).filter((k) => k.startsWith('methods/'))).toHaveLength(112);
    const folder = await readSpecFolder('spec');
    expect(folder.diagnostics).toEqual([]);
    expect(validateSpecFolder(folder).filter((d) => d.level === 'error')).toEqual([]);
    // The override of seed 004 applied and recorded.
    expect(first['methods/taobao.tbk.sc.organization.member.mod.yaml']).toContain(
      '  - name: biz_error_desc\n    type: String\n',
    );
    expect(first['methods/taobao.tbk.sc.organization.member.mod.yaml']).toContain(
      'override: spec/overrides/taobao.tbk.sc.organization.member.mod.yaml\n',
    );
    expect(err.some((l) => l.startsWith('spec/pages/rendered-pages/004_278e02791b663900.txt:190: notice TBK120'))).toBe(
      true,
    );
  });

  it('gives one notice for the absent optional source, and no diagnostic about a file that does not exist', async () => {
    expect(existsSync('spec/pages/doc-site')).toBe(false);
    const { code, err } = await scrape(['--force']);
    expect(code).toBe(0);
    expect(err.filter((l) => l.includes('doc-site'))).toEqual([
      'spec/sources.yaml:14: notice TBK204 optional source spec/pages/doc-site is absent; skipped',
    ]);
    const files = new Set(err.map((l) => DIAGNOSTIC.exec(l)![1]!));
    for (const file of files) expect(existsSync(file), file).toBe(true);
  });

  it("lists the 202 nav titles and the other sources' titles in the catalog", () => {
    const catalog = folderCatalog();
    const navIds = catalog.snapshots.filter((s) => s.kind === 'seed-nav').map((s) => s.id);
    expect(navIds).toEqual(
      readdirSync('spec/pages/rendered-pages')
        .sort()
        .map((n) => `spec/pages/rendered-pages/${n}`),
    );
    const navTitles = new Set(
      catalog.titles.filter((t) => t.snapshots.some((id) => navIds.includes(id))).map((t) => t.title),
    );
    expect(navTitles.size).toBe(202);
    expect(new Set(catalog.titles.map((t) => t.title)).size).toBe(205);
    expect(catalog.snapshots.map((s) => s.id).filter((id) => !navIds.includes(id))).toEqual([
      'spec/pages/doc-records',
      'spec/pages/doc-records-reduced',
      'spec/pages/markdown-dump/tbk-doc-dump.md',
    ]);
    const mapped = new Set(catalog.titles.filter((t) => t.method).map((t) => t.method));
    expect(catalog.titles.filter((t) => t.spec).every((t) => first[`methods/${t.method}.yaml`] !== undefined)).toBe(
      true,
    );
    expect(mapped.size).toBeGreaterThan(80);
  });

  it('gives byte-identical files when run again', async () => {
    const { code, out } = await scrape(['--spec', 'spec', '--force']);
    expect(code).toBe(0);
    expect(out[0]).not.toContain('nothing changed');
    expect(summary(out)).toMatchObject({ methods: 112, written: 0, unchanged: 112, catalog: 'unchanged' });
    expect(specFiles()).toEqual(first);
  });

  it('adds up its counts after a hand edit, and --quiet prints only errors and the summary', async () => {
    const file = join(repo, 'spec', 'methods', 'taobao.tbk.uvid.encrypt.yaml');
    writeFileSync(file, `${first['methods/taobao.tbk.uvid.encrypt.yaml']}# edited\n`);
    const { code, out, err } = await scrape(['spec/pages/rendered-pages', '--accept-loss', '--force', '--quiet']);
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^scrape: 5 pages, 5 methods \(1 written, 4 unchanged; catalog (written|unchanged)\), \d+ warnings, 0 errors, \d+ ms$/,
    );
    expect(summary(out).warnings).toBeGreaterThan(0);
    expect(err).toEqual([]);
    expect((await scrape(['--force', '--quiet'])).err).toEqual([]);
    expect(specFiles()).toEqual(first);
  });

  it('records the same spec files whatever path --spec is given as (no machine path in `override:`)', async () => {
    const { code, out } = await scrape(['--spec', join(repo, 'spec'), '--force']);
    expect(code).toBe(0);
    expect(summary(out)).toMatchObject({ methods: 112, written: 0, unchanged: 112, catalog: 'unchanged' });
    expect(specFiles()).toEqual(first);
  });

  it('replays the last run when no source, spec file or generator file changed, and scrapes again when one did', async () => {
    const full = await scrape(['--spec', 'spec', '--force']);
    const replay = await scrape(['--spec', 'spec']);
    expect(replay.code).toBe(0);
    expect(replay.out[0]).toContain('nothing changed since the last run');
    expect(summary(replay.out)).toMatchObject({ ...summary(full.out), ms: summary(replay.out).ms });
    // The replay counts the full run's warnings in its summary instead of printing them again.
    expect(replay.out[0]).toContain(`its ${summary(full.out).warnings} warnings are not repeated`);
    expect(replay.err).toEqual(full.err.filter((l) => / error /.test(l)));
    expect(specFiles()).toEqual(first);

    // A spec file edited by hand is an output that no longer matches: scraped again, restored.
    const file = join(repo, 'spec', 'methods', 'taobao.tbk.spread.get.yaml');
    writeFileSync(file, `${first['methods/taobao.tbk.spread.get.yaml']}# edited\n`);
    const restored = await scrape(['--spec', 'spec']);
    expect(restored.out[0]).not.toContain('nothing changed');
    expect(summary(restored.out)).toMatchObject({ written: 1 });
    expect(specFiles()).toEqual(first);

    // A changed source page is an input that changed: scraped again (the same bytes restore it).
    const page = join(repo, SEED_001);
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('淘宝客', '淘宝客 '));
    const changed = await scrape(['--spec', 'spec']);
    expect(changed.out[0]).not.toContain('nothing changed');
    writeFileSync(page, text);
    const again = await scrape(['--spec', 'spec']);
    expect(again.out[0]).not.toContain('nothing changed');
    expect(specFiles()).toEqual(first);
    expect((await scrape(['--spec', 'spec'])).out[0]).toContain('nothing changed since the last run');
  });

  it('refuses a scrape of only the rendered pages, which would drop what the other sources gave (no silent loss)', async () => {
    const { code, out, err } = await scrape(['spec/pages/rendered-pages']);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^scrape: 5 pages, 5 methods \(nothing written\), \d+ warnings, \d+ errors, \d+ ms$/);
    const losses = err.filter((l) => l.includes(' error TBK243 '));
    // uvid.encrypt is in seed 000 and in the dump: the dump's title, doc id and descriptions would go.
    expect(losses.length).toBeGreaterThan(0);
    expect(
      losses.every((l) =>
        l.startsWith('spec/methods/taobao.tbk.uvid.encrypt.yaml:0: error TBK243 taobao.tbk.uvid.encrypt would lose '),
      ),
    ).toBe(true);
    expect(
      losses.some(
        (l) =>
          l.includes('would lose title: its value') &&
          l.includes('spec/pages/markdown-dump/tbk-doc-dump.md (not read in this run)'),
      ),
    ).toBe(true);
    expect(losses.some((l) => l.includes('would lose doc_id: '))).toBe(true);
    expect(specFiles()).toEqual(first);
  });

  it('keeps the corpus methods when only the rendered pages are scraped with --accept-loss', async () => {
    const { code, out, err } = await scrape(['spec/pages/rendered-pages', '--accept-loss']);
    expect(code).toBe(0);
    expect(summary(out)).toMatchObject({ pages: 5, methods: 5 });
    expect(err.some((l) => l.includes(' warning TBK243 taobao.tbk.uvid.encrypt would lose title'))).toBe(true);
    const after = specFiles();
    expect(Object.keys(after)).toEqual(Object.keys(first));
    // uvid.encrypt is both in seed 000 and in the dump, so its sources changed; the corpus-only
    // methods are untouched, and the catalog still holds the corpus snapshots.
    const changed = Object.keys(first).filter((k) => after[k] !== first[k]);
    expect(changed).toEqual(['methods/taobao.tbk.uvid.encrypt.yaml']);
    expect(after['methods/taobao.tbk.uvid.encrypt.yaml']).not.toContain('tbk-doc-dump.md');
    expect(first['methods/taobao.tbk.uvid.encrypt.yaml']).toContain('file: spec/pages/markdown-dump/tbk-doc-dump.md');
  });
});

describe('tbk-gen scrape on bad input', () => {
  it('reports each bad page with file and line, scrapes the others, keeps every spec file, exits 1', async () => {
    const before = specFiles();
    const { code, out, err } = await scrape(['bad', SEED_001]);
    expect(code).toBe(1);
    const s = summary(out);
    expect(s.unreadable).toBe(7);
    // bad-rows.txt and missing-fields.json still give pages (salvaged), seed 001 reads cleanly.
    expect(s.pages).toBe(3);
    const problems = err.map((l) => DIAGNOSTIC.exec(l)!).filter((m) => m[4] === 'error');
    const at = (file: string) => problems.filter((m) => m[1] === `bad/${file}`).map((m) => `${m[2]} ${m[5]}`);
    expect(at('truncated-page.txt')).toEqual(['194 TBK003']);
    expect(at('empty.txt')).toEqual(['1 TBK208']);
    expect(at('binary.txt')).toEqual(['3 TBK207']);
    expect(at('gbk-encoded.txt')).toEqual(['1 TBK207']);
    expect(at('no-method-name.txt')).toEqual(['205 TBK003']);
    expect(at('missing-fields.json')).toEqual(['4 TBK075', '19 TBK075']);
    expect(at('bad-rows.txt')).toEqual(['191 TBK022']);
    expect(err).toContain(
      'spec/methods/taobao.tbk.sc.organization.member.mod.yaml:0: warning TBK242 not rewritten: its page bad/bad-rows.txt had read errors; the spec on disk is kept',
    );
    expect(err).toContain(
      'spec/methods/taobao.tbk.sc.adzone.create.yaml:0: warning TBK242 not rewritten: its page bad/missing-fields.json had read errors; the spec on disk is kept',
    );
    const after = specFiles();
    for (const [file, text] of Object.entries(before))
      if (file !== 'catalog.yaml') expect(after[file], file).toBe(text);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    // The method files are the validated ones of the first run; the catalog gained the navs of
    // the bad pages that have one, and is still valid.
    const methods = new Set(
      Object.keys(after)
        .filter((k) => k.startsWith('methods/'))
        .map((k) => k.slice('methods/'.length, -'.yaml'.length)),
    );
    expect(validateCatalog('spec/catalog.yaml', after['catalog.yaml']!, methods)).toEqual([]);
    expect(folderCatalog().snapshots.map((s) => s.id)).toContain('bad/truncated-page.txt');
  });

  it('exits 1 and writes nothing new for a source that does not exist', async () => {
    const before = specFiles();
    const { code, err } = await scrape(['no/such/pages']);
    expect(code).toBe(1);
    expect(err).toContain('no/such/pages:0: error TBK203 source no/such/pages not found');
    const after = specFiles();
    for (const [file, text] of Object.entries(before)) if (file !== 'catalog.yaml') expect(after[file]).toBe(text);
  });
});

describe('tbk-gen scrape usage', () => {
  it('prints help, refuses unknown options and an unusable sources file', async () => {
    const help = await scrape(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toBe('usage: tbk-gen scrape [SOURCES...] [--spec DIR] [--force] [--accept-loss] [--quiet]');
    const bad = await scrape(['--verbose']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toBe('tbk-gen scrape: unknown option --verbose');
    const other = join(work, 'other');
    mkdirSync(join(other, 'spec'), { recursive: true });
    writeFileSync(join(other, 'spec', 'sources.yaml'), 'sources:\n  - path: spec/pages\n    format: pdf\n');
    process.chdir(other);
    try {
      const broken = await scrape([]);
      expect(broken.code).toBe(2);
      expect(broken.err).toContain(
        'spec/sources.yaml:3:13: error TBK210 unknown format "pdf" (one of seed-text, markdown-dump, doc-record, doc-record-reduced, html)',
      );
      expect(readdirSync(join(other, 'spec'))).toEqual(['sources.yaml']);
    } finally {
      process.chdir(repo);
    }
  });

  it('runs through the real binary', () => {
    const out = join(work, 'bin-spec');
    const run = spawnSync(
      process.execPath,
      [join(root, 'generator/bin/tbk-gen.js'), 'scrape', SEED_001, '--spec', out],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^scrape: 1 pages, 1 methods \(1 written, 0 unchanged; catalog written\), 0 warnings, 0 errors, \d+ ms\n$/,
    );
    expect(readdirSync(join(out, 'methods'))).toEqual(['taobao.tbk.sc.pic.embed.yaml']);
  });
});

function folderCatalog(): CatalogSpec {
  return parse(readFileSync('spec/catalog.yaml', 'utf8')) as CatalogSpec;
}
