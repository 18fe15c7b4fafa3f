/**
 * `tbk-gen generate` on bad specs: compiler-style messages (`file:line: error CODE …`), exit
 * status 2, and nothing written (no half-written package, an existing one left as it was).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runGenerate } from '../../generator/src/cli/generate-command.js';
import { buildIr } from '../../generator/src/ir/build-ir.js';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { listGoldens, scratchDir, writeSpecFolder } from './golden-specs.js';

const goldens = await listGoldens();
const base = goldens.find((g) => g.name === 'nested-list')!;

/** Runs the command in-process and captures what it prints. */
async function generate(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const code = await runGenerate(args);
  vi.restoreAllMocks();
  return { code, stderr, stdout };
}

afterEach(() => vi.restoreAllMocks());

async function badCase(tag: string, specs: { method: string; text: string }[]) {
  const dir = await scratchDir(`bad-${tag}`);
  const specDir = await writeSpecFolder(dir, specs);
  const outDir = join(dir, 'generated');
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'previous.txt'), 'the previous package\n');
  const result = await generate(['--spec', specDir, '--out', outDir]);
  return { ...result, specDir, outDir, dir };
}

async function expectNothingWritten(c: { outDir: string; dir: string }): Promise<void> {
  expect(await readdir(c.outDir)).toEqual(['previous.txt']);
  expect(await readFile(join(c.outDir, 'previous.txt'), 'utf8')).toBe('the previous package\n');
  expect((await readdir(c.dir)).sort()).toEqual(['generated', 'spec']);
}

describe('bad specs', () => {
  it('a schema failure (no auth) names the file and line', async () => {
    const c = await badCase('schema', [{ method: base.method, text: base.text.replace(/^auth: none\n/m, '') }]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(
      new RegExp(
        `${c.specDir}/methods/taobao\\.tbk\\.golden\\.nested\\.list\\.yaml:1(:1)?: error TBK220 schema: \\(top level\\): missing key "auth"`,
      ),
    );
    expect(c.stderr).toMatch(/nothing written: [1-9]\d* error\(s\)/);
    await expectNothingWritten(c);
  });

  it('an unknown type names the file and the line of the field', async () => {
    const text = base.text.replace(
      '  - name: total_results\n    type: Number',
      '  - name: total_results\n    type: Nmber',
    );
    const line = text.split('\n').indexOf('    type: Nmber');
    const c = await badCase('unknown-type', [{ method: base.method, text }]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(
      new RegExp(`taobao\\.tbk\\.golden\\.nested\\.list\\.yaml:(${line}|${line + 1})(:\\d+)?: error TBK\\d+ .*Nmber`),
    );
    await expectNothingWritten(c);
  });

  it('a name collision names both spec files', async () => {
    const other = base.text
      .replace('method: taobao.tbk.golden.nested.list', 'method: taobao.tbk.golden.nested_list')
      .replaceAll('tbk_golden_nested_list_response', 'tbk_golden_nested_list_response');
    const c = await badCase('collision', [base, { method: 'taobao.tbk.golden.nested_list', text: other }]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(
      `${c.specDir}/methods/taobao.tbk.golden.nested_list.yaml:1: error TBK302 exported name TbkGoldenNestedListRequest of request class of taobao.tbk.golden.nested_list collides with request class of taobao.tbk.golden.nested.list (${c.specDir}/methods/taobao.tbk.golden.nested.list.yaml:1)`,
    );
    await expectNothingWritten(c);
  });

  it('a missing spec folder is an error, not an empty package', async () => {
    const dir = await scratchDir('bad-missing');
    const result = await generate(['--spec', join(dir, 'nope'), '--out', join(dir, 'generated')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error TBK201');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('unknown types in the IR', () => {
  it('are reported with the line of the field even without the schema pass', async () => {
    const text = base.text.replace('    type: TbkCoupon[]', '    type: TbkCupon[]');
    const specDir = await writeSpecFolder(await scratchDir('bad-ir'), [{ method: base.method, text }]);
    const folder = await readSpecFolder(specDir);
    const lines = buildIr(folder).diagnostics.map(formatDiagnostic);
    // The field's line is the line of its list item (`- name: coupons`), just above its type.
    const line = text.split('\n').indexOf('    - name: coupons') + 1;
    expect(lines).toContain(
      `${specDir}/methods/${base.method}.yaml:${line}: error TBK301 types.NTbkItem.coupons: unknown type "TbkCupon[]" (not a TOP type, not declared under types)`,
    );
  });
});

describe('usage', () => {
  it('prints help with exit 0 and rejects unknown options with exit 2', async () => {
    expect((await generate(['--help'])).code).toBe(0);
    const bad = await generate(['--sepc', 'spec']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --sepc');
  });
});
