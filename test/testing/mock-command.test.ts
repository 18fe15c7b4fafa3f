import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runMock } from '../../generator/src/cli/mock-command.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { methodFileName, serializeMethodSpec } from '../../generator/src/spec/spec-files.js';
import { picEmbedFixture } from './fixtures/pic-embed-fixture.js';
import { callGateway, errorOf } from './fixtures/signed-call.js';

// A one-method spec folder: taobao.tbk.sc.pic.embed as seed 001 documents it.
const spec: MethodSpec = {
  method: 'taobao.tbk.sc.pic.embed',
  auth: 'required',
  request: [
    { name: 'adzone_id', type: 'Number', required: true, example: '123' },
    { name: 'item_id', type: 'Number', required: true, example: '123' },
    { name: 'pic_stream', type: 'byte[]', required: false },
    { name: 'relation_id', type: 'String', required: false, example: '123' },
    { name: 'site_id', type: 'Number', required: true, example: '123' },
  ],
  response: [{ name: 'embed_pic_url', type: 'String', example: 'https://xxx' }],
  types: {},
  samples: { json: picEmbedFixture.samples.json!, xml: picEmbedFixture.samples.xml! },
  errors: [],
  sources: [],
};

const dir = mkdtempSync(join(tmpdir(), 'tbk-mock-'));
mkdirSync(join(dir, 'methods'));
writeFileSync(join(dir, 'methods', methodFileName(spec.method)), serializeMethodSpec(spec));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  return { out: () => out, err: () => err };
}

describe('tbk-gen mock', () => {
  it('serves the spec, prints the URL and the app it accepts, and stops when told', async () => {
    const io = capture();
    let stop!: () => void;
    const running = runMock(['--spec', dir, '--app', 'k1=s1'], new Promise<void>((r) => (stop = r)));
    await vi.waitFor(() => expect(io.out()).toMatch(/router\/rest/));
    const url = /mock TOP gateway: (\S+)/.exec(io.out())![1]!;
    expect(io.out()).toContain('app_key k1, app secret s1');
    expect(io.out()).toContain('1 methods from');
    const res = await callGateway(url, {
      method: spec.method,
      params: { adzone_id: '1', item_id: '2', site_id: '3' },
      appKey: 'k1',
      secret: 's1',
      session: 's',
    });
    expect(errorOf(res.text)).toBeUndefined();
    expect(res.text).toContain('"embed_pic_url"');
    const refused = await callGateway(url, {
      method: spec.method,
      params: { adzone_id: '1' },
      appKey: 'k1',
      secret: 's1',
      session: 's',
    });
    expect(errorOf(refused.text)).toMatchObject({ code: 40, msg: 'Missing required arguments:item_id' });
    stop();
    expect(await running).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it.each([
    [['--port', 'x'], /--port must be a port number/],
    [['--app', 'nokey'], /--app must be KEY=SECRET/],
    [['extra'], /unexpected argument extra/],
  ])('refuses %j with exit 2', async (args, message) => {
    const io = capture();
    expect(await runMock(args)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('runs from the bin until SIGINT, then exits 0', async () => {
    const bin = fileURLToPath(new URL('../../generator/bin/tbk-gen.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'mock', '--spec', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(out).toMatch(/router\/rest/), { timeout: 10_000 });
    expect(out).toContain('app_key 12345678, app secret helloworld');
    const url = /mock TOP gateway: (\S+)/.exec(out)![1]!;
    const res = await callGateway(url, {
      method: spec.method,
      params: { adzone_id: '1', item_id: '2', site_id: '3' },
      appKey: '12345678',
      secret: 'helloworld',
      session: 's',
      format: 'xml',
    });
    expect(res.text).toContain('<embed_pic_url>https://xxx</embed_pic_url>');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('exits 1 and prints the diagnostic when the folder holds no spec', async () => {
    const io = capture();
    expect(await runMock(['--spec', join(dir, 'missing')])).toBe(1);
    expect(io.err()).toMatch(/error TBK201 no spec here/);
  });
});
