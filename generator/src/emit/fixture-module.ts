/**
 * One fixture module per method (`src/fixtures/<stem>.ts`): the method's `MethodFixture`
 * (its metadata by reference to the request class, example params, the doc's samples and the
 * accepted sample mismatches). The testing entry serves them; the generated tests run them.
 */
import { StructureKind, VariableDeclarationKind } from '../print/ts-morph.js';
import type { IrMethod } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { Expression } from '../print/literal.js';
import type { EmittedModule } from './request-module.js';
import { importPath, paths } from './package-layout.js';
import { printModule, type ModuleStatements } from '../print/print-module.js';
import { literalInitializer, printSourceModule } from '../print/print-source.js';

export function emitFixtureModule(m: IrMethod): EmittedModule {
  const path = paths.fixture(m.names);
  const initializer = literalInitializer({ ...m.fixture, meta: new Expression(`${m.names.requestClass}.meta`) });
  const docs = [
    `Test data of \`${m.names.method}\` from its doc: example params by wire name, samples, accepted mismatches.`,
  ];
  const print = (declaration: boolean): string => {
    const statements: ModuleStatements = [
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        namedImports: ['MethodFixture'],
        moduleSpecifier: importPath(path, `${paths.runtimeDir}/index.ts`),
      },
    ];
    if (!declaration)
      statements.push({
        kind: StructureKind.ImportDeclaration,
        namedImports: [m.names.requestClass],
        moduleSpecifier: importPath(path, paths.method(m.names)),
      });
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: declaration,
      declarationKind: VariableDeclarationKind.Const,
      docs,
      declarations: [{ name: m.names.fixtureConst, type: 'MethodFixture', ...(declaration ? {} : { initializer }) }],
    });
    return (declaration ? printModule : printSourceModule)(headerComment(m.specPath), statements);
  };
  return { path, source: print(false), declaration: print(true) };
}
