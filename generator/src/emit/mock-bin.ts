/**
 * `bin/tbk-mock.js`, the package's `tbk-mock` command: the mock gateway's command line
 * (templates/testing/mock-cli.ts) with every fixture of the package. Plain ES module JavaScript
 * that loads the built testing entry, so `npx tbk-mock` needs no build and no TypeScript. The
 * shebang must be the first line; the generated-file header follows it. Written executable
 * (pipeline/write-package.ts), as npm makes bins on install.
 */
import { headerComment } from './file-header.js';
import { distPath, paths } from './package-layout.js';

export function emitMockBin(): { path: string; source: string } {
  const entry = `../${distPath(`${paths.testingIndex}`, 'esm', '.js')}`;
  const source = [
    '#!/usr/bin/env node',
    headerComment('generator/src/emit/mock-bin.ts'),
    `import { fixtures, runMockCli } from '${entry}';`,
    '',
    'process.exitCode = await runMockCli(process.argv.slice(2), fixtures);',
    '',
  ].join('\n');
  return { path: paths.mockBin, source };
}
