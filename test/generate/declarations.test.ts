/**
 * Generated modules print their own declaration files from the same structures (no compiler
 * run per file, see emit/request-module.ts). They must say what `tsc` would say: the golden
 * sources go through `ts.transpileDeclaration` and both texts are compared after TypeScript's
 * printer has normalised layout. The root, call and testing entries print theirs too.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generatePackage } from '../../generator/src/pipeline/generate-package.js';
import { GOLDEN_DIR, listGoldens, minimalTemplates, scratchDir, writeSpecFolder } from './golden-specs.js';

const EXPECTED = join(GOLDEN_DIR, 'expected');

/** Printed by TypeScript, without trailing commas, `import { type A, type B }` as `import type { A, B }`. */
function normalise(text: string): string {
  const sf = ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, true);
  return ts
    .createPrinter({ removeComments: true })
    .printFile(sf)
    .replace(/,(\s*[}\]])/g, '$1')
    .replace(/import \{([^}]*)\} from/g, (whole, list: string) => {
      const names = list.split(',').map((n) => n.trim());
      return names.every((n) => n.startsWith('type '))
        ? `import type { ${names.map((n) => n.slice(5)).join(', ')} } from`
        : whole;
    });
}

const cases: { name: string; kind: string; source: string; declaration: string }[] = [];
for (const name of (await readdir(EXPECTED)).sort()) {
  for (const kind of ['methods', 'fixtures']) {
    for (const file of await readdir(join(EXPECTED, name, 'src', kind))) {
      cases.push({
        name,
        kind,
        source: await readFile(join(EXPECTED, name, 'src', kind, file), 'utf8'),
        declaration: await readFile(join(EXPECTED, name, 'dist', kind, file.replace(/\.ts$/, '.d.ts')), 'utf8'),
      });
    }
  }
}

const dir = await scratchDir('declarations');
const pkg = await generatePackage({
  specDir: await writeSpecFolder(dir, await listGoldens()),
  outDir: join(dir, 'out'),
  write: false,
  reuse: false,
  templatesDir: await minimalTemplates(dir),
});
const entries: [string, string][] = [
  ['src/index.ts', 'dist/esm/index.d.ts'],
  ['src/call.ts', 'dist/esm/call.d.ts'],
  ['src/testing/index.ts', 'dist/esm/testing/index.d.ts'],
];
for (const [source, declaration] of entries) {
  cases.push({
    name: 'package',
    kind: source,
    source: String(pkg.files.get(source)),
    declaration: String(pkg.files.get(declaration)),
  });
}

const declarationOptions = {
  declaration: true,
  isolatedDeclarations: true,
  module: ts.ModuleKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
};

describe('printed declarations equal what tsc emits', () => {
  it('covers every golden method and fixture module and the package entries', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16 + 3);
  });

  it.each(cases.map((c) => [`${c.name} ${c.kind}`, c] as const))('%s', (_label, c) => {
    const emitted = ts.transpileDeclaration(c.source, {
      fileName: 'module.ts',
      compilerOptions: declarationOptions,
      reportDiagnostics: true,
    });
    expect(emitted.diagnostics ?? []).toEqual([]);
    expect(normalise(c.declaration)).toBe(normalise(emitted.outputText));
  });
});
