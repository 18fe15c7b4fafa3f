/**
 * Prettier is the oracle of the final-form printers (style.md rule 5): the generator writes
 * every `.ts`, `.md` and `.json` file of the package as prettier would lay it out with the
 * project's options (.prettierrc.json), so formatting any of them changes nothing. Checked on
 * the package built from spec/ (every file but the build output under dist/, whose JavaScript
 * and declarations come from esbuild and the compiler) and on the golden feature specs (hostile
 * descriptions, reserved words, nested lists …). Prettier runs in-process, on a worker thread
 * and the main thread at once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/src/pipeline/generate-package.js';
import { WorkerPool } from '../../generator/src/print/worker-pool.js';
import { PRETTIER_OPTIONS } from '../../generator/src/print/format.js';
import { listGoldens, minimalTemplates, REPO_ROOT, scratchDir, writeSpecFolder } from './golden-specs.js';

const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.md': 'markdown', '.json': 'json' };

const parserOf = (path: string): string | undefined => PARSERS[/\.[a-z]+$/.exec(path)?.[0] ?? ''];
const isBuildOutput = (path: string): boolean => path.startsWith('dist/') && !path.endsWith('.json');

/** Files prettier would change, each with its first differing line. */
async function unstable(files: ReadonlyMap<string, string>): Promise<string[]> {
  const pool = new WorkerPool(1);
  try {
    const checked = [...files].filter(([path]) => parserOf(path) && !isBuildOutput(path));
    const outcomes = checked.map(([path, text]) =>
      pool.format(text, parserOf(path)!).then((o) => [path, text, o] as const),
    );
    await pool.drain();
    const problems: string[] = [];
    for (const [path, text, outcome] of await Promise.all(outcomes)) {
      if ('error' in outcome) problems.push(`${path}: prettier could not parse it: ${outcome.error}`);
      else if (outcome.text !== text) {
        const ours = text.split('\n');
        const theirs = outcome.text.split('\n');
        const at = theirs.findIndex((line, i) => line !== ours[i]);
        problems.push(
          `${path}:${at + 1}: prettier ${JSON.stringify(theirs[at])}, generated ${JSON.stringify(ours[at])}`,
        );
      }
    }
    expect(checked.length).toBeGreaterThan(0);
    return problems;
  } finally {
    await pool.close();
  }
}

describe('prettier oracle', () => {
  it('the options are the project ones', async () => {
    expect(JSON.parse(await readFile(join(REPO_ROOT, '.prettierrc.json'), 'utf8'))).toEqual(PRETTIER_OPTIONS);
  });

  it('formats no file of the package built from spec/', async () => {
    const dir = await scratchDir('prettier-oracle');
    const result = await generatePackage({
      specDir: join(REPO_ROOT, 'spec'),
      outDir: join(dir, 'out'),
      write: false,
      reuse: false,
    });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.files.size).toBeGreaterThan(1000);
    expect(await unstable(result.files)).toEqual([]);
  }, 120_000);

  it('formats no file of the golden feature packages', async () => {
    const dir = await scratchDir('prettier-oracle-goldens');
    const specDir = await writeSpecFolder(dir, await listGoldens());
    const result = await generatePackage({
      specDir,
      outDir: join(dir, 'out'),
      write: false,
      reuse: false,
      templatesDir: await minimalTemplates(dir),
    });
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(await unstable(result.files)).toEqual([]);
  }, 120_000);
});
