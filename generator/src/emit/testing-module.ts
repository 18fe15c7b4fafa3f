/**
 * The testing entry (`tbk-client/testing`, `src/testing/index.ts`): the mock gateway of
 * templates/testing, re-exported, with `startMockGateway` bound to the fixtures of every method
 * of the package so a user's test needs only `startMockGateway({ apps })`.
 */
import { StructureKind, VariableDeclarationKind, type ImportDeclarationStructure } from '../print/ts-morph.js';
import type { IrPackageSummary } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { importPath, paths, TESTING_TEMPLATE_INDEX } from './package-layout.js';
import { Expression } from '../print/literal.js';
import { printModule, type ModuleStatements } from '../print/print-module.js';
import { literalInitializer, printSourceModule } from '../print/print-source.js';

export function emitTestingModule(ir: IrPackageSummary): { path: string; source: string; declaration: string } {
  return { path: paths.testingIndex, source: print(ir, false), declaration: print(ir, true) };
}

function print(ir: IrPackageSummary, declaration: boolean): string {
  const path = paths.testingIndex;
  const template = importPath(path, `${paths.testingDir}/${TESTING_TEMPLATE_INDEX}`);
  const imports: ImportDeclarationStructure[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      namedImports: ['MethodFixture'],
      moduleSpecifier: importPath(path, `${paths.runtimeDir}/index.ts`),
    },
    declaration
      ? {
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: true,
          namedImports: ['MockGateway', 'MockGatewayOptions'],
          moduleSpecifier: template,
        }
      : {
          kind: StructureKind.ImportDeclaration,
          namedImports: ['startMockGateway as startGateway', 'type MockGateway', 'type MockGatewayOptions'],
          moduleSpecifier: template,
        },
    ...(declaration
      ? []
      : ir.methods.map((m): ImportDeclarationStructure => ({
          kind: StructureKind.ImportDeclaration,
          namedImports: [m.names.fixtureConst],
          moduleSpecifier: importPath(path, paths.fixture(m.names)),
        }))),
  ];
  imports.sort((a, b) => (a.moduleSpecifier < b.moduleSpecifier ? -1 : 1));
  const statements: ModuleStatements = [
    ...imports,
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: template },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: declaration,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The fixture of every method in the package (metadata, example params, doc samples), by method name.'],
      declarations: [
        {
          name: 'fixtures',
          type: 'readonly MethodFixture[]',
          ...(declaration
            ? {}
            : { initializer: literalInitializer(ir.methods.map((m) => new Expression(m.names.fixtureConst))) }),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'fixtureOf',
      isExported: true,
      docs: ['The fixture of one method, or undefined when the package has no such method.'],
      parameters: [{ name: 'method', type: 'string' }],
      returnType: 'MethodFixture | undefined',
      hasDeclareKeyword: declaration,
      ...(declaration ? {} : { statements: ['return fixtures.find((f) => f.meta.method === method);'] }),
    },
    {
      kind: StructureKind.Function,
      name: 'startMockGateway',
      isExported: true,
      docs: [
        'Starts the mock gateway on 127.0.0.1, knowing every method of the package unless `options.methods` names others.',
      ],
      parameters: [{ name: 'options', type: 'MockGatewayOptions' }],
      returnType: 'Promise<MockGateway>',
      hasDeclareKeyword: declaration,
      ...(declaration
        ? {}
        : { statements: ['return startGateway({ ...options, methods: options.methods ?? fixtures });'] }),
    },
  ];
  return (declaration ? printModule : printSourceModule)(
    headerComment('spec/methods/*.yaml and templates/testing/index.ts'),
    statements,
  );
}
