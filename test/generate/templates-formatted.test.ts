/**
 * Template copies reach the package verbatim (the generator does not format them again), so
 * every template the package copies must already be what prettier makes of it under the
 * generator's options — which `.prettierrc.json` repeats for editors and `npx prettier`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../generator/src/emit/copy-runtime.js';
import { PRETTIER_OPTIONS } from '../../generator/src/print/format.js';
import { REPO_ROOT } from './golden-specs.js';

describe('templates', () => {
  it('.prettierrc.json holds the options the generator formats with', async () => {
    expect(JSON.parse(await readFile(join(REPO_ROOT, '.prettierrc.json'), 'utf8'))).toEqual(PRETTIER_OPTIONS);
  });

  it('copied into the package are prettier-clean as copied (header and rewritten imports included)', async () => {
    const files = await readTemplateFiles();
    expect(files.length).toBeGreaterThan(30);
    const unformatted: string[] = [];
    for (const file of files) {
      const formatted = await prettier.format(file.source, { ...PRETTIER_OPTIONS, parser: 'babel-ts' });
      if (formatted !== file.source) unformatted.push(`templates/${file.template}`);
    }
    expect(unformatted, 'run `npx prettier --write templates` and regenerate').toEqual([]);
  }, 60_000);
});
