/**
 * Test helper: the golden feature specs (`test/golden/*.yaml`) as a spec folder, and a minimal
 * templates folder for runs that only look at per-method output (formatting the whole runtime
 * on every test run would cost seconds and test nothing more).
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = join(REPO_ROOT, 'test/golden');
export const TEMPLATES_DIR = join(REPO_ROOT, 'templates');

export interface Golden {
  /** Feature name: the file name without `.yaml`. */
  name: string;
  method: string;
  text: string;
}

export async function listGoldens(): Promise<Golden[]> {
  const names = (await readdir(GOLDEN_DIR)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (n) => {
      const text = await readFile(join(GOLDEN_DIR, n), 'utf8');
      return { name: n.slice(0, -'.yaml'.length), method: (parse(text) as { method: string }).method, text };
    }),
  );
}

/**
 * A fresh scratch folder `test/tmp/generate-<tag>` (gitignored), emptied at every call: one tag
 * per test file, so files running in parallel never share one, and reruns do not pile up.
 */
export async function scratchDir(tag: string): Promise<string> {
  const dir = join(REPO_ROOT, 'test/tmp', `generate-${tag}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes `methods/<method>.yaml` for each spec text into `<dir>/spec` and returns that folder. */
export async function writeSpecFolder(
  dir: string,
  specs: readonly { method: string; text: string }[],
): Promise<string> {
  const spec = join(dir, 'spec');
  await mkdir(join(spec, 'methods'), { recursive: true });
  for (const s of specs) await writeFile(join(spec, 'methods', `${s.method}.yaml`), s.text);
  return spec;
}

/** templates/ with only what per-method output depends on: the runtime's exports and the prose templates (README, CHANGELOG, LICENSE). */
export async function minimalTemplates(dir: string): Promise<string> {
  const out = join(dir, 'templates');
  await mkdir(join(out, 'runtime'), { recursive: true });
  await mkdir(join(out, 'licenses'), { recursive: true });
  await copyFile(join(TEMPLATES_DIR, 'runtime/index.ts'), join(out, 'runtime/index.ts'));
  for (const file of ['readme.md.hbs', 'changelog.md.hbs', 'licenses/MIT.txt.hbs'])
    await copyFile(join(TEMPLATES_DIR, file), join(out, file));
  return out;
}
