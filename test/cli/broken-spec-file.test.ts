/**
 * One broken YAML line in a committed spec file: one error at the line (not one per token and a
 * catalog warning that the file does not exist), and a scrape that would overwrite the file it
 * could not read refuses and says why. Run on a copy of the repository's spec.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/src/cli/generate-command.js';
import { runScrape } from '../../generator/src/cli/scrape-command.js';
import { captureLines } from './capture-lines.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tbk-broken-spec-'));
const initialCwd = process.cwd();
const FILE = 'spec/methods/taobao.tbk.uvid.encrypt.yaml';

const capture = captureLines;

let broken: string;
beforeAll(() => {
  for (const part of ['pages', 'overrides', 'methods'])
    cpSync(join(root, 'spec', part), join(work, 'spec', part), { recursive: true });
  for (const file of ['sources.yaml', 'schema.json', 'catalog.yaml'])
    cpSync(join(root, 'spec', file), join(work, 'spec', file));
  process.chdir(work);
  const lines = readFileSync(FILE, 'utf8').split('\n');
  lines[5] = `${lines[5]} : : ][`; // one careless edit on line 6
  broken = lines.join('\n');
  writeFileSync(FILE, broken);
});
afterAll(() => {
  process.chdir(initialCwd);
  rmSync(work, { recursive: true, force: true });
});

describe('a spec file with one broken YAML line', () => {
  it('generate reports one error at that line, and no catalog warning that the file is missing', async () => {
    const { code, err } = await capture(() => runGenerate(['--out', join(work, 'out')]));
    expect(code).toBe(2);
    const yamlErrors = err.filter((l) => l.includes('TBK200'));
    expect(yamlErrors).toHaveLength(1);
    expect(yamlErrors[0]).toMatch(
      /^spec\/methods\/taobao\.tbk\.uvid\.encrypt\.yaml:6:\d+: error TBK200 invalid YAML: .+ \(\d+ more errors on lines 6–\d+ follow from it\)$/,
    );
    expect(err.filter((l) => l.includes('TBK226'))).toEqual([]);
  });

  it('scrape refuses to overwrite it, says why at the line, and leaves it as it was', async () => {
    const { code, out, err } = await capture(() => runScrape(['--force']));
    expect(code).toBe(1);
    expect(out[0]).toContain('(nothing written)');
    expect(err.filter((l) => l.includes('TBK244'))).toEqual([
      expect.stringMatching(
        /^spec\/methods\/taobao\.tbk\.uvid\.encrypt\.yaml:6:\d+: error TBK244 the committed spec file cannot be read \(invalid YAML: .+\); not overwritten: fix it, or delete it to rebuild it from the pages$/,
      ),
    ]);
    expect(readFileSync(FILE, 'utf8')).toBe(broken);
  });
});
