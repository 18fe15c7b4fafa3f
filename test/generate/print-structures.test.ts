/**
 * print-structures.ts prints the emitters' declaration structures without ts-morph: for every
 * declaration of the package built from spec/ (every emitter), its output must equal ts-morph's
 * own `printStructure`, and its enum values must be ts-morph's. (Sources are printed in final
 * form by print-source.ts; prettier is their oracle, test/generate/prettier-oracle.test.ts.)
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { emitCallModule } from '../../generator/src/emit/call-module.js';
import { emitFixtureModule } from '../../generator/src/emit/fixture-module.js';
import { emitFixtureTest } from '../../generator/src/emit/fixture-test.js';
import { emitIndexModule } from '../../generator/src/emit/index-module.js';
import { structurePrinter } from '../../generator/src/print/print-module.js';
import { printStatementStructures } from '../../generator/src/print/print-structures.js';
import { emitRequestModule } from '../../generator/src/emit/request-module.js';
import { StructureKind, VariableDeclarationKind } from '../../generator/src/print/structure-kind.js';
import { emitTestingModule } from '../../generator/src/emit/testing-module.js';
import type { StatementStructures } from '../../generator/src/print/ts-morph.js';
import { buildIr } from '../../generator/src/ir/build-ir.js';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { REPO_ROOT } from './golden-specs.js';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

/** ts-morph's printer, spaced as print-structures.ts spaces statements. */
function printWithTsMorph(statements: readonly (string | StatementStructures)[]): string {
  const isImport = (s: string | StatementStructures): boolean =>
    typeof s === 'object' && s.kind === tsMorph.StructureKind.ImportDeclaration;
  const spaced: (string | StatementStructures | TsMorph.WriterFunction)[] = [];
  statements.forEach((statement, i) => {
    if (i > 0 && !(isImport(statement) && isImport(statements[i - 1]!)))
      spaced.push((w) => void w.blankLineIfLastNot());
    spaced.push(statement);
  });
  const body = tsMorph.printStructure(
    { kind: tsMorph.StructureKind.SourceFile, statements: spaced },
    { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' },
  );
  return `${body.replace(/\s+$/, '')}\n`;
}

describe('print-structures', () => {
  it("uses ts-morph's enum values", () => {
    for (const [name, value] of Object.entries(StructureKind))
      expect(value, name).toBe(tsMorph.StructureKind[name as keyof typeof StructureKind]);
    expect(VariableDeclarationKind.Const).toBe(tsMorph.VariableDeclarationKind.Const);
  });

  it('prints every module of the package as ts-morph does', async () => {
    const { ir, diagnostics } = buildIr(await readSpecFolder(`${REPO_ROOT}spec`));
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(ir.methods).toHaveLength(112);
    const print = vi.spyOn(structurePrinter, 'print');
    onTestFinished(() => print.mockRestore());
    for (const m of ir.methods) {
      emitRequestModule(m);
      emitFixtureModule(m);
      emitFixtureTest(m);
    }
    emitIndexModule(ir);
    emitCallModule(ir);
    emitTestingModule(ir);
    // Per method: the declaration's interfaces, its params type, the request and the fixture
    // declarations; then the index, call and testing declarations.
    expect(print.mock.calls.length).toBeGreaterThanOrEqual(112 * 4 + 3);
    const kinds = new Set(
      print.mock.calls.flatMap(([statements]) => statements.map((s) => (typeof s === 'string' ? 'text' : s.kind))),
    );
    expect(kinds).toEqual(new Set(['text', ...Object.values(StructureKind)]));
    // Compared line by line: a diff of two whole modules would take vitest minutes to print.
    const mismatches: string[] = [];
    print.mock.calls.forEach(([statements], n) => {
      const ours = (print.mock.results[n]!.value as string).split('\n');
      const theirs = printWithTsMorph(statements).split('\n');
      const at = theirs.findIndex((line, i) => line !== ours[i]);
      if (at >= 0 || ours.length !== theirs.length) {
        const i = at >= 0 ? at : Math.min(ours.length, theirs.length);
        mismatches.push(
          `call ${n}, line ${i + 1}: ts-morph ${JSON.stringify(theirs[i])}, ours ${JSON.stringify(ours[i])}`,
        );
      }
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  }, 60_000);

  it('refuses a structure it does not print', () => {
    expect(() => printStatementStructures([{ kind: tsMorph.StructureKind.Enum, name: 'E' }])).toThrow('structure kind');
    expect(() =>
      printStatementStructures([{ kind: StructureKind.ImportDeclaration, defaultImport: 'x', moduleSpecifier: 'y' }]),
    ).toThrow('unsupported import form');
  });
});
