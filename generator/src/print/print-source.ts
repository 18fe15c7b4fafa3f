/**
 * Final-form source text from the emitters' ts-morph statement structures: what prettier
 * (format.ts options) makes of the module, printed directly, so a cold run formats nothing
 * (style.md rule 5: the printer emits final-form code; prettier is the oracle in tests). Each
 * construct is built as the document prettier's printer builds for it (layout-doc.ts):
 * import and export lists, the class header's type arguments, property initializers (literal
 * values through source-literal.ts), inline type literals; JSDoc and the other lines need no
 * layout. Declarations keep ts-morph's layout (print-structures.ts): `dist/` is not formatted.
 *
 * Only the kinds and properties the emitters use are printed; any other is an error.
 */
import type {
  ClassDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from 'ts-morph';
import { bracketed, group, hardline, indent, join, line, printDoc, softline, type Doc } from './layout-doc.js';
import { literalDoc, quotedString } from './source-literal.js';
import { joinStatements } from './join-statements.js';
import { StructureKind } from './structure-kind.js';

const LITERAL = Symbol('literal initializer');

type LiteralWriter = WriterFunction & { [LITERAL]: { value: unknown; expanded: boolean } };

/**
 * An initializer holding a value (laid out here); `expanded` keeps a top-level object broken
 * whatever its width (as prettier keeps an object written broken).
 */
export function literalInitializer(value: unknown, expanded = false): WriterFunction {
  const writer = (() => {
    throw new TypeError('a literal initializer is printed by print-source.ts only');
  }) as unknown as LiteralWriter;
  writer[LITERAL] = { value, expanded };
  return writer;
}

type Initializer = string | WriterFunction | undefined;

function only(items: readonly unknown[] | undefined, what: string): string[] {
  return (items ?? []).map((item) => {
    if (typeof item !== 'string') throw new TypeError(`print-source: only string ${what} are supported`);
    return item;
  });
}

/** JSDoc blocks, one per entry, each line its own doc part (indent comes from the enclosing doc). */
function docsDoc(docs: readonly unknown[] | undefined): Doc[] {
  const out: Doc[] = [];
  for (const doc of docs ?? []) {
    if (typeof doc !== 'string') throw new TypeError('print-source: only string docs are supported');
    const lines = doc.split(/\r?\n/);
    if (lines.length <= 1) {
      const open = `/** ${lines[0]}`;
      out.push(`${open}${open.endsWith(' ') ? '' : ' '}*/`, hardline);
      continue;
    }
    const body = lines.slice(lines[0] === '' ? 1 : 0).map((l) => (l ? ` * ${l}` : ' *'));
    out.push(join(hardline, ['/**', ...body, ' */']), hardline);
  }
  return out;
}

const flag = (on: boolean | undefined, word: string): string => (on ? `${word} ` : '');

/** A simple identifier or member chain (`TbkXRequest.meta`): prettier may move it after the `=`. */
const isMemberChain = (text: string): boolean => /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text);
const isStringLiteral = (text: string): boolean => /^'(?:[^'\\\n]|\\.)*'$/.test(text);

/** `lhs = value` with prettier's assignment layouts for the values the emitters give. */
function assignmentDoc(lhs: Doc, init: Initializer): Doc {
  if (init === undefined) return lhs;
  if (typeof init === 'function') {
    const literal = (init as LiteralWriter)[LITERAL];
    if (!literal) throw new TypeError('print-source: only literal or text initializers are supported');
    const value = literalDoc(literal.value, literal.expanded);
    return typeof value === 'string' ? group([lhs, ' =', group(indent([line, value]))]) : [lhs, ' = ', value];
  }
  if (isStringLiteral(init)) return group([lhs, ' =', group(indent([line, quotedString(unquote(init))]))]);
  if (isMemberChain(init)) return group([lhs, ' =', group(indent([line, init]))]);
  return [lhs, ' = ', init];
}

/** The text of a single-quoted literal as stringLiteral (literal.ts) writes it. */
function unquote(literal: string): string {
  return JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
}

/** Named import or export specifiers: one specifier never breaks, several do when too long. */
function specifiersDoc(names: readonly string[]): Doc {
  if (!names.length) return '{}';
  if (names.length === 1) return `{ ${names[0]} }`;
  return bracketed('{', names, '}', { spaced: true });
}

function importDoc(s: OptionalKind<ImportDeclarationStructure>): Doc {
  if (s.defaultImport || s.namespaceImport || s.attributes)
    throw new TypeError('print-source: unsupported import form');
  const named = only(s.namedImports as readonly unknown[] | undefined, 'named imports');
  return ['import ', flag(s.isTypeOnly, 'type'), specifiersDoc(named), ` from ${quotedString(s.moduleSpecifier)};`];
}

function exportDoc(s: OptionalKind<ExportDeclarationStructure>): Doc {
  if (s.isTypeOnly || s.namespaceExport || s.attributes) throw new TypeError('print-source: unsupported export form');
  const named = only(s.namedExports as readonly unknown[] | undefined, 'named exports');
  if (typeof s.moduleSpecifier !== 'string') throw new TypeError('print-source: an export needs a module specifier');
  return ['export ', named.length ? specifiersDoc(named) : '*', ` from ${quotedString(s.moduleSpecifier)};`];
}

/** `{ a: A; b: B }` written on one line by an emitter: an inline type literal prettier may break. */
function typeDoc(type: string): Doc {
  const literal = /^\{ (.*) \}$/.exec(type);
  if (!literal || /[{}]/.test(literal[1]!)) return type;
  const members = literal[1]!.split('; ');
  return bracketed('{', members, '}', { spaced: true, comma: ';' });
}

function propertySignatureDoc(p: OptionalKind<PropertySignatureStructure>): Doc {
  if (typeof p.type !== 'string') throw new TypeError('print-source: property types must be text');
  return [
    ...docsDoc(p.docs),
    flag(p.isReadonly, 'readonly'),
    p.name,
    p.hasQuestionToken ? '?' : '',
    ': ',
    typeDoc(p.type),
    ';',
  ];
}

/** `{` members `}`, always broken (prettier breaks interface bodies); `{}` when empty. */
function membersDoc(members: readonly Doc[]): Doc {
  return members.length ? ['{', indent([hardline, join(hardline, members as Doc[])]), hardline, '}'] : '{}';
}

function interfaceDoc(s: InterfaceDeclarationStructure): Doc {
  const ext = only(s.extends as readonly unknown[] | undefined, 'extends');
  const head = `${flag(s.isExported, 'export')}interface ${s.name}${ext.length ? ` extends ${ext.join(', ')}` : ''} `;
  return [...docsDoc(s.docs), head, membersDoc((s.properties ?? []).map(propertySignatureDoc))];
}

function typeAliasDoc(s: TypeAliasDeclarationStructure): Doc {
  if (typeof s.type !== 'string') throw new TypeError('print-source: type alias types must be text');
  const params = (s.typeParameters ?? []).map((t) => {
    if (typeof t === 'string') return t;
    if (typeof t.constraint !== 'undefined' && typeof t.constraint !== 'string')
      throw new TypeError('print-source: type parameter constraints must be text');
    return `${t.name}${t.constraint ? ` extends ${t.constraint}` : ''}${t.default ? ` = ${String(t.default)}` : ''}`;
  });
  return [
    ...docsDoc(s.docs),
    `${flag(s.isExported, 'export')}type ${s.name}${params.length ? `<${params.join(', ')}>` : ''} = `,
    typeDoc(s.type),
    ';',
  ];
}

function variableDoc(s: VariableStatementStructure): Doc {
  if (s.declarations.length !== 1) throw new TypeError('print-source: one declaration per variable statement');
  const d = s.declarations[0]!;
  const lhs = `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}${s.declarationKind ?? 'let'} ${d.name}${d.type ? `: ${String(d.type)}` : ''}`;
  return [...docsDoc(s.docs), assignmentDoc(lhs, d.initializer), ';'];
}

function parametersDoc(params: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined): Doc {
  const items = (params ?? []).map(
    (p) =>
      `${p.name}${p.hasQuestionToken ? '?' : ''}${p.type ? `: ${String(p.type)}` : ''}${p.initializer ? ` = ${String(p.initializer)}` : ''}`,
  );
  return items.length ? bracketed('(', items, ')') : '()';
}

/** ` {` statements `}` of a function or constructor body. */
function bodyDoc(statements: unknown): Doc {
  if (statements === undefined) return ';';
  return [' ', membersDoc(only(statements as readonly unknown[], 'statements'))];
}

function functionDoc(s: FunctionDeclarationStructure): Doc {
  const head = `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}function ${s.name}`;
  return [
    ...docsDoc(s.docs),
    head,
    parametersDoc(s.parameters),
    s.returnType ? `: ${String(s.returnType)}` : '',
    bodyDoc(s.statements),
  ];
}

function classPropertyDoc(p: OptionalKind<PropertyDeclarationStructure>): Doc {
  const lhs = `${flag(p.hasDeclareKeyword, 'declare')}${flag(p.isStatic, 'static')}${flag(p.isReadonly, 'readonly')}${p.name}${p.hasQuestionToken ? '?' : ''}${p.type ? `: ${String(p.type)}` : ''}`;
  return [...docsDoc(p.docs), assignmentDoc(lhs, p.initializer), ';'];
}

/** `implements Name<A, B>`: a single clause stays on the line and its type arguments break. */
function heritageDoc(impl: readonly string[]): Doc {
  if (!impl.length) return '';
  if (impl.length > 1) throw new TypeError('print-source: one implements clause at most');
  const generic = /^([\w$.]+)<(.*)>$/.exec(impl[0]!);
  if (!generic || /[<>]/.test(generic[2]!)) return ` implements ${impl[0]}`;
  const args = generic[2]!.split(', ');
  return [
    ` implements ${generic[1]}`,
    args.length > 1 ? group(['<', indent([softline, join([',', line], args)]), softline, '>']) : `<${args[0]}>`,
  ];
}

function classDoc(s: ClassDeclarationStructure): Doc {
  const members: Doc[] = (s.properties ?? []).map(classPropertyDoc);
  for (const [i, ctor] of (s.ctors ?? []).entries()) {
    // A blank line before a constructor with a body (after other members), as the emitters space it.
    const spaced = ctor.statements !== undefined && (i > 0 || s.properties?.length);
    members.push([
      spaced ? hardline : '',
      ...docsDoc(ctor.docs),
      'constructor',
      parametersDoc(ctor.parameters),
      bodyDoc(ctor.statements),
    ]);
  }
  const head = `${flag(s.isExported, 'export')}${flag(s.hasDeclareKeyword, 'declare')}class ${s.name}`;
  return [
    ...docsDoc(s.docs),
    head,
    heritageDoc(only(s.implements as readonly unknown[] | undefined, 'implements')),
    ' ',
    membersDoc(members),
  ];
}

function statementDoc(s: StatementStructures): Doc {
  switch (s.kind) {
    case StructureKind.ImportDeclaration:
      return importDoc(s);
    case StructureKind.ExportDeclaration:
      return exportDoc(s);
    case StructureKind.Interface:
      return interfaceDoc(s);
    case StructureKind.TypeAlias:
      return typeAliasDoc(s);
    case StructureKind.VariableStatement:
      return variableDoc(s);
    case StructureKind.Function:
      return functionDoc(s);
    case StructureKind.Class:
      return classDoc(s);
    default:
      throw new TypeError(`print-source: structure kind ${s.kind} is not supported`);
  }
}

/**
 * Statements in final form, a blank line between them (not between imports), one trailing
 * newline. Text statements are written as they are: they must already be in final form.
 */
export function printSourceStatements(statements: readonly (string | StatementStructures)[]): string {
  return joinStatements(statements, (statement, out) => {
    out.push(typeof statement === 'string' ? statement : printDoc(statementDoc(statement)));
  });
}

export function printSourceModule(header: string, statements: readonly (string | StatementStructures)[]): string {
  return `${header}\n${printSourceStatements(statements)}`;
}
