import { describe, expect, it } from 'vitest';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { callGateway } from '../../test/testing/fixtures/signed-call.js';
import { runMockCli } from './mock-cli.js';

function capture(): {
  io: { stdout: { write(t: string): boolean }; stderr: { write(t: string): boolean } };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: (t: string) => ((err += t), true) } },
    out: () => out,
    err: () => err,
  };
}

async function until(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('runMockCli (tbk-mock)', () => {
  it('prints where it listens, then one line per request it answers, and stops', async () => {
    const c = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    const running = runMockCli(['--app', '12345678=test-secret-0123456789'], [refundFixture], c.io, stopped);
    const url = (await until(c.out, /mock TOP gateway: (http:\/\/127\.0\.0\.1:\d+\/router\/rest)\n/))[1]!;
    expect(c.out()).toContain('app_key 12345678, app secret test-secret-0123456789\n1 methods;');
    await callGateway(url, { method: refundFixture.meta.method, params: refundFixture.example });
    await callGateway(url, { method: refundFixture.meta.method, params: refundFixture.example, signOverride: 'WRONG' });
    await fetch(url.replace('/router/rest', '/favicon.ico'));
    await until(c.out, /favicon/);
    const lines = c
      .out()
      .split('\n')
      .filter((l) => l.includes(' → '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^POST taobao\.tbk\.order\.refund\.get \(json\) → 200 sample, request_id [0-9a-z]{13} \(\d+ ms\)$/,
    );
    expect(lines[1]).toMatch(
      /^POST taobao\.tbk\.order\.refund\.get \(json\) → 200 error 25 Invalid signature.*request_id/,
    );
    expect(lines[2]).toMatch(/^GET \/favicon\.ico → 404 \(\d+ ms\)$/);
    stop();
    expect(await running).toBe(0);
    expect(c.err()).toBe('');
  });

  it('refuses unknown options and bad values with the usage (exit 2)', async () => {
    for (const args of [['--verbose'], ['--port', 'http'], ['--app', 'nosecret'], ['--host']]) {
      const c = capture();
      expect(await runMockCli(args, [refundFixture], c.io, Promise.resolve())).toBe(2);
      expect(c.err()).toMatch(/^tbk-mock: .+\n\nusage: tbk-mock /);
    }
  });

  it('prints the usage for --help (exit 0)', async () => {
    const c = capture();
    expect(await runMockCli(['--help'], [], c.io, Promise.resolve())).toBe(0);
    expect(c.out()).toMatch(/^usage: tbk-mock \[--port N\]/);
  });
});
