import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runFetch } from '../../generator/src/cli/fetch-command.js';
import { startEmulator, type Emulator } from './doc-site-emulator.js';

const corpus = resolve(fileURLToPath(new URL('../..', import.meta.url)), 'spec/pages');

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await runFetch(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('tbk-gen fetch (command)', () => {
  let site: Emulator;
  let out: string;
  beforeAll(async () => {
    site = await startEmulator(corpus);
    out = await mkdtemp(join(tmpdir(), 'tbk-fetch-cli-'));
  });
  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('exits 1 naming the failed record, keeps the others, and prints the summary', async () => {
    site.faults.set(site.records[1]!.docId, ['success-false']);
    const r = await capture(['--out', out, '--base-url', site.url]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`fetch: ${site.records[1]!.method}: success: false (SYSTEM_ERROR 系统繁忙)`);
    expect(r.out).toBe('fetch: 5 APIs: 4 new, 0 changed, 0 unchanged, 0 skipped, 1 failed\n');
    expect(await readdir(join(out, 'records'))).toHaveLength(4);
  });

  it('exits 0 on a resumed run that completes the cache', async () => {
    const r = await capture(['--out', out, '--base-url', site.url]);
    expect([r.code, r.out]).toEqual([0, 'fetch: 5 APIs: 1 new, 0 changed, 0 unchanged, 4 skipped, 0 failed\n']);
  });

  it('exits 2 on usage errors and when the catalog cannot be fetched', async () => {
    expect((await capture(['--nope'])).code).toBe(2);
    expect((await capture(['--concurrency', 'x', '--base-url', site.url, '--out', out])).code).toBe(2);
    const refused = await capture(['--out', out, '--base-url', site.url, '--cookie', '_tb_token_=stale']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/catalog: success: false \(NOT_LOGIN 请先登录\)\n  hint: .*--cookie/);
  });
});
