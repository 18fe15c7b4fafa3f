/**
 * The package root (`src/index.ts`): the runtime's public exports, every request class with
 * its params and response types, and each method's structs as a type-only namespace
 * (`TbkUvidEncrypt.UvIdGenerateRes`): struct names such as `MapData` recur across methods with
 * different fields, so they cannot share one scope. The package is `sideEffects: false` and a
 * method module holds only its own code, so a bundler keeps just the classes a program uses.
 */
import { StructureKind } from '../print/ts-morph.js';
import type { IrPackageSummary } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { importPath, paths } from './package-layout.js';
import { printModule, type ModuleStatements } from '../print/print-module.js';
import { printSourceModule } from '../print/print-source.js';

export function emitIndexModule(ir: IrPackageSummary): { path: string; source: string; declaration: string } {
  const path = paths.index;
  const statements: ModuleStatements = [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: importPath(path, `${paths.runtimeDir}/index.ts`) },
  ];
  for (const m of ir.methods) {
    const from = importPath(path, paths.method(m.names));
    statements.push(
      {
        kind: StructureKind.ExportDeclaration,
        namedExports: [m.names.requestClass, `type ${m.names.paramsType}`, `type ${m.names.responseInterface}`],
        moduleSpecifier: from,
      },
      `export type * as ${m.names.base} from '${from}';`,
    );
  }
  const header = headerComment('spec/methods/*.yaml and templates/runtime/index.ts');
  // Re-exports only: the declaration says the same, in ts-morph's layout like every declaration.
  return { path, source: printSourceModule(header, statements), declaration: printModule(header, statements) };
}
