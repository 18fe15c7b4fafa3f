/**
 * The update loop on committed inputs (README "After the docs change"): `tbk-gen fetch` with its
 * default --out writes into spec/pages/doc-site, a source of spec/sources.yaml, so a plain scrape
 * (what `npm run gen` runs) reads the fetched records with every other source; running it again
 * changes nothing, and a changed record reaches the spec. On a copy of the repository's inputs and
 * committed spec, against a local emulation of the doc site.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runFetch } from '../../generator/src/cli/fetch-command.js';
import { runScrape } from '../../generator/src/cli/scrape-command.js';
import { startEmulator, type Emulator } from './doc-site-emulator.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tbk-loop-'));
const initialCwd = process.cwd();
let site: Emulator;

async function quietly(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const specText = (method: string) => readFileSync(join(work, 'spec/methods', `${method}.yaml`), 'utf8');

beforeAll(async () => {
  for (const part of ['pages', 'overrides', 'methods'])
    cpSync(join(root, 'spec', part), join(work, 'spec', part), { recursive: true });
  for (const file of ['sources.yaml', 'schema.json', 'catalog.yaml'])
    cpSync(join(root, 'spec', file), join(work, 'spec', file));
  site = await startEmulator(join(root, 'spec/pages'));
  process.chdir(work);
});
afterAll(async () => {
  process.chdir(initialCwd);
  await site.close();
  rmSync(work, { recursive: true, force: true });
});

describe('fetch → gen on committed inputs', () => {
  it('fetches into spec/pages/doc-site by default', async () => {
    expect(existsSync('spec/pages/doc-site')).toBe(false);
    const fetched = await quietly(() => runFetch(['--base-url', site.url]));
    expect(fetched.code, fetched.err).toBe(0);
    expect(readdirSync('spec/pages/doc-site/records').sort()).toEqual(
      site.records.map((r) => `${r.method}.json`).sort(),
    );
  });

  it('scrapes the fetched records as a configured source, with nothing lost', async () => {
    const { code, err } = await quietly(() => runScrape([]));
    expect(code, err).toBe(0);
    expect(err).not.toContain('TBK243');
    expect(err).not.toContain('spec/pages/doc-site is absent');
    expect(specText('taobao.tbk.order.refund.get')).toContain(
      'file: spec/pages/doc-site/records/taobao.tbk.order.refund.get.json',
    );
    const again = await quietly(() => runScrape(['--force']));
    expect(again.out).toMatch(/\(0 written, \d+ unchanged; catalog unchanged\)/);
  });

  it('takes a changed record into the spec on the next fetch and scrape', async () => {
    const record = site.records.find((r) => r.method === 'taobao.tbk.order.refund.get')!;
    record.data = {
      ...record.data,
      description: '查询全量维权退款订单（新版说明）',
      gmtModified: Number(record.data.gmtModified ?? 0) + 1,
    };
    const fetched = await quietly(() => runFetch(['--base-url', site.url, '--refresh']));
    expect(fetched.out).toContain('1 changed');
    const { code, err } = await quietly(() => runScrape([]));
    expect(code, err).toBe(0);
    expect(specText('taobao.tbk.order.refund.get')).toContain('新版说明');
  });
});
