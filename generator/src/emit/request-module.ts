/**
 * One module per method (`src/methods/<stem>.ts`): the request class with its static
 * `method` and `meta`, the params type, the response interface and the method's structs.
 * The module imports runtime *types*, and the runtime code its `meta` points at: the checks of
 * the kinds its params have (`checks`, templates/runtime/param-checks.ts) and, for a method with
 * `byte[]` params, the multipart support (`multipart`). Importing one method pulls in no other
 * method, and a program bundles only the checks and the multipart code its methods use.
 *
 * The same structures also print the module's declaration file (`declaration: true`): an
 * ambient class without initializers or bodies. That is what `tsc` would emit for it, without
 * paying for a compiler run per file (test/generate/declarations.test.ts compares the two).
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
} from '../print/ts-morph.js';
import type { FieldMeta } from '../../../templates/runtime/metadata.js';
import type { IrField, IrMethod, IrStruct } from '../ir/model.js';
import { headerComment } from './file-header.js';
import { Expression, stringLiteral } from '../print/literal.js';
import { importPath, paths } from './package-layout.js';
import { printModule, printStatements, type ModuleStatements } from '../print/print-module.js';
import { literalInitializer, printSourceModule, printSourceStatements } from '../print/print-source.js';

function propertySignature(field: IrField): OptionalKind<PropertySignatureStructure> {
  return { name: field.key, type: field.tsType, hasQuestionToken: field.optional, docs: [field.docs] };
}

function interfaceOf(
  name: string,
  docs: string,
  fields: readonly IrField[],
  extendsTypes: string[] = [],
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [docs],
    extends: extendsTypes,
    properties: fields.map(propertySignature),
  };
}

/**
 * The params type is an alias of an object type, not an interface: `TopRequest`'s params
 * default to `Record<string, unknown>` (templates/runtime/request.ts), which an object type
 * alias satisfies and an interface does not (interfaces have no implicit index signature), so
 * every request class is a plain `TopRequest` too (e.g. for the fixture harness). Printed as the
 * interface it would be, then turned into the alias (ts-morph's object-type writer indents by
 * four and drops the house layout).
 */
function paramsType(m: IrMethod, print: (statements: ModuleStatements) => string): string {
  // No params: `Record<string, never>` accepts `{}` only, where `{}` would accept any value.
  if (!m.params.length)
    return print([
      {
        kind: StructureKind.TypeAlias,
        name: m.names.paramsType,
        isExported: true,
        docs: [m.paramsDocs],
        type: 'Record<string, never>',
      },
    ]).trimEnd();
  const printed = print([interfaceOf(m.names.paramsType, m.paramsDocs, m.params)]).trimEnd();
  return `${printed.replace(`export interface ${m.names.paramsType} {`, `export type ${m.names.paramsType} = {`)};`;
}

function structInterface(struct: IrStruct): InterfaceDeclarationStructure {
  return interfaceOf(struct.tsName, struct.docs, struct.fields);
}

/** The runtime's check of each param kind (templates/runtime/param-checks.ts), in `meta.checks` order. */
const CHECKS: Readonly<Record<FieldMeta['kind'], string>> = {
  number: 'checkInteger',
  price: 'checkDecimal',
  boolean: 'checkBoolean',
  json: 'checkJson',
  string: 'checkText',
  struct: 'checkStruct',
  file: 'checkFile',
};

/** The kinds of the request params and of the fields of the structs they hold, in CHECKS order. */
function requestKinds(m: IrMethod): FieldMeta['kind'][] {
  const kinds = new Set<FieldMeta['kind']>();
  const seen = new Set<string>();
  const visit = (fields: readonly FieldMeta[]): void => {
    for (const f of fields) {
      kinds.add(f.kind);
      if (f.struct !== undefined && !seen.has(f.struct)) {
        seen.add(f.struct);
        visit(m.meta.types[f.struct] ?? []);
      }
    }
  };
  visit(m.meta.request);
  return (Object.keys(CHECKS) as FieldMeta['kind'][]).filter((k) => kinds.has(k));
}

/** `meta` as the module writes it: the data, the checks of its kinds, the multipart support when a param is a file. */
function metaInitializer(m: IrMethod): object {
  const kinds = requestKinds(m);
  if (!kinds.length) return m.meta;
  const checks = Object.fromEntries(kinds.map((k) => [k, new Expression(CHECKS[k])]));
  return { ...m.meta, checks, ...(kinds.includes('file') ? { multipart: new Expression('multipart') } : {}) };
}

function requestClass(m: IrMethod, declaration: boolean): ClassDeclarationStructure {
  const { names } = m;
  const init = (
    initializer: ReturnType<typeof literalInitializer> | string,
  ): { initializer?: ReturnType<typeof literalInitializer> | string } => (declaration ? {} : { initializer });
  const methodLiteral = stringLiteral(names.method);
  const paramsType = names.paramsType;
  return {
    kind: StructureKind.Class,
    name: names.requestClass,
    isExported: true,
    hasDeclareKeyword: declaration,
    docs: [m.classDocs],
    implements: [`TopRequest<${paramsType}, ${names.responseInterface}>`],
    properties: [
      {
        name: 'method',
        isStatic: true,
        isReadonly: true,
        type: methodLiteral,
        ...init(methodLiteral),
        docs: ['The TOP method name.'],
      },
      {
        name: 'meta',
        isStatic: true,
        isReadonly: true,
        type: m.metaType,
        ...init(literalInitializer(metaInitializer(m))),
        docs: ['Wire metadata: what the runtime encodes, validates and decodes by.'],
      },
      { name: 'meta', isReadonly: true, type: m.metaType, ...init(`${names.requestClass}.meta`) },
      { name: 'params', isReadonly: true, type: paramsType },
      {
        name: '__response',
        isReadonly: true,
        hasQuestionToken: true,
        hasDeclareKeyword: !declaration,
        type: names.responseInterface,
        docs: ['Type-only link to the response type; never set.'],
      },
      ...(m.itemType === undefined
        ? []
        : [
            {
              name: '__item',
              isReadonly: true,
              hasQuestionToken: true,
              hasDeclareKeyword: !declaration,
              type: m.itemType,
              docs: ['Type-only link to the type of one item of a page (`paginate`, `syncOrders`); never set.'],
            },
          ]),
    ],
    ctors: [
      {
        parameters: [
          {
            name: 'params',
            type: paramsType,
            ...(m.hasRequiredParams || declaration
              ? {}
              : { initializer: m.paramsShadowObject ? `{} as ${paramsType}` : '{}' }),
            hasQuestionToken: declaration && !m.hasRequiredParams,
          },
        ],
        ...(declaration ? {} : { statements: ['this.params = params;'] }),
      },
    ],
  };
}

export interface EmittedModule {
  path: string;
  source: string;
  declaration: string;
}

export function emitRequestModule(m: IrMethod): EmittedModule {
  const path = paths.method(m.names);
  const runtime = importPath(path, `${paths.runtimeDir}/index.ts`);
  // The source in final form (print-source.ts), the declaration as ts-morph prints it.
  const print = (declaration: boolean): string => {
    const printModuleAs = declaration ? printModule : printSourceModule;
    const printStatementsAs = declaration ? printStatements : printSourceStatements;
    const interfaces = printStatementsAs([
      paramsType(m, printStatementsAs),
      interfaceOf(m.names.responseInterface, m.responseDocs, m.response, ['TopResponseBase']),
      ...m.structs.map(structInterface),
    ]);
    const kinds = declaration ? [] : requestKinds(m);
    const code = (names: string[], file: string): ImportDeclarationStructure[] =>
      names.length
        ? [
            {
              kind: StructureKind.ImportDeclaration,
              namedImports: names,
              moduleSpecifier: importPath(path, `${paths.runtimeDir}/${file}`),
            },
          ]
        : [];
    const runtimeCode = [
      ...code(kinds.map((k) => CHECKS[k]).sort(), 'param-checks.ts'),
      ...code(kinds.includes('file') ? ['multipart'] : [], 'multipart.ts'),
    ];
    const head = printModuleAs(headerComment(m.specPath), [
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        namedImports: m.runtimeImports,
        moduleSpecifier: runtime,
      },
      ...runtimeCode,
      requestClass(m, declaration),
    ]);
    return `${head}\n${interfaces}`;
  };
  return { path, source: print(false), declaration: print(true) };
}
