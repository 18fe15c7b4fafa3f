/**
 * Prints the ts-morph statement structures the emitters build, as `printStructure` would
 * (two-space indent, single quotes, LF), without loading ts-morph and its compiler on the main
 * thread. ts-morph's printer writes through code-block-writer, which inspects every character
 * it is given; over the ~2 MB of a package that was about 1 s of a cold `gen`.
 *
 * Only the structure kinds and properties the emitters use are printed; any other one is an
 * error, never a silent omission. test/generate/print-structures.test.ts compares the output
 * with `printStructure` for every module of the package, source and declaration.
 */
import type {
  ClassDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph';
import { joinStatements } from './join-statements.js';
import { StructureKind } from './structure-kind.js';

const INDENT = '  ';

type Docs = readonly (OptionalKind<JSDocStructure> | string | WriterFunction)[] | undefined;

/** JSDoc blocks as ts-morph's JSDoc printer writes them (one per entry of `docs`). */
function printDocs(docs: Docs, indent: string, out: string[]): void {
  for (const doc of docs ?? []) {
    if (typeof doc !== 'string') throw new TypeError('print-structures: only string docs are supported');
    const lines = doc.split(/\r?\n/);
    if (lines.length <= 1) {
      const open = `/** ${lines[0]}`;
      out.push(`${indent}${open}${open.endsWith(' ') ? '' : ' '}*/`);
      continue;
    }
    out.push(`${indent}/**`);
    for (let i = lines[0] === '' ? 1 : 0; i < lines.length; i++)
      out.push(`${indent} *${lines[i] ? ` ${lines[i]}` : ''}`);
    out.push(`${indent} */`);
  }
}

/**
 * An initializer written after `= `: its later lines take the member's indent and one more
 * level (ts-morph's hanging indent); empty lines stay empty.
 */
function hanging(text: string, indent: string): string {
  return text.replace(/\n(?=[^\n])/g, `\n${indent}${INDENT}`);
}

const flag = (on: boolean | undefined, word: string): string => (on ? `${word} ` : '');

function names(items: readonly (string | object | WriterFunction)[] | undefined, what: string): string[] {
  return (items ?? []).map((item) => {
    if (typeof item !== 'string') throw new TypeError(`print-structures: only string ${what} are supported`);
    return item;
  });
}

function printImport(s: ImportDeclarationStructure | OptionalKind<ImportDeclarationStructure>): string {
  if (s.defaultImport || s.namespaceImport || s.attributes)
    throw new TypeError('print-structures: unsupported import form');
  const named = names(s.namedImports as readonly string[] | undefined, 'named imports');
  return `import ${flag(s.isTypeOnly, 'type')}{ ${named.join(', ')} } from '${s.moduleSpecifier}';`;
}

function printExport(s: ExportDeclarationStructure | OptionalKind<ExportDeclarationStructure>): string {
  if (s.isTypeOnly || s.namespaceExport || s.attributes)
    throw new TypeError('print-structures: unsupported export form');
  const named = names(s.namedExports as readonly string[] | undefined, 'named exports');
  const what = named.length ? `{ ${named.join(', ')} }` : '*';
  return `export ${what} from '${s.moduleSpecifier}';`;
}

function printInterface(s: InterfaceDeclarationStructure, out: string[]): void {
  printDocs(s.docs, '', out);
  const ext = names(s.extends as readonly string[] | undefined, 'extends');
  out.push(`${flag(s.isExported, 'export')}interface ${s.name}${ext.length ? ` extends ${ext.join(', ')}` : ''} {`);
  for (const p of s.properties ?? []) printPropertySignature(p, out);
  out.push('}');
}

function printPropertySignature(p: OptionalKind<PropertySignatureStructure>, out: string[]): void {
  printDocs(p.docs, INDENT, out);
  out.push(`${INDENT}${flag(p.isReadonly, 'readonly')}${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type};`);
}

function printTypeAlias(s: TypeAliasDeclarationStructure, out: string[]): void {
  printDocs(s.docs, '', out);
  const params = (s.typeParameters ?? []).map((t) => {
    if (typeof t === 'string') return t;
    return `${t.name}${t.constraint ? ` extends ${t.constraint}` : ''}${t.default ? ` = ${t.default}` : ''}`;
  });
  out.push(
    `${flag(s.isExported, 'export')}type ${s.name}${params.length ? `<${params.join(', ')}>` : ''} = ${s.type};`,
  );
}

function printVariableStatement(s: VariableStatementStructure, out: string[]): void {
  printDocs(s.docs, '', out);
  const declarations = s.declarations.map(
    (d) => `${d.name}${d.type ? `: ${d.type}` : ''}${d.initializer ? ` = ${hanging(String(d.initializer), '')}` : ''}`,
  );
  out.push(
    `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}${s.declarationKind ?? 'let'} ${declarations.join(', ')};`,
  );
}

function printParameters(params: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined): string {
  return (params ?? [])
    .map(
      (p) =>
        `${p.name}${p.hasQuestionToken ? '?' : ''}${p.type ? `: ${p.type}` : ''}${p.initializer ? ` = ${p.initializer}` : ''}`,
    )
    .join(', ');
}

/** `{` … `}` around statements, or `;` when there are none to print (a declaration). */
function printBody(statements: unknown, indent: string, head: string, out: string[]): void {
  if (statements === undefined) {
    out.push(`${indent}${head};`);
    return;
  }
  out.push(`${indent}${head} {`);
  for (const line of names(statements as readonly string[], 'statements')) out.push(`${indent}${INDENT}${line}`);
  out.push(`${indent}}`);
}

function printFunction(s: FunctionDeclarationStructure, out: string[]): void {
  printDocs(s.docs, '', out);
  const head = `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}function ${s.name}(${printParameters(s.parameters)})${s.returnType ? `: ${s.returnType}` : ''}`;
  printBody(s.statements, '', head, out);
}

function printProperty(p: OptionalKind<PropertyDeclarationStructure>, out: string[]): void {
  printDocs(p.docs, INDENT, out);
  const modifiers = `${flag(p.hasDeclareKeyword, 'declare')}${flag(p.isStatic, 'static')}${flag(p.isReadonly, 'readonly')}`;
  const init = p.initializer ? ` = ${hanging(String(p.initializer), INDENT)}` : '';
  out.push(`${INDENT}${modifiers}${p.name}${p.hasQuestionToken ? '?' : ''}${p.type ? `: ${p.type}` : ''}${init};`);
}

function printClass(s: ClassDeclarationStructure, out: string[]): void {
  printDocs(s.docs, '', out);
  const impl = names(s.implements as readonly string[] | undefined, 'implements');
  out.push(
    `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}class ${s.name}${impl.length ? ` implements ${impl.join(', ')}` : ''} {`,
  );
  for (const p of s.properties ?? []) printProperty(p, out);
  for (const [i, ctor] of (s.ctors ?? []).entries()) {
    // A blank line before a constructor with a body (after other members), as ts-morph writes.
    if (ctor.statements !== undefined && (i > 0 || s.properties?.length)) out.push('');
    printDocs(ctor.docs, INDENT, out);
    printBody(ctor.statements, INDENT, `constructor(${printParameters(ctor.parameters)})`, out);
  }
  out.push('}');
}

function printStatement(s: string | StatementStructures, out: string[]): void {
  if (typeof s === 'string') {
    out.push(s);
    return;
  }
  switch (s.kind) {
    case StructureKind.ImportDeclaration:
      out.push(printImport(s));
      return;
    case StructureKind.ExportDeclaration:
      out.push(printExport(s));
      return;
    case StructureKind.Interface:
      return printInterface(s, out);
    case StructureKind.TypeAlias:
      return printTypeAlias(s, out);
    case StructureKind.VariableStatement:
      return printVariableStatement(s, out);
    case StructureKind.Function:
      return printFunction(s, out);
    case StructureKind.Class:
      return printClass(s, out);
    default:
      throw new TypeError(`print-structures: structure kind ${s.kind} is not supported`);
  }
}

/** Statements as text, a blank line between them (not between imports), ending in one newline. */
export function printStatementStructures(statements: readonly (string | StatementStructures)[]): string {
  return joinStatements(statements, printStatement);
}
