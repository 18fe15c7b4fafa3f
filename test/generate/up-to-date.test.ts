/**
 * `tbk-gen generate` with nothing to do: when the spec, the templates and the generator are as
 * the last successful run left them and every file of the package still has the bytes its
 * manifest lists, the run replays its summary instead of generating; anything else (a file
 * edited, added or removed, a spec changed, `--force`) makes it a full run that restores the
 * package.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runGenerate } from '../../generator/src/cli/generate-command.js';
import { listGoldens, scratchDir, writeSpecFolder } from './golden-specs.js';

async function generate(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    return { code: await runGenerate(args), stdout };
  } finally {
    vi.restoreAllMocks();
  }
}

const UP_TO_DATE =
  /^generated 1 methods, (\d+) files in .*: up to date \(spec, templates and generator unchanged since the last run, every file as written\) in [\d.]+ s; 0 error\(s\)/;
const FULL = /^generated 1 methods, (\d+) files in .* \(\d+ units generated, \d+ unchanged\) in /;

describe('generate with nothing to do', () => {
  it('replays the last run, and runs again when the package, the spec or --force says so', async () => {
    const golden = (await listGoldens()).find((g) => g.name === 'nested-list')!;
    const dir = await scratchDir('up-to-date');
    const specDir = await writeSpecFolder(dir, [golden]);
    const outDir = join(dir, 'generated');
    const args = ['--spec', specDir, '--out', outDir];

    const first = await generate(args);
    expect(first.code).toBe(0);
    const files = Number(FULL.exec(first.stdout)?.[1]);
    expect(files).toBeGreaterThan(10);
    const index = join(outDir, 'src/index.ts');
    const original = await readFile(index, 'utf8');

    const replay = await generate(args);
    expect(replay.stdout).toMatch(UP_TO_DATE);
    expect(Number(UP_TO_DATE.exec(replay.stdout)?.[1])).toBe(files);

    // An edited file and a stray one: a full run restores the package.
    await writeFile(index, `${original}// edited\n`);
    await writeFile(join(outDir, 'stray.txt'), 'not generated\n');
    expect((await generate(args)).stdout).toMatch(FULL);
    expect(await readFile(index, 'utf8')).toBe(original);
    await expect(readFile(join(outDir, 'stray.txt'))).rejects.toThrow();
    expect((await generate(args)).stdout).toMatch(UP_TO_DATE);

    // A stray hidden file (check counts it, so the replay must not pass over it).
    await writeFile(join(outDir, '.stray'), 'not generated\n');
    expect((await generate(args)).stdout).toMatch(FULL);
    await expect(readFile(join(outDir, '.stray'))).rejects.toThrow();
    expect((await generate(args)).stdout).toMatch(UP_TO_DATE);

    // A file removed from the package.
    await rm(index);
    expect((await generate(args)).stdout).toMatch(FULL);
    expect(await readFile(index, 'utf8')).toBe(original);

    // A changed spec file (its description) and --force.
    const specFile = join(specDir, 'methods', `${golden.method}.yaml`);
    await writeFile(specFile, (await readFile(specFile, 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (renamed)'));
    expect((await generate(args)).stdout).toMatch(FULL);
    expect((await generate([...args, '--force'])).stdout).toMatch(FULL);
    expect((await generate(args)).stdout).toMatch(UP_TO_DATE);
  }, 120_000);
});

describe('generate output', () => {
  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    try {
      return { code: await runGenerate(args), stdout, stderr };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('--quiet prints only the summary; a replay counts the notices and warnings instead of printing them', async () => {
    const golden = (await listGoldens()).find((g) => g.name === 'reserved-words')!;
    const dir = await scratchDir('quiet');
    const args = ['--spec', await writeSpecFolder(dir, [golden]), '--out', join(dir, 'generated')];

    const quiet = await run([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^generated 1 methods, .* 0 error\(s\), 0 warning\(s\), [1-9]\d* notice\(s\)\n$/);

    const full = await run([...args, '--force']);
    expect(full.stderr).toContain(' notice TBK307 ');
    const notices = /(\d+) notice\(s\)/.exec(full.stdout)![1];

    const replay = await run(args);
    expect(replay.stdout).toMatch(UP_TO_DATE);
    expect(replay.stdout).toContain(`${notices} notice(s) (not repeated; --force runs again)`);
    expect(replay.stderr).toBe('');
  }, 120_000);
});
