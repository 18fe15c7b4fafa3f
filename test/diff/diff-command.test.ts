import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../generator/src/cli/diff-command.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = 'test/fixtures/diff';
const ESC = '\u001b[';

async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await diffCommand(args, {
    cwd: ROOT,
    env: options.env ?? {},
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { status, stdout, stderr };
}

const v1 = `${FIXTURES}/v1`;

describe('tbk-gen diff on spec folders', () => {
  it('prints breaking changes as text and exits 1 (default --fail-on breaking)', async () => {
    const r = await run([v1, `${FIXTURES}/v2-breaking`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toBe(
      [
        'API diff test/fixtures/diff/v1 (spec folder, 2 methods) → test/fixtures/diff/v2-breaking (spec folder, 2 methods)',
        '3 breaking, 0 compatible, 1 docs only; 1 catalog change; suggested tbk-client bump: major',
        '',
        'BREAKING taobao.tbk.demo.item.get (淘宝客-推广者-示例商品查询)',
        '  breaking   request.platform                 param changed optional → required',
        '  breaking   response.results.zk_final_price  response field removed (was Price)',
        '  docs       samples.json                     json sample changed',
        '',
        'BREAKING taobao.tbk.demo.shop.get (淘宝客-推广者-示例店铺查询)',
        '  breaking   auth  user authorisation now required (was optional)',
        '',
        'CATALOG',
        '  renamed  淘宝客-服务商-售后退款订单查询 → 淘宝客-服务商-维权退款订单查询 (linked by title-drift)',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 on compatible changes unless --fail-on any', async () => {
    const args = [v1, `${FIXTURES}/v2-compatible`];
    expect((await run(args)).status).toBe(0);
    expect((await run([...args, '--fail-on', 'any'])).status).toBe(1);
    expect((await run([...args, '--fail-on=never'])).status).toBe(0);
    expect((await run([`${FIXTURES}/v2-breaking`, v1, '--fail-on', 'never'])).status).toBe(0);
  });

  it('--fail-on any counts documentation changes; identical sides never fail', async () => {
    expect((await run([v1, `${FIXTURES}/v2-docs`, '--fail-on', 'any'])).status).toBe(1);
    expect((await run([v1, `${FIXTURES}/v2-docs`])).status).toBe(0);
    const same = await run([v1, v1, '--fail-on', 'any']);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('no changes');
  });

  it('writes the JSON shape of docs/diff.md', async () => {
    const r = await run([v1, `${FIXTURES}/v2-compatible`, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'old', 'new', 'bump', 'summary', 'methods', 'catalog']);
    expect(report.version).toBe(1);
    expect(report.old).toEqual({ input: v1, kind: 'folder', methods: 2, catalogTitles: 3 });
    expect(report.bump).toBe('minor');
    expect(report.summary).toEqual({
      breaking: 0,
      compatible: 4,
      docs: 0,
      methodsAdded: 1,
      methodsRemoved: 0,
      methodsChanged: 2,
      catalogChanges: 1,
      changeDiffDisagreements: 0,
    });
    expect(report.methods.map((m: { method: string; status: string }) => `${m.status} ${m.method}`)).toEqual([
      'added taobao.tbk.demo.coupon.get',
      'changed taobao.tbk.demo.item.get',
      'changed taobao.tbk.demo.shop.get',
    ]);
    expect(report.methods[1].changes[0]).toEqual({
      severity: 'compatible',
      kind: 'param-added-optional',
      path: 'request.page_no',
      new: 'Number',
      message: 'optional param added (Number)',
    });
    expect(report.catalog).toEqual([
      { kind: 'title-added', title: '淘宝客-推广者-示例优惠券查询', method: 'taobao.tbk.demo.coupon.get' },
    ]);
  });

  it('writes the markdown pull-request comment', async () => {
    const r = await run([v1, `${FIXTURES}/v2-breaking`, '--format', 'md', '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('**Suggested `tbk-client` bump: major**');
    expect(r.stdout).toContain('| 🔴 breaking | 3 |');
    expect(r.stdout).toContain('| 🔴 breaking | `request.platform` | param changed optional → required |');
    expect(r.stdout).toContain(
      '| renamed (linked by title-drift) | 淘宝客-服务商-维权退款订单查询 | 淘宝客-服务商-售后退款订单查询 |  |',
    );
  });
});

describe('a method whose spec the generator rejects', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tbk-diff-rejected-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is compared on its TOP types, with a warning on stderr; the exit status follows the report', async () => {
    cpSync(path.join(ROOT, v1), dir, { recursive: true });
    const file = path.join(dir, 'methods/taobao.tbk.demo.shop.get.yaml');
    // A struct named like the method's request class passes validation; the generator rejects it (TBK303).
    const text = readFileSync(file, 'utf8')
      .replace('response:\n', 'response:\n  - name: shop\n    type: TbkDemoShopGetRequest\n')
      .replace('types: {}', 'types:\n  TbkDemoShopGetRequest:\n    - name: title\n      type: String');
    writeFileSync(file, text);
    const r = await run([v1, dir, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^.*tbk-diff-rejected-[^:]*:0: warning TBK410 taobao\.tbk\.demo\.shop\.get: the generator rejects this side's spec of the method \(TBK303 .*\); its fields are compared on their TOP types, not on the generated TypeScript types\n$/,
    );
    const report = JSON.parse(r.stdout);
    expect(report.methods.map((m: { method: string; severity: string }) => `${m.severity} ${m.method}`)).toEqual([
      'compatible taobao.tbk.demo.shop.get',
    ]);
  });
});

describe('colour', () => {
  const args = [v1, `${FIXTURES}/v2-breaking`];
  it('colours a terminal', async () => {
    expect((await run(args, { tty: true })).stdout).toContain(`${ESC}31mBREAKING`);
  });
  it('respects NO_COLOR on a terminal', async () => {
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
  it('stays plain in a pipe unless FORCE_COLOR', async () => {
    expect((await run(args)).stdout).not.toContain(ESC);
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });
  it('never colours markdown or JSON', async () => {
    expect((await run([...args, '--format', 'md'], { tty: true })).stdout).not.toContain(ESC);
    expect((await run([...args, '--format', 'json'], { tty: true })).stdout).not.toContain(ESC);
  });
});

describe('bad input exits 2 with a message naming what is wrong', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'tbk-diff-empty-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  const cases: { name: string; args: string[]; stderr: RegExp[] }[] = [
    {
      name: 'a path that exists nowhere and is no revision',
      args: [v1, 'no/such/spec'],
      stderr: [
        /^no\/such\/spec:0: error TBK400 not a spec folder, a page source or a git revision/m,
        /cannot compare: NEW \(no\/such\/spec\) unusable/,
      ],
    },
    {
      name: 'a revision that does not exist',
      args: ['git:no-such-revision-xyz', v1],
      stderr: [/^git:no-such-revision-xyz:0: error TBK402 unknown git revision "no-such-revision-xyz"$/m],
    },
    {
      name: 'a folder without a spec',
      args: [empty, v1],
      stderr: [/error TBK403 no spec here: no methods\/ folder, and no doc pages in it/],
    },
    {
      name: 'the methods/ folder instead of the spec folder',
      args: [`${v1}/methods`, v1],
      stderr: [/error TBK403 no spec here: this is the methods\/ folder of a spec; name the folder above it/],
    },
    {
      name: 'spec: forced on a folder without methods/',
      args: [`spec:${empty}`, v1],
      stderr: [/error TBK403 no spec here: .* has no methods\/ folder/],
    },
    {
      name: 'a spec file that fails validation',
      args: [v1, `${FIXTURES}/invalid`],
      stderr: [
        /^test\/fixtures\/diff\/invalid\/methods\/taobao\.tbk\.demo\.item\.get\.yaml:1:1: error TBK220 .*missing key "auth"$/m,
        /^test\/fixtures\/diff\/invalid\/methods\/taobao\.tbk\.demo\.item\.get\.yaml:11:11: error TBK222 request\.item_ids: unknown type "Nmber"/m,
        /^test\/fixtures\/diff\/invalid:0: error TBK405 1 spec file of this side fails validation$/m,
      ],
    },
    { name: 'a file that is no doc page', args: ['package.json', v1], stderr: [/^package\.json:0: error TBK406/m] },
    { name: 'one side only', args: [v1], stderr: [/expected OLD and NEW, got 1 argument/] },
    {
      name: 'an unknown format',
      args: [v1, v1, '--format', 'html'],
      stderr: [/--format must be one of text, md, json \(got "html"\)/],
    },
    {
      name: 'an unknown threshold',
      args: [v1, v1, '--fail-on', 'docs'],
      stderr: [/--fail-on must be one of breaking, any, never/],
    },
    { name: 'an unknown option', args: [v1, v1, '--colour'], stderr: [/unknown option --colour/] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await run(c.args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      for (const re of c.stderr) expect(r.stderr).toMatch(re);
    });
  }

  it('reports both sides when both are bad', async () => {
    const r = await run(['no/such/a', 'no/such/b']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/a:0: error TBK400[\s\S]*no\/such\/b:0: error TBK400/);
  });

  it('prints usage with --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: tbk-gen diff OLD NEW');
  });
});
