/**
 * `tbk-gen check` messages on a copy of the repository's spec and package: each differing file
 * is modified (edited by hand) or out of date (written from older inputs), with a short diff;
 * a missing input is named; progress goes to stderr.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../generator/src/cli/check-command.js';
import { unifiedDiff } from '../../generator/src/cli/unified-diff.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tbk-check-'));
const initialCwd = process.cwd();

async function check(args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  process.stdout.write = (chunk: string) => ((out += chunk), true);
  process.stderr.write = (chunk: string) => ((err += chunk), true);
  try {
    return { code: await runCheck(args), out, err };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

beforeAll(() => {
  cpSync(join(root, 'spec'), join(work, 'spec'), { recursive: true });
  cpSync(join(root, 'generated'), join(work, 'generated'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules'),
  });
  process.chdir(work);
});
afterAll(() => {
  process.chdir(initialCwd);
  rmSync(work, { recursive: true, force: true });
});

describe('tbk-gen check', () => {
  it('says modified for a hand edit and out of date for a changed input, with a diff, and prints progress', async () => {
    const index = 'generated/src/index.ts';
    writeFileSync(index, readFileSync(index, 'utf8').replace(/\n$/, '\n// my edit\n'));
    const spec = 'spec/methods/taobao.tbk.uvid.encrypt.yaml';
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^title: (.*)$/m, 'title: $1（改）'));
    const page = 'spec/pages/rendered-pages/001_c45301d665ca6256.txt';
    writeFileSync(page, readFileSync(page, 'utf8').replace('需打码的图片', '需要打码的图片'));

    const { code, err } = await check();
    expect(code).toBe(1);
    expect(err).toMatch(
      /^check: \[1\/3\] scraping the sources in memory \(0\.\d s\)\ncheck: \[2\/3\] generating the package in memory/,
    );
    expect(err).toContain('check: [3/3] comparing ');
    expect(err).toContain(`${index}: modified: edited since it was generated`);
    expect(err).toContain('    -// my edit');
    // The hand-edited spec: its pages did not change.
    expect(err).toContain(`${spec}: modified: `);
    expect(err).toMatch(
      / {4}-title: 淘宝客-推广者-加密用户标识生成（改）\n {4}\+title: 淘宝客-推广者-加密用户标识生成\n/,
    );
    // The package files of uvid.encrypt were generated from the spec before the edit.
    expect(err).toContain('generated/src/methods/tbk-uvid-encrypt.ts: out of date: generated from older inputs');
    // The spec of the method whose page changed.
    expect(err).toContain('spec/methods/taobao.tbk.sc.pic.embed.yaml: out of date: ');
    expect(err).toContain('    +    description: 需要打码的图片');
    expect(err).toMatch(
      /check: \d+ files differ from a fresh run \(\d+ modified, \d+ out of date\); run `npm run gen` and commit the result\n$/,
    );
    for (const f of [index, spec, page]) cpSync(join(root, f), f);
  }, 180_000);

  it('names a missing input and exits 2', async () => {
    rmSync('spec/pages/doc-records', { recursive: true });
    const { code, err } = await check(['--quiet']);
    expect(code).toBe(2);
    expect(err).not.toContain('[1/3]');
    expect(err).toMatch(/^spec\/sources\.yaml:\d+: error TBK203 source spec\/pages\/doc-records /m);
    expect(err).toContain('check: 1 input(s) missing or unusable: the spec cannot be checked against the pages');
    cpSync(join(root, 'spec/pages/doc-records'), 'spec/pages/doc-records', { recursive: true });
  }, 120_000);

  it('--help gives the exit statuses', async () => {
    const { code, out } = await check(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Exit status: 0 everything up to date, 1 some file differs');
  });
});

describe('unifiedDiff', () => {
  it('shows the changed lines with context, and cuts a long diff', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const b = ['a', 'b', 'C', 'd', 'e', 'f', 'g'].join('\n');
    expect(unifiedDiff(a, b)).toEqual(['@@ -1 +1 @@', ' a', ' b', '-c', '+C', ' d', ' e', ' f', '+g']);
    const apart = unifiedDiff('1\n2\n3\n4\n5\n6\n7\n8\n9', '1\nX\n3\n4\n5\n6\n7\nY\n9');
    expect(apart).toEqual(['@@ -1 +1 @@', ' 1', '-2', '+X', ' 3', ' 4', '@@ -6 +6 @@', ' 6', ' 7', '-8', '+Y', ' 9']);
    const long = unifiedDiff(
      Array.from({ length: 100 }, (_, i) => `x${i}`).join('\n'),
      Array.from({ length: 100 }, (_, i) => `y${i}`).join('\n'),
      6,
    );
    expect(long).toHaveLength(8);
    expect(long.at(-1)).toBe('… 194 more changed line(s)');
  });
});
