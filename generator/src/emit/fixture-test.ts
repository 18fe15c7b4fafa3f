/**
 * One thin test per method (`test/<stem>.test.ts`, style.md rule 6): the fixture, the request
 * class and the hand-written harness (`templates/harness/method-fixture.ts`), nothing else.
 */
import { StructureKind } from '../print/ts-morph.js';
import type { IrMethod } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { importPath, paths } from './package-layout.js';
import { printSourceModule } from '../print/print-source.js';

export const HARNESS_MODULE = 'method-fixture.ts';

export function emitFixtureTest(m: IrMethod): { path: string; source: string } {
  const path = paths.test(m.names);
  const source = printSourceModule(headerComment(m.specPath), [
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: [m.names.fixtureConst],
      moduleSpecifier: importPath(path, paths.fixture(m.names)),
    },
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: [m.names.requestClass],
      moduleSpecifier: importPath(path, paths.method(m.names)),
    },
    {
      kind: StructureKind.ImportDeclaration,
      namedImports: ['testMethod'],
      moduleSpecifier: importPath(path, `${paths.harnessDir}/${HARNESS_MODULE}`),
    },
    `testMethod(${m.names.fixtureConst}, ${m.names.requestClass});`,
  ]);
  return { path, source };
}
