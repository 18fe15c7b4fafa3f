/**
 * Spec folder → IR (ir/model.ts). Names, TS types, optionality, parsed types, required, limits,
 * paging, JSDoc and samples are decided here once, and the metadata and fixtures projected from
 * them (build-meta.ts, build-fixtures.ts); problems are collected as diagnostics (the IR's range
 * TBK300–TBK319, named in ir-codes.ts, see docs/diagnostics.md "Generator"), never thrown.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { FieldLimits, MethodSpec, SpecField } from '../spec/model.js';
import type { SpecFolder } from '../spec/spec-files.js';
import { buildFixtureData } from './build-fixtures.js';
import { buildMethodMeta } from './build-meta.js';
import {
  describeField,
  describeMethod,
  describeParams,
  describeResponse,
  describeStruct,
  docUrlOf,
  summarise,
} from './doc-lines.js';
import type {
  IrField,
  IrMethod,
  IrMethodSummary,
  IrPackage,
  IrStruct,
  IrTypeRef,
  MetaTypeName,
  SourceRef,
  StructFlavour,
} from './model.js';
import {
  findNameCollisions,
  isIdentifier,
  isReservedTypeName,
  METHOD_NAME_PATTERN,
  nameMethod,
  nameStruct,
  propertyKey,
  type NameClaim,
  wrapperKeyOf,
} from './names.js';
import { derivePaging } from './paging.js';
import { indexSpecLines, itemLine, structLine, type SpecLineIndex } from './source-lines.js';
import { requestType, responseType, runtimeTypesOf, scalarKind, type RuntimeTypeName } from './type-map.js';
import { isDeclaredOptional, isRequired } from '../vocabulary/required.js';
import { SAMPLE_KINDS } from '../vocabulary/sample-kinds.js';
import { parseTopType, type TopTypeRef } from '../vocabulary/top-types.js';
import { IrCode } from './ir-codes.js';

/** Runtime types every request module imports besides its meta type, claimed in its scope. */
export const MODULE_RUNTIME_IMPORTS = ['TopRequest', 'TopResponseBase'] as const;

export interface BuildIrOptions {
  /** Names the package root already exports (the runtime's), claimed before any method. */
  reservedRootNames?: readonly NameClaim[];
}

interface MethodContext {
  spec: MethodSpec;
  file: string;
  lines: SpecLineIndex;
  diagnostics: Diagnostic[];
}

/** Records a diagnostic of the method's spec file, at the given level. */
function report(ctx: MethodContext, level: Diagnostic['level'], line: number, code: string, message: string): void {
  ctx.diagnostics.push({ file: ctx.file, line, level, code, message });
}

/** Types and duplicate names of one field list. */
function checkFields(
  ctx: MethodContext,
  fields: readonly SpecField[],
  lineOf: (i: number) => number,
  where: string,
): void {
  const seen = new Map<string, number>();
  fields.forEach((field, i) => {
    const line = lineOf(i);
    const ref = parseTopType(field.type);
    if (ref.scalar === 'byte[]' && ref.list)
      report(
        ctx,
        'error',
        line,
        IrCode.fileList,
        `${where}.${field.name}: a list of files (byte[][]) is not supported`,
      );
    else if (!ref.scalar && !Object.hasOwn(ctx.spec.types, ref.element)) {
      report(
        ctx,
        'error',
        line,
        IrCode.unknownType,
        `${where}.${field.name}: unknown type "${field.type}" (not a TOP type, not declared under types)`,
      );
    }
    if (ref.scalar === 'byte[]' && where !== 'request')
      report(
        ctx,
        'warning',
        line,
        IrCode.byteOutsideRequest,
        `${where}.${field.name}: byte[] outside the request params is typed as string`,
      );
    const before = seen.get(field.name);
    if (before !== undefined)
      report(
        ctx,
        'error',
        line,
        IrCode.duplicateField,
        `${where}: field "${field.name}" is declared twice (first on line ${before})`,
      );
    else seen.set(field.name, line);
  });
}

/**
 * The struct names reachable from the request params and from the response fields, each in
 * first-reached order (depth first, doc order). Names absent from `types` are skipped here;
 * checkFields reports them.
 */
function reachableStructs(spec: MethodSpec): { request: string[]; response: string[] } {
  const walk = (fields: readonly SpecField[], seen: string[]): string[] => {
    for (const field of fields) {
      const ref = parseTopType(field.type);
      if (ref.scalar || seen.includes(ref.element) || !Object.hasOwn(spec.types, ref.element)) continue;
      seen.push(ref.element);
      walk(spec.types[ref.element]!, seen);
    }
    return seen;
  };
  return { request: walk(spec.request, []), response: walk(spec.response, []) };
}

function structNames(ctx: MethodContext): { request: Map<string, string>; response: Map<string, string> } {
  const reach = reachableStructs(ctx.spec);
  const both = new Set(reach.request.filter((n) => reach.response.includes(n)));
  for (const name of Object.keys(ctx.spec.types)) {
    const line = structLine(ctx.lines, name);
    if (!isIdentifier(name) || name === '__proto__')
      report(ctx, 'error', line, IrCode.badStructName, `types.${name}: a struct name must be an identifier`);
    else if (isReservedTypeName(name))
      report(
        ctx,
        'notice',
        line,
        IrCode.reservedStructName,
        `types.${name}: reserved as a TypeScript type name, generated as ${nameStruct(name)}`,
      );
    if (!reach.request.includes(name) && !reach.response.includes(name)) {
      report(
        ctx,
        'warning',
        line,
        IrCode.unusedStruct,
        `types.${name}: not used by any request param or response field; not generated`,
      );
    }
  }
  return {
    request: new Map(reach.request.map((n) => [n, nameStruct(n, both.has(n) ? 'input' : 'output')])),
    response: new Map(reach.response.map((n) => [n, nameStruct(n)])),
  };
}

/** Where a field sits: a request param, a response field, or a field of a struct. */
type FieldRole = 'param' | 'response' | 'struct';

/** The parsed type as the IR keeps it; only responses wrap lists (a struct may be in one). */
function typeRefOf(ref: TopTypeRef, role: FieldRole): IrTypeRef {
  const out: IrTypeRef = ref.scalar
    ? { kind: scalarKind(ref.scalar), scalar: ref.scalar, list: ref.list }
    : { kind: 'struct', struct: ref.element, list: ref.list };
  if (ref.list && role !== 'param') out.wrapper = wrapperKeyOf(ref.element);
  return out;
}

/** The limits the spec states, in a fixed key order. */
function limitsOf(limits: FieldLimits | undefined): FieldLimits | undefined {
  if (!limits) return undefined;
  const out = optional({
    max_length: limits.max_length,
    max_list_size: limits.max_list_size,
    max_value: limits.max_value,
    min_value: limits.min_value,
  });
  return Object.keys(out).length ? out : undefined;
}

function buildField(
  field: SpecField,
  role: FieldRole,
  flavour: StructFlavour,
  source: SourceRef,
  structs: Map<string, string>,
  uses: Set<RuntimeTypeName>,
): IrField {
  const ref = parseTopType(field.type);
  for (const use of runtimeTypesOf(ref, flavour)) uses.add(use);
  const struct = ref.scalar ? undefined : (structs.get(ref.element) ?? ref.element);
  const tsType = flavour === 'request' ? requestType(ref, struct) : responseType(ref, struct);
  return {
    wireName: field.name,
    key: propertyKey(field.name),
    topType: field.type,
    tsType,
    optional: isDeclaredOptional(field, flavour),
    docs: describeField(field, flavour),
    source,
    ref: typeRefOf(ref, role),
    required: role !== 'response' && isRequired(field),
    ...optional({ limits: limitsOf(field.limits), example: field.example }),
  };
}

function buildMethod(ctx: MethodContext): IrMethod | undefined {
  const { spec, file, lines } = ctx;
  const names = nameMethod(spec.method);
  const source = { file, line: lines.method };
  if (!METHOD_NAME_PATTERN.test(spec.method)) {
    report(
      ctx,
      'error',
      lines.method,
      IrCode.badMethodName,
      `method "${spec.method}" is not a dotted lowercase name (e.g. taobao.tbk.uvid.encrypt)`,
    );
    return undefined;
  }
  const { request, response } = spec;
  checkFields(ctx, request, (i) => itemLine(lines, 'request', i), 'request');
  checkFields(ctx, response, (i) => itemLine(lines, 'response', i), 'response');
  for (const [name, fields] of Object.entries(spec.types))
    checkFields(ctx, fields, (i) => structLine(lines, name, i), `types.${name}`);
  const tsNames = structNames(ctx);

  const runtimeTypes = new Set<RuntimeTypeName>();
  const structs: IrStruct[] = [];
  for (const flavour of ['request', 'response'] as const) {
    for (const [specName, tsName] of tsNames[flavour]) {
      structs.push({
        specName,
        tsName,
        flavour,
        fields: spec.types[specName]!.map((f, i) =>
          buildField(
            f,
            'struct',
            flavour,
            { file, line: structLine(lines, specName, i) },
            tsNames[flavour],
            runtimeTypes,
          ),
        ),
        docs: describeStruct(specName, spec.method, flavour),
        source: { file, line: structLine(lines, specName) },
      });
    }
  }
  const params = request.map((f, i) =>
    buildField(f, 'param', 'request', { file, line: itemLine(lines, 'request', i) }, tsNames.request, runtimeTypes),
  );
  const fields = response.map((f, i) =>
    buildField(
      f,
      'response',
      'response',
      { file, line: itemLine(lines, 'response', i) },
      tsNames.response,
      runtimeTypes,
    ),
  );

  const paging = derivePaging(spec);
  const metaType: MetaTypeName = !paging
    ? 'MethodMeta'
    : paging.paging.window && paging.paging.identity
      ? 'OrderMethodMeta'
      : 'PagedMethodMeta';
  const runtimeImports = [...MODULE_RUNTIME_IMPORTS, metaType, ...runtimeTypes].sort();
  const claims: NameClaim[] = [
    { name: names.requestClass, what: `request class of ${spec.method}`, file, line: lines.method },
    { name: names.paramsType, what: `params type of ${spec.method}`, file, line: lines.method },
    { name: names.responseInterface, what: `response interface of ${spec.method}`, file, line: lines.method },
    ...runtimeImports.map((name) => ({ name, what: 'a runtime type the module imports', file, line: lines.method })),
    ...structs.map((s) => ({ name: s.tsName, what: `struct ${s.specName} (${s.flavour})`, file, line: s.source.line })),
  ];
  for (const c of findNameCollisions(claims)) {
    report(
      ctx,
      'error',
      c.second.line,
      IrCode.moduleNameClash,
      `name ${c.name} of ${c.second.what} collides with ${c.first.what} (${c.first.file}:${c.first.line})`,
    );
  }

  const docInput = {
    method: spec.method,
    auth: spec.auth,
    ...optional({ title: spec.title, description: spec.description, docUrl: docUrlOf(spec.doc_id) }),
  };
  const samples: IrMethod['samples'] = {};
  for (const kind of SAMPLE_KINDS) {
    const text = spec.samples?.[kind];
    if (typeof text === 'string' && text.trim()) samples[kind] = text;
  }
  const acceptedMismatches = spec.accepted_mismatches?.length
    ? spec.accepted_mismatches.map((m) => ({ path: m.path, reason: m.reason }))
    : undefined;
  const meta = buildMethodMeta({ names, auth: spec.auth, params, response: fields, structs, paging: paging?.paging });
  return {
    names,
    specPath: `spec/methods/${spec.method}.yaml`,
    source,
    ...optional({ title: spec.title, docUrl: docInput.docUrl }),
    summary: summarise(spec.description),
    auth: spec.auth,
    classDocs: describeMethod(docInput),
    paramsDocs: describeParams(docInput),
    responseDocs: describeResponse(spec.method, names.rootKey),
    params,
    hasRequiredParams: params.some((p) => !p.optional),
    paramsShadowObject: params.some((p) => p.wireName in Object.prototype),
    response: fields,
    structs,
    runtimeTypes: [...runtimeTypes].sort(),
    runtimeImports,
    metaType,
    ...optional({ itemType: paging && itemTypeOf(paging.items, tsNames.response), paging: paging?.paging }),
    samples,
    ...optional({ acceptedMismatches }),
    meta,
    fixture: buildFixtureData({ params, structs, samples, acceptedMismatches }, meta),
  };
}

/** The TypeScript type of one element of a page's item list. */
function itemTypeOf(items: SpecField, structs: Map<string, string>): string {
  const ref = parseTopType(items.type);
  return responseType({ ...ref, list: false }, ref.scalar ? undefined : (structs.get(ref.element) ?? ref.element));
}

/** The defined entries of an object (keeps `exactOptionalPropertyTypes`-style data clean). */
function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function rootClaims(method: Pick<IrMethod, 'names' | 'source'>): NameClaim[] {
  const { names, source } = method;
  const at = { file: source.file, line: source.line };
  return [
    { name: names.base, what: `struct namespace of ${names.method}`, ...at },
    { name: names.requestClass, what: `request class of ${names.method}`, ...at },
    { name: names.paramsType, what: `params type of ${names.method}`, ...at },
    { name: names.responseInterface, what: `response interface of ${names.method}`, ...at },
  ];
}

/**
 * One method's IR from its (validated) spec; its problems go to `diagnostics`. Undefined when
 * the method name is not one (TBK300).
 */
export function buildIrMethod(
  file: string,
  raw: MethodSpec,
  text: string,
  diagnostics: Diagnostic[],
): IrMethod | undefined {
  // Validation reports missing sections; the IR treats them as empty.
  const spec: MethodSpec = {
    ...raw,
    request: raw.request ?? [],
    response: raw.response ?? [],
    types: raw.types ?? {},
    samples: raw.samples ?? {},
  };
  return buildMethod({ spec, file, lines: indexSpecLines(text), diagnostics });
}

/** What the package-wide files need of a method (a copy: the method's IR can go). */
export function summariseIrMethod(m: IrMethod): IrMethodSummary {
  return {
    names: m.names,
    source: m.source,
    ...optional({ title: m.title, docUrl: m.docUrl }),
    summary: m.summary,
    auth: m.auth,
    hasRequiredParams: m.hasRequiredParams,
    meta: { request: m.meta.request },
    fixture: { example: m.fixture.example },
  };
}

/**
 * The names every method exports from the package root and its module file, checked across
 * methods (TBK302). Takes only the methods' names and positions, so a caller that streams the
 * methods keeps no more than those.
 */
export function checkPackageNames(
  methods: readonly Pick<IrMethod, 'names' | 'source'>[],
  options: BuildIrOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const claims = [...(options.reservedRootNames ?? []), ...methods.flatMap(rootClaims)];
  for (const c of findNameCollisions(claims)) {
    diagnostics.push({
      file: c.second.file,
      line: c.second.line,
      level: 'error',
      code: IrCode.nameClash,
      message: `exported name ${c.name} of ${c.second.what} collides with ${c.first.what} (${c.first.file}:${c.first.line})`,
    });
  }
  const stems = methods.map((m) => ({
    name: m.names.fileStem,
    what: `module file of ${m.names.method}`,
    file: m.source.file,
    line: m.source.line,
  }));
  for (const c of findNameCollisions(stems)) {
    diagnostics.push({
      file: c.second.file,
      line: c.second.line,
      level: 'error',
      code: IrCode.nameClash,
      message: `file name ${c.name}.ts of ${c.second.what} collides with ${c.first.what} (${c.first.file}:${c.first.line})`,
    });
  }
  return diagnostics;
}

export function buildIr(
  folder: SpecFolder,
  options: BuildIrOptions = {},
): { ir: IrPackage; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const methods: IrMethod[] = [];
  for (const method of [...folder.methods.keys()].sort()) {
    const built = buildIrMethod(
      folder.files.get(method)!,
      folder.methods.get(method)!,
      folder.texts.get(method) ?? '',
      diagnostics,
    );
    if (built) methods.push(built);
  }
  diagnostics.push(...checkPackageNames(methods, options));
  return { ir: { methods }, diagnostics };
}
