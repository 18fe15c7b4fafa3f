import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runFetch } from '../../generator/src/cli/fetch-command.js';
import { describeNetworkError } from '../../generator/src/fetch/network-cause.js';
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

  it('refuses --concurrency above 4 (or not a whole number from 1) with a usage error', async () => {
    for (const n of ['10', '5', '0', '2.5']) {
      const r = await capture(['--concurrency', n, '--base-url', site.url, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`tbk-gen fetch: --concurrency must be a whole number from 1 to 4, got ${n}`);
    }
  });

  it('names the cause when the site cannot be reached: connection refused, TLS', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    const refused = await capture(['--out', out, '--base-url', `http://127.0.0.1:${port}`]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('tbk-gen fetch: catalog: /docCenter');
    expect(refused.err).toContain(`127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    // https to a plain-http server: the TLS handshake fails.
    const tls = await capture(['--out', out, '--base-url', site.url.replace(/^http:/, 'https:')]);
    expect(tls.code).toBe(2);
    expect(tls.err).toMatch(/TLS error \((ERR_SSL_|EPROTO)/);
  }, 30_000);
});

describe('describeNetworkError', () => {
  const url = new URL('https://open.taobao.com/handler/x.json');
  const failed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    [
      failed({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND open.taobao.com' }),
      'open.taobao.com: cannot resolve the host name (ENOTFOUND): offline, or a wrong --base-url?',
    ],
    [
      failed({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }),
      'open.taobao.com: connection refused (ECONNREFUSED): nothing listens there; a wrong --base-url?',
    ],
    [
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      'open.taobao.com: no answer within 30 s (timeout)',
    ],
    [
      failed({ code: 'UND_ERR_CONNECT_TIMEOUT', message: 'Connect Timeout Error' }),
      'open.taobao.com: no answer in time (timeout, UND_ERR_CONNECT_TIMEOUT)',
    ],
    [
      failed({ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }),
      'open.taobao.com: TLS error (CERT_HAS_EXPIRED): certificate has expired',
    ],
  ])('%s', (error, want) => {
    expect(describeNetworkError(error, url, 30_000)).toBe(want);
  });
});
