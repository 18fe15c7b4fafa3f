/**
 * The one module that decides every generated name (style.md rule 3). Emitters never build a
 * name themselves: they read what `nameMethod`, `nameStruct` and `propertyKey` decided here.
 *
 * `taobao.tbk.uvid.encrypt` → class `TbkUvidEncryptRequest`, params `TbkUvidEncryptParams`,
 * response `TbkUvidEncryptResponse`, struct namespace `TbkUvidEncrypt`, file
 * `tbk-uvid-encrypt.ts`, fixture `tbkUvidEncryptFixture`, root key `tbk_uvid_encrypt_response`.
 *
 * Struct names are scoped to their method: `MapData` appears in several methods with different
 * fields, so a method module exports its structs under their doc names and the package root
 * re-exports them as a type-only namespace per method (`TbkUvidEncrypt.UvIdGenerateRes`).
 * Collisions are errors that name both sources (see `findNameCollisions`), never a silent
 * `Foo2`; a reserved word gets a `$` suffix, as protobuf-es does (`Date` → `Date$`).
 */
import { listWrapperKey, responseRootKey } from '../normalise/wrapper-keys.js';

export interface MethodNames {
  method: string;
  /** PascalCase base, e.g. `TbkUvidEncrypt`; also the root namespace of the method's structs. */
  base: string;
  requestClass: string;
  paramsType: string;
  responseInterface: string;
  /** Exported constant of the fixture module, e.g. `tbkUvidEncryptFixture`. */
  fixtureConst: string;
  /** File stem shared by the method module, fixture and test, e.g. `tbk-uvid-encrypt`. */
  fileStem: string;
  /** Root key of a success response, e.g. `tbk_uvid_encrypt_response`. */
  rootKey: string;
}

/** Segments of a method name without the `taobao.` prefix that every 淘宝客 method carries. */
function methodSegments(method: string): string[] {
  const rest = method.startsWith('taobao.') ? method.slice('taobao.'.length) : method;
  return rest.split(/[._]+/).filter(Boolean);
}

function capitalise(segment: string): string {
  return segment.charAt(0).toUpperCase() + segment.slice(1);
}

/** A method name that can be turned into identifiers: dotted lowercase words and digits. */
export const METHOD_NAME_PATTERN = /^[a-z][a-z0-9]*(?:[._][a-z0-9]+)+$/;

export function nameMethod(method: string): MethodNames {
  const segments = methodSegments(method);
  const base = segments.map(capitalise).join('');
  return {
    method,
    base,
    requestClass: `${base}Request`,
    paramsType: `${base}Params`,
    responseInterface: `${base}Response`,
    fixtureConst: `${base.charAt(0).toLowerCase()}${base.slice(1)}Fixture`,
    fileStem: segments.map((s) => s.toLowerCase()).join('-'),
    rootKey: responseRootKey(method),
  };
}

/**
 * Words a struct cannot be named as a type: TypeScript's reserved and contextual type words,
 * and the global types generated code refers to (a struct `Date` would shadow the `Date` in
 * `string | Date`). `__proto__`, `constructor` and `prototype` are excluded because struct
 * names are also keys of the `types` object in `MethodMeta`.
 */
const RESERVED_TYPE_NAMES = new Set([
  // reserved words (ES + strict mode)
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'await',
  // type keywords that cannot name an interface
  'any',
  'bigint',
  'boolean',
  'never',
  'number',
  'object',
  'string',
  'symbol',
  'undefined',
  'unknown',
  // globals used by generated types
  'Array',
  'ReadonlyArray',
  'Blob',
  'Date',
  'Object',
  'Readonly',
  'Record',
  'Partial',
  'Promise',
  'String',
  'Number',
  'Boolean',
  'BigInt',
  'Symbol',
  'Uint8Array',
  'Error',
  // object keys with special meaning
  '__proto__',
  'constructor',
  'prototype',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** True when a spec struct name cannot be used verbatim as a TypeScript type name. */
export function isReservedTypeName(name: string): boolean {
  return RESERVED_TYPE_NAMES.has(name);
}

/**
 * The TypeScript name of a struct declared in a method spec. `variant: 'input'` is the request
 * flavour of a struct that a method uses both in its request and in its response.
 */
export function nameStruct(specName: string, variant: 'output' | 'input' = 'output'): string {
  const base = isReservedTypeName(specName) ? `${specName}$` : specName;
  return variant === 'input' ? `${base}Input` : base;
}

/**
 * Key of the list wrapper object the gateway puts around a response list's elements, from the
 * element type (`NTbkItem` → `n_tbk_item`, `String` → `string`). Shared with the normaliser,
 * which read the same keys from the samples.
 */
export function wrapperKeyOf(elementType: string): string {
  return listWrapperKey(elementType);
}

/**
 * A property key as written in an interface or object literal: bare when it is an identifier,
 * quoted otherwise; `__proto__` is computed (`['__proto__']`), the only form that makes an own
 * property in an object literal instead of setting the prototype.
 */
export function propertyKey(wireName: string): string {
  if (wireName === '__proto__') return `[${quote(wireName)}]`;
  return isIdentifier(wireName) ? wireName : quote(wireName);
}

/** A single-quoted string literal (the house quote style, as prettier leaves it). */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Where a name came from, for collision messages. */
export interface NameClaim {
  name: string;
  /** What the name is, e.g. `request class of taobao.tbk.uvid.encrypt`. */
  what: string;
  file: string;
  line: number;
}

export interface NameCollision {
  name: string;
  first: NameClaim;
  second: NameClaim;
}

/** Every name claimed twice in one scope, each pair reported once, in claim order. */
export function findNameCollisions(claims: readonly NameClaim[]): NameCollision[] {
  const seen = new Map<string, NameClaim>();
  const collisions: NameCollision[] = [];
  for (const claim of claims) {
    const first = seen.get(claim.name);
    if (first) collisions.push({ name: claim.name, first, second: claim });
    else seen.set(claim.name, claim);
  }
  return collisions;
}
