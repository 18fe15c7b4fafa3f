/**
 * The name-keyed entry (`tbk-client/call`): `client.call('taobao.tbk.uvid.encrypt', params)`
 * typed by the method name. It imports every method, so it lives apart from the root entry,
 * which stays tree-shakable.
 */
import { StructureKind, VariableDeclarationKind, type ImportDeclarationStructure } from '../print/ts-morph.js';
import type { IrPackageSummary } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { Expression, stringLiteral } from '../print/literal.js';
import { importPath, paths } from './package-layout.js';
import { printModule, type ModuleStatements } from '../print/print-module.js';
import { literalInitializer, printSourceModule } from '../print/print-source.js';

/** The part that does not depend on the methods. */
const FUNCTIONS_DECLARATION = `/** True when \`name\` is a method of this package. */
export declare function isMethodName(name: string): name is MethodName;

/** A request for \`method\` with \`params\`, as \`new XRequest(params)\` would build it. */
export declare function createRequest<M extends MethodName>(method: M, params: Methods[M]['params']): TopRequest<Methods[M]['params'], Methods[M]['response']>;

/** A \`TopClient\` that also calls methods by name: \`client.call('taobao.tbk.uvid.encrypt', params)\`. */
export declare class TopCallClient extends TopClient {
  call<M extends MethodName>(method: M, params: Methods[M]['params'], options?: CallOptions): Promise<Methods[M]['response']>;
}`;

/** The part that does not depend on the methods, in final form (as prettier lays it out). */
const FUNCTIONS = `/** True when \`name\` is a method of this package. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(requestClasses, name);
}

/** A request for \`method\` with \`params\`, as \`new XRequest(params)\` would build it. */
export function createRequest<M extends MethodName>(
  method: M,
  params: Methods[M]['params'],
): TopRequest<Methods[M]['params'], Methods[M]['response']> {
  if (!isMethodName(method)) throw new TypeError(\`unknown TOP method "\${String(method)}" (not in this package)\`);
  const Request: RequestClassOf<M> = requestClasses[method];
  return new Request(params);
}

/** A \`TopClient\` that also calls methods by name: \`client.call('taobao.tbk.uvid.encrypt', params)\`. */
export class TopCallClient extends TopClient {
  call<M extends MethodName>(
    method: M,
    params: Methods[M]['params'],
    options?: CallOptions,
  ): Promise<Methods[M]['response']> {
    return this.execute(createRequest(method, params), options);
  }
}`;

const REQUEST_CLASS_OF_TYPE =
  "new (params: Methods[M]['params']) => TopRequest<Methods[M]['params'], Methods[M]['response']>";

/** The same alias in final form: prettier breaks its parameter list. */
const REQUEST_CLASS_OF = `/** The request class of a method. */
export type RequestClassOf<M extends MethodName> = new (
  params: Methods[M]['params'],
) => TopRequest<Methods[M]['params'], Methods[M]['response']>;`;

export function emitCallModule(ir: IrPackageSummary): { path: string; source: string; declaration: string } {
  const path = paths.call;
  return { path, source: print(ir, false), declaration: print(ir, true) };
}

function print(ir: IrPackageSummary, declaration: boolean): string {
  const path = paths.call;
  const imports: ImportDeclarationStructure[] = ir.methods.map((m) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: declaration,
    namedImports: [
      ...(declaration ? [] : [m.names.requestClass]),
      `${declaration ? '' : 'type '}${m.names.paramsType}`,
      `${declaration ? '' : 'type '}${m.names.responseInterface}`,
    ],
    moduleSpecifier: importPath(path, paths.method(m.names)),
  }));
  imports.push({
    kind: StructureKind.ImportDeclaration,
    namedImports: ['TopClient', 'type CallOptions', 'type TopRequest'],
    moduleSpecifier: importPath(path, `${paths.runtimeDir}/index.ts`),
  });
  imports.sort((a, b) => (a.moduleSpecifier < b.moduleSpecifier ? -1 : 1));
  const statements: ModuleStatements = [
    ...imports,
    {
      kind: StructureKind.Interface,
      name: 'Methods',
      isExported: true,
      docs: ['Params and response type of every method, by method name.'],
      properties: ir.methods.map((m) => ({
        name: stringLiteral(m.names.method),
        type: `{ params: ${m.names.paramsType}; response: ${m.names.responseInterface} }`,
      })),
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'MethodName',
      isExported: true,
      type: 'keyof Methods',
      docs: ['A method of this package.'],
    },
    declaration
      ? {
          kind: StructureKind.TypeAlias,
          name: 'RequestClassOf',
          isExported: true,
          typeParameters: [{ name: 'M', constraint: 'MethodName' }],
          type: REQUEST_CLASS_OF_TYPE,
          docs: ['The request class of a method.'],
        }
      : REQUEST_CLASS_OF,
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: declaration,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The request class of every method, by method name.'],
      declarations: [
        {
          name: 'requestClasses',
          type: '{ readonly [M in MethodName]: RequestClassOf<M> }',
          ...(declaration
            ? {}
            : {
                initializer: literalInitializer(
                  Object.fromEntries(ir.methods.map((m) => [m.names.method, new Expression(m.names.requestClass)])),
                  true,
                ),
              }),
        },
      ],
    },
    declaration ? FUNCTIONS_DECLARATION : FUNCTIONS,
  ];
  return (declaration ? printModule : printSourceModule)(headerComment('spec/methods/*.yaml'), statements);
}
