// Runs the compiler on paging-types.ts: paginate over a method that does not page, and
// syncOrders over a method that is not order-like or with foreign params, are type errors
// (each marked @ts-expect-error there, so an accepted call fails as an unused directive).
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../generate/golden-specs.js';

it('paging-types.ts type-checks: the calls it marks are errors, the others are not', () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(REPO_ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const file = join(REPO_ROOT, 'test/jobs/paging-types.ts');
  const program = ts.createProgram([file], config.options);
  const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  expect(messages).toEqual([]);
  const text = program.getSourceFile(file)!.text;
  expect(text.match(/^\s*\/\/ @ts-expect-error/gm)?.length).toBe(4);
});
