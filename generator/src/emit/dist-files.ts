/**
 * The files of `dist/` (light: no compiler loaded): each `src/**.ts` compiles to ESM and
 * CommonJS JavaScript with a declaration file beside each, and `dist/cjs/package.json` marks the
 * CommonJS folder, so TypeScript and Node read `dist/cjs/*.js` and `*.d.ts` as CommonJS.
 */
import { headerText, JSON_HEADER_KEY } from './file-header.js';
import { distPath } from './package-layout.js';

/** The four dist files of a source. */
export function distFilesOf(source: string): string[] {
  return [
    distPath(source, 'esm', '.js'),
    distPath(source, 'cjs', '.js'),
    distPath(source, 'esm', '.d.ts'),
    distPath(source, 'cjs', '.d.ts'),
  ];
}

export const CJS_PACKAGE_JSON = 'dist/cjs/package.json';

export function cjsPackageJson(): string {
  return `${JSON.stringify({ [JSON_HEADER_KEY]: headerText('generator/src/emit/dist-files.ts'), type: 'commonjs' }, null, 2)}\n`;
}
