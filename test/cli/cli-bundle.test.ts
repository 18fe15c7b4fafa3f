/**
 * The `tbk-gen` binary runs from an esbuild bundle of generator/src that is rebuilt as soon as
 * a source file changes (size or mtime), and from the sources through tsx when asked to.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../generate/golden-specs.js';

const BIN = join(REPO_ROOT, 'generator/bin/tbk-gen.js');
const INPUTS = join(REPO_ROOT, 'generator/src/.build/inputs.json');
const SOURCE = 'generator/src/cli/main.ts';

function help(env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [BIN, '--help'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('tbk-gen bundle', () => {
  it('is built with every source it holds, and rebuilt when one of them changes', () => {
    const usage = help();
    expect(usage).toMatch(/^usage: tbk-gen <command>/);
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as Record<string, [number, number]>;
    expect(Object.keys(inputs)).toContain(SOURCE);
    expect(Object.keys(inputs).filter((p) => p.startsWith('generator/src/')).length).toBeGreaterThan(50);

    // A new mtime (same bytes) makes the bundle stale: the next run rebuilds it first.
    const file = join(REPO_ROOT, SOURCE);
    const later = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
    utimesSync(file, later, later);
    expect(help()).toBe(usage);
    const rebuilt = JSON.parse(readFileSync(INPUTS, 'utf8')) as Record<string, [number, number]>;
    expect(rebuilt[SOURCE]).toEqual([statSync(file).size, statSync(file).mtimeMs]);
  }, 60_000);

  it('runs from the TypeScript sources when the bundle is turned off', () => {
    expect(help({ TBK_GEN_NO_BUNDLE: '1' })).toMatch(/^usage: tbk-gen <command>/);
  }, 60_000);
});
