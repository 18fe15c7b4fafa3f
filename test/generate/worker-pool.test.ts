/**
 * The prettier pool: every file comes back exactly as prettier formats it with the fixed
 * options, whichever thread took it; a file prettier cannot parse comes back as an error
 * (the prettier-oracle test reports it); a pool without workers formats everything on the main thread.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../generator/src/print/worker-pool.js';
import { PRETTIER_OPTIONS } from '../../generator/src/print/format.js';
import { REPO_ROOT } from './golden-specs.js';

/** Real generated modules, squashed onto few lines so that formatting has work to do. */
async function inputs(): Promise<string[]> {
  const dir = join(REPO_ROOT, 'generated/src/methods');
  const names = (await readdir(dir)).sort().slice(0, 24);
  return Promise.all(names.map(async (n) => (await readFile(join(dir, n), 'utf8')).replace(/\n\s+(?=[^\s*/])/g, ' ')));
}

describe('format pool', () => {
  it.each([0, 1, 2])(
    'with %i worker(s) gives what prettier gives, for every file',
    async (workers) => {
      const texts = await inputs();
      const expected = await Promise.all(
        texts.map((t) => prettier.format(t, { ...PRETTIER_OPTIONS, parser: 'babel-ts' })),
      );
      const pool = new WorkerPool(workers);
      try {
        const pending = texts.map((t) => pool.format(t, 'babel-ts'));
        await pool.drain();
        expect(await Promise.all(pending)).toEqual(expected.map((text) => ({ text })));
      } finally {
        await pool.close();
      }
    },
    60_000,
  );

  it('reports a file prettier cannot parse, and formats the others', async () => {
    const pool = new WorkerPool(1);
    try {
      const bad = pool.format('export const = ;\n', 'babel-ts');
      const good = pool.format('export const a = {b:1}\n', 'babel-ts');
      const md = pool.format('# Title\n\n* one\n* two\n', 'markdown');
      await pool.drain();
      expect(await bad).toEqual({ error: expect.stringMatching(/Unexpected token|Unexpected/) });
      expect(await good).toEqual({ text: 'export const a = { b: 1 };\n' });
      expect(await md).toEqual({ text: '# Title\n\n- one\n- two\n' });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('gives the isolated declarations ts.transpileDeclaration gives, and the first problem of a module that is not clean', async () => {
    const ts = (await import('../../generator/src/print/ts-morph.js')).typescript();
    const { DECLARATION_OPTIONS } = await import('../../generator/src/dist/dist-options.js');
    const source = await readFile(join(REPO_ROOT, 'templates/runtime/sign.ts'), 'utf8');
    const options = ts.convertCompilerOptionsFromJson(DECLARATION_OPTIONS, '.').options;
    const expected = ts.transpileDeclaration(source, {
      fileName: 'src/runtime/sign.ts',
      compilerOptions: options,
    }).outputText;
    for (const workers of [0, 1]) {
      const pool = new WorkerPool(workers);
      try {
        const clean = pool.declare('src/runtime/sign.ts', source);
        const unclean = pool.declare('src/x.ts', 'export function f(a: number) { return a; }\n');
        await pool.drain();
        expect(await clean).toEqual({ text: expected });
        expect(await unclean).toEqual({
          problem: { message: expect.stringMatching(/explicit return type/), start: expect.any(Number) },
        });
      } finally {
        await pool.close();
      }
    }
  }, 60_000);

  it('refuses work after close', async () => {
    const pool = new WorkerPool(0);
    await pool.close();
    expect(() => pool.format('a', 'babel-ts')).toThrow(/closed/);
  });
});
