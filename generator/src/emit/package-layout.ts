/**
 * Where every file of the generated package lives (paths relative to the package folder).
 * Sources under `src/` compile 1:1 to `dist/esm/` and `dist/cjs/`; tests under `test/` run
 * from source with vitest and are not shipped.
 */
import type { MethodNames } from '../ir/names.js';

export const SRC = 'src';

export const paths = {
  method: (n: MethodNames): string => `src/methods/${n.fileStem}.ts`,
  fixture: (n: MethodNames): string => `src/fixtures/${n.fileStem}.ts`,
  test: (n: MethodNames): string => `test/${n.fileStem}.test.ts`,
  index: 'src/index.ts',
  call: 'src/call.ts',
  testingIndex: 'src/testing/index.ts',
  runtimeDir: 'src/runtime',
  testingDir: 'src/testing',
  redisDir: 'src/redis',
  harnessDir: 'test/harness',
  readme: 'README.md',
  changelog: 'CHANGELOG.md',
  license: 'LICENSE',
  mockBin: 'bin/tbk-mock.js',
  manifest: 'MANIFEST.json',
  packageJson: 'package.json',
  tsconfig: 'tsconfig.json',
};

/** The testing template's own `index.ts` is copied under this name (the entry is generated). */
export const TESTING_TEMPLATE_INDEX = 'gateway-exports.ts';

/** Relative import specifier from one package file to another (`.ts` → `.js`). */
export function importPath(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.replace(/\.ts$/, '.js').split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  const rest = toParts.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** `src/methods/x.ts` → `dist/esm/methods/x.js` (or `.d.ts`). */
export function distPath(source: string, flavour: 'esm' | 'cjs', ext: '.js' | '.d.ts'): string {
  return `dist/${flavour}/${source.slice(SRC.length + 1).replace(/\.ts$/, ext)}`;
}
