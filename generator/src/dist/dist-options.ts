/**
 * How `dist/` is compiled (shared by build-dist.ts and the reuse key, without loading the
 * compilers): esbuild per-file transforms for JS, isolated declarations for `.d.ts`.
 */
export const ESBUILD_TARGET = 'es2022';

/** TypeScript compiler options for declarations, in tsconfig.json form. */
export const DECLARATION_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  declaration: true,
  isolatedDeclarations: true,
  strict: true,
  skipLibCheck: true,
  types: ['node'],
  lib: ['es2023', 'dom'],
} as const;

/** What dist files depend on besides their source and the tool versions. */
export const DIST_RECIPE = `esbuild ${ESBUILD_TARGET} esm+cjs; declarations ${JSON.stringify(DECLARATION_OPTIONS)}`;
