#!/usr/bin/env node
// Entry point of `tbk-gen`: runs the CLI from a bundle of generator/src (cli-bundle.js), or,
// when it cannot be built (no esbuild, or a source that does not compile), from the TypeScript
// sources through tsx's loader, which then reports any compile error.
import { cliBundle } from './cli-bundle.js';

const bundle = process.env.TBK_GEN_NO_BUNDLE ? undefined : await cliBundle();
let main;
if (bundle) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
