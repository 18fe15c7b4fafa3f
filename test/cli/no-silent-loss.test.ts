/**
 * No silent loss (issue "The repository stands alone"): a scrape that would drop a fact the
 * committed spec holds — a truncated page, junk before a page, a partial run — stops with TBK243
 * naming the fact and writes nothing. Run on a copy of the repository's inputs and committed spec.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runGen } from '../../generator/src/cli/gen-command.js';
import { runScrape } from '../../generator/src/cli/scrape-command.js';
import { captureLines } from './capture-lines.js';
import { findLosses } from '../../generator/src/pipeline/find-losses.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tbk-loss-'));
const initialCwd = process.cwd();
const SEED_003 = 'spec/pages/rendered-pages/003_0e2e983cd5d64fce.txt';

async function scrape(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  return captureLines(() => runScrape(args));
}

function specBytes(dir = join(work, 'spec')): Record<string, string> {
  const names = readdirSync(join(dir, 'methods')).sort();
  return Object.fromEntries([
    ['catalog.yaml', readFileSync(join(dir, 'catalog.yaml'), 'utf8')],
    ...names.map((n) => [n, readFileSync(join(dir, 'methods', n), 'utf8')]),
  ]);
}

/** Deterministic cut points: a small linear congruential generator with a fixed seed. */
function cutPoints(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Replace a file's bytes for the duration of `run`, then restore them. */
async function withPage<T>(file: string, bytes: Buffer | string, run: () => Promise<T>): Promise<T> {
  const original = readFileSync(file);
  writeFileSync(file, bytes);
  try {
    return await run();
  } finally {
    writeFileSync(file, original);
  }
}

let committed: Record<string, string>;

beforeAll(() => {
  for (const part of ['pages', 'overrides', 'methods'])
    cpSync(join(root, 'spec', part), join(work, 'spec', part), { recursive: true });
  for (const file of ['sources.yaml', 'schema.json', 'catalog.yaml'])
    cpSync(join(root, 'spec', file), join(work, 'spec', file));
  committed = specBytes();
  process.chdir(work);
});
afterAll(() => {
  process.chdir(initialCwd);
  rmSync(work, { recursive: true, force: true });
});

describe('scrape against the committed spec', () => {
  it('reproduces the committed spec from the pages with nothing lost', async () => {
    const { code, err } = await scrape(['--force']);
    expect(code).toBe(0);
    expect(err.filter((l) => l.includes('TBK243'))).toEqual([]);
    expect(specBytes()).toEqual(committed);
  });

  it('refuses the truncated seed page that used to drop every sample of sc.social.crowd.get', async () => {
    const cut = readFileSync(SEED_003).subarray(0, 11_072);
    const { code, out, err } = await withPage(SEED_003, cut, () => scrape(['--force']));
    expect(code).toBe(1);
    expect(out[0]).toContain('(nothing written)');
    const losses = err.filter((l) => l.includes(' error TBK243 '));
    for (const kind of ['json', 'xml', 'error_json', 'error_xml']) {
      expect(losses).toContain(
        `spec/methods/taobao.tbk.sc.social.crowd.get.yaml:0: error TBK243 taobao.tbk.sc.social.crowd.get would lose samples.${kind}: ${kind} sample removed (given before by ${SEED_003} (changed))`,
      );
    }
    expect(specBytes()).toEqual(committed);
  });

  it('refuses a page of every source cut at a random point, and leaves the spec as it was', async () => {
    const next = cutPoints(20261207);
    for (const folder of ['rendered-pages', 'markdown-dump', 'doc-records', 'doc-records-reduced']) {
      const files = readdirSync(join('spec/pages', folder))
        .filter((f) => f !== 'catelog.json')
        .sort();
      const file = join('spec/pages', folder, files[Math.floor(next() * files.length)]!);
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length * (0.1 + 0.8 * next()));
      const { code, err } = await withPage(file, bytes.subarray(0, at), () => scrape(['--force']));
      expect(code, `${file} cut at ${at}`).toBe(1);
      expect(
        err.some((l) => / error TBK(243|0\d\d|2\d\d) /.test(l)),
        `${file} cut at ${at}`,
      ).toBe(true);
      expect(specBytes(), `${file} cut at ${at}`).toEqual(committed);
    }
  });

  it('never lets junk before a page take facts away from the committed spec', async () => {
    const page = readFileSync(SEED_003, 'utf8');
    const junk = `${'<div>'.repeat(2000)}\n${'garbage line\n'.repeat(50)}`;
    const { code } = await withPage(SEED_003, junk + page, () => scrape(['--force']));
    // Whatever the reader made of it, no committed fact is gone from the files on disk.
    const now = specBytes();
    for (const name of Object.keys(committed).filter((n) => n !== 'catalog.yaml')) {
      const lost = findLosses(parse(committed[name]!) as MethodSpec, parse(now[name]!) as MethodSpec);
      expect(lost, `${name} (exit ${code})`).toEqual([]);
    }
    await scrape(['--force']);
    expect(specBytes()).toEqual(committed);
  });

  it('takes a value a source now states differently as a change, not a loss', async () => {
    const page = readFileSync(SEED_003, 'utf8');
    expect(page).toContain('人群名称。最大128字符');
    const { code, err } = await withPage(
      SEED_003,
      page.replace('人群名称。最大128字符', '人群名称,最多128个字符'),
      () => scrape(['--force']),
    );
    expect(err.filter((l) => l.includes('TBK243'))).toEqual([]);
    expect(code).toBe(0);
    expect(specBytes()['taobao.tbk.sc.social.crowd.get.yaml']).toContain('人群名称,最多128个字符');
    await scrape(['--force']);
    expect(specBytes()).toEqual(committed);
  });

  it('stops gen before generate, so the package is not touched', async () => {
    const out = join(work, 'package-out');
    const cut = readFileSync(SEED_003).subarray(0, 11_072);
    const errors: string[] = [];
    const stderr = process.stderr.write.bind(process.stderr);
    const stdout = process.stdout.write.bind(process.stdout);
    process.stderr.write = (chunk: string) => (errors.push(chunk), true);
    process.stdout.write = () => true;
    try {
      const code = await withPage(SEED_003, cut, () => runGen(['--force', '--out', out]));
      expect(code).toBe(1);
    } finally {
      process.stderr.write = stderr;
      process.stdout.write = stdout;
    }
    expect(errors.join('')).toContain('tbk-gen gen: scrape failed; generated/ left as it was');
    expect(existsSync(out)).toBe(false);
    expect(specBytes()).toEqual(committed);
  });
});

describe('saved HTML pages', () => {
  it('refuses a truncated page that would drop the fields of a struct', async () => {
    const spec = join(work, 'html-spec');
    const page = join(work, 'page.html');
    const full = readFileSync(join(root, 'test/fixtures/html/000_a8847ce389c68a49.html'), 'utf8');
    writeFileSync(page, full);
    expect((await scrape([page, '--spec', spec, '--force'])).code).toBe(0);
    const before = specBytes(spec);
    const at = full.indexOf('UvIdGenerateRes', full.indexOf('响应参数'));
    expect(at).toBeGreaterThan(0);
    writeFileSync(page, full.slice(0, full.indexOf('</table>', at) + '</table>'.length) + '\n</body></html>\n');
    const { code, err } = await scrape([page, '--spec', spec, '--force']);
    expect(code).toBe(1);
    expect(err.some((l) => l.includes('error TBK243 taobao.tbk.uvid.encrypt would lose'))).toBe(true);
    expect(specBytes(spec)).toEqual(before);
  });
});
