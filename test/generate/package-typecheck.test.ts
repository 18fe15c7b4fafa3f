/**
 * `tsc --noEmit --strict` passes on the whole committed package (`generated/tsconfig.json`
 * covers `src` and `test`): the method modules, fixtures, entries, the copied runtime, the
 * testing entry, the harness and every generated test.
 */
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR, specMethods } from './package-helpers.js';

describe('tsc -p generated', () => {
  it('type-checks src and test strictly without errors', async () => {
    const configPath = join(PACKAGE_DIR, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    expect(parsed.options.strict).toBe(true);
    const methods = await specMethods();
    for (const m of methods) {
      expect(parsed.fileNames).toContain(join(PACKAGE_DIR, `src/methods/${m.fileStem}.ts`));
      expect(parsed.fileNames).toContain(join(PACKAGE_DIR, `test/${m.fileStem}.test.ts`));
    }
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const messages = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${relative(PACKAGE_DIR, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(messages).toEqual([]);
    // A strict program over the ~1,500 files of the package: 10-20 s on two idle cores, more
    // when the suite's other files share them.
  }, 120_000);
});
