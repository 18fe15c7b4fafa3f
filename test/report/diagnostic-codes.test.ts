/**
 * Every diagnostic code the generator can print is documented in docs/diagnostics.md, and every
 * code documented there is either printed by some stage or marked retired.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../generator/src/files/list-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The hand-written .ts files below `dir` (a bundled `.build` folder left out), relative to ROOT. */
async function sourceFiles(dir: string): Promise<string[]> {
  const skip = (p: string) => p === '.build' || p.endsWith('/.build');
  return (await listFiles(path.join(ROOT, dir), { all: true, skip }))
    .filter((p) => p.endsWith('.ts') && !p.endsWith('.test.ts'))
    .map((p) => `${dir}/${p}`);
}

/** Codes written as string literals (`'TBK012'`, `"TBK012"`, `` `TBK012` ``): the ones a stage can emit. */
const used = new Map<string, string>();
for (const file of [...(await sourceFiles('generator/src')), ...(await sourceFiles('templates'))]) {
  for (const m of readFileSync(path.join(ROOT, file), 'utf8').matchAll(/['"`](TBK\d{3})['"`]/g))
    if (!used.has(m[1]!)) used.set(m[1]!, file);
}

const rows = readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (TBK\d{3}) \| ([^|]*) \|(.*)$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null);
const documented = new Map(rows.map((m) => [m[1]!, { level: m[2]!.trim(), text: m[3]! }]));

describe('docs/diagnostics.md', () => {
  it('finds codes on both sides', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(documented.size).toBeGreaterThan(100);
  });

  it('documents every code a stage can print', () => {
    const missing = [...used].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('prints every documented code, or marks it retired', () => {
    const stale = [...documented]
      .filter(([code, row]) => !used.has(code) && !/retired/.test(row.text))
      .map(([code]) => code);
    expect(stale).toEqual([]);
  });

  it('gives each documented code a level', () => {
    // `error/warning`: a code whose level depends on an option (e.g. an accepted loss).
    for (const [code, row] of documented)
      for (const level of row.level.split('/')) expect(['error', 'warning', 'notice', '—'], code).toContain(level);
  });
});
