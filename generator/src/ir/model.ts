/**
 * The model between the spec and the emitters (style.md rule 4), and the one model derived from
 * the spec: plain data, no functions, no AST nodes. Everything an emitter needs is computed once
 * here by `build-ir.ts`: names, TS types, optionality, the parsed TOP types, required and limits,
 * JSDoc text, paging, the samples. `meta` and `fixture` are projections of the rest
 * (build-meta.ts, build-fixtures.ts) and read nothing else. Every node knows the spec file and
 * line it came from, for messages.
 */
import type { MethodFixture, MethodMeta, PagingMeta, ScalarKind } from '../../../templates/runtime/metadata.js';
import type { AcceptedMismatch, FieldLimits } from '../spec/model.js';
import type { Auth } from '../vocabulary/auth.js';
import type { TopScalar } from '../vocabulary/top-types.js';
import type { MethodNames } from './names.js';
import type { RuntimeTypeName } from './type-map.js';

export interface SourceRef {
  /** The spec file as read (relative paths stay relative). */
  file: string;
  /** 1-based line; 0 when the node has no line of its own. */
  line: number;
}

/**
 * A field's TOP type, parsed once (vocabulary/top-types.ts) into what the runtime, the metadata
 * and the example params need of it.
 */
export interface IrTypeRef {
  /** The runtime's kind of the element (type-map.ts `scalarKind`), or `struct`. */
  kind: ScalarKind | 'struct';
  /** The TOP scalar of the element, for a scalar (`Date` and `String` share a kind). */
  scalar?: TopScalar;
  /** The element's name in the spec's `types`, for a struct (an undeclared one is TBK301). */
  struct?: string;
  /** The type ends in `[]` (`byte[]` alone is a file, not a list). */
  list: boolean;
  /**
   * For a list in a response or in a struct: the key of the object it is wrapped in on the wire
   * (`"results": { "n_tbk_item": [...] }` → `n_tbk_item`). Request params are never wrapped.
   */
  wrapper?: string;
}

export interface IrField {
  /** Wire name, e.g. `tk_domain`. */
  wireName: string;
  /** Property key as written in TypeScript (quoted when not an identifier). */
  key: string;
  /** TOP type as in the spec, e.g. `UvIdGenerateRes[]`. */
  topType: string;
  /** TypeScript type text, e.g. `readonly LkItemDTO[]`. */
  tsType: string;
  optional: boolean;
  /** JSDoc body, already escaped for a comment (lines joined with `\n`). */
  docs: string;
  source: SourceRef;
  /** `topType` parsed. */
  ref: IrTypeRef;
  /**
   * The runtime checks the field is given (vocabulary/required.ts): a param or a struct field
   * the spec marks required; never a response field. Not `optional`'s opposite: a response-flavour
   * struct declares every field optional, yet a required field of it is checked when sent.
   */
  required: boolean;
  /** The spec's limits (only those it states), checked by the runtime. */
  limits?: FieldLimits;
  /** The doc's example value, as the spec holds it (the fixture's example params start from it). */
  example?: string;
}

export type StructFlavour = 'request' | 'response';

export interface IrStruct {
  /** Name in the spec's `types`, the key in `MethodMeta.types`. */
  specName: string;
  /** TypeScript name (see names.ts `nameStruct`). */
  tsName: string;
  flavour: StructFlavour;
  fields: IrField[];
  docs: string;
  source: SourceRef;
}

export type MetaTypeName = 'MethodMeta' | 'PagedMethodMeta' | 'OrderMethodMeta';

export interface IrMethod {
  names: MethodNames;
  /** Where the method's spec lives by convention, named in generated headers. */
  specPath: string;
  source: SourceRef;
  title?: string;
  /** One line for the README index. */
  summary: string;
  auth: Auth;
  /** The doc page, when the spec knows its doc id. */
  docUrl?: string;
  classDocs: string;
  paramsDocs: string;
  responseDocs: string;
  params: IrField[];
  /** True when at least one param is required (the constructor argument is then required). */
  hasRequiredParams: boolean;
  /**
   * True when a param is named like an `Object.prototype` member (`constructor`, `toString`,
   * `__proto__`…): TypeScript reads those members of `{}`, so the empty default needs a cast.
   */
  paramsShadowObject: boolean;
  response: IrField[];
  /** Request-flavour structs first, then response-flavour, each in spec order. */
  structs: IrStruct[];
  /** Runtime types the module's declarations refer to, sorted. */
  runtimeTypes: RuntimeTypeName[];
  /** Every runtime name the module imports (types only), sorted. */
  runtimeImports: string[];
  /** The declared type of `meta`: `PagedMethodMeta` when the method pages, `OrderMethodMeta` when it is order-like. */
  metaType: MetaTypeName;
  /** TypeScript type of one item of a page (the type-only `__item` link), for methods that page. */
  itemType?: string;
  /** How the method pages (paging.ts), when it does. */
  paging?: PagingMeta;
  /** The doc samples the spec holds (blank ones left out), in the spec's order of kinds. */
  samples: MethodFixture['samples'];
  /** Sample values accepted to differ from their declared type, with the reason. */
  acceptedMismatches?: AcceptedMismatch[];
  /** The runtime metadata: a projection of the fields, structs and paging above (build-meta.ts). */
  meta: MethodMeta;
  /** The test data: a projection of the params, structs and samples above (build-fixtures.ts). */
  fixture: MethodFixture;
}

export interface IrPackage {
  /** Sorted by method name. */
  methods: IrMethod[];
}

/**
 * What the package-wide files (root, call and testing entries, README) and the cross-method
 * name checks read of a method: its names and a few small facts, not its fields and structs.
 * A generator that streams the methods keeps only this of each.
 */
export type IrMethodSummary = Pick<
  IrMethod,
  'names' | 'source' | 'title' | 'docUrl' | 'summary' | 'auth' | 'hasRequiredParams'
> & {
  meta: Pick<MethodMeta, 'request'>;
  fixture: Pick<MethodFixture, 'example'>;
};

/** The package as the package-wide files see it (an IrPackage is one). */
export interface IrPackageSummary {
  /** Sorted by method name. */
  methods: readonly IrMethodSummary[];
}
