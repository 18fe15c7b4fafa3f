/**
 * `tsconfig.json` of the generated package: `npx tsc -p generated` type-checks `src` and `test`
 * strictly, with the same module settings the sources were written for (NodeNext, `.js`
 * specifiers, isolated modules). Nothing is emitted by tsc: the generator writes `dist/`.
 */
import { headerComment } from './file-header.js';
import { printJson } from '../print/print-json.js';

export function emitTsconfig(): { path: string; source: string } {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
    include: ['src', 'test'],
  };
  return {
    path: 'tsconfig.json',
    source: `${headerComment('generator/src/emit/tsconfig-json.ts')}\n${printJson(config)}`,
  };
}
