/**
 * The spec: one YAML file per method under spec/methods/, the reviewed source of truth
 * (docs/design.md "The spec"). Keys are snake_case like the wire; types keep TOP's vocabulary.
 * spec/schema.json validates exactly this shape. Key order in the YAML files follows the
 * order of the properties declared here.
 */
import type { SourceFormat } from '../read/page-model.js';
import type { Auth } from '../vocabulary/auth.js';
import type { SampleKind } from '../vocabulary/sample-kinds.js';

export interface FieldLimits {
  max_length?: number;
  max_list_size?: number;
  max_value?: number;
  min_value?: number;
}

/**
 * A request param, response field or struct field.
 * `type` is normalised TOP vocabulary (vocabulary/top-types.ts): `String`, `Number`, `Boolean`,
 * `Date`, `Price`, `BigDecimal`, `Json`, `Field List`, `byte[]`, a struct name, or any of those
 * plus `[]` (no space before the brackets).
 */
export interface SpecField {
  name: string;
  type: string;
  /** Request params and struct request fields only; absent means optional (vocabulary/required.ts). */
  required?: boolean;
  example?: string;
  default?: string;
  limits?: FieldLimits;
  description?: string;
  /** True when the field did not come from a table: learned from a response sample. */
  inferred?: boolean;
}

export interface SpecError {
  code: string;
  message?: string;
  solution?: string;
}

export interface SpecSource {
  file: string;
  format: SourceFormat;
  sha256: string;
}

/** Sources disagreed about one value; what each said and which rule chose. */
export interface Disagreement {
  /** Dotted path inside the spec, e.g. `request.item_dto.type`, `title`. */
  path: string;
  said: { source: string; value: string }[];
  chose: string;
  rule: string;
}

/** A sample that was not usable as printed and was repaired unambiguously. */
export interface SampleRepair {
  sample: SampleKind;
  message: string;
  original: string;
}

/** A difference between a declared field type and a sample value, accepted with a reason. */
export interface AcceptedMismatch {
  path: string;
  reason: string;
}

export interface ChangeDiffRecord {
  gmt_modified: number;
  input: string[];
  output: string[];
}

export interface MethodSpec {
  method: string;
  title?: string;
  description?: string;
  doc_id?: number;
  auth: Auth;
  request: SpecField[];
  response: SpecField[];
  /** Struct types used by this method's request and response, scoped to it. */
  types: Record<string, SpecField[]>;
  samples: Partial<Record<SampleKind, string>>;
  errors: SpecError[];
  sources: SpecSource[];
  disagreements?: Disagreement[];
  repairs?: SampleRepair[];
  accepted_mismatches?: AcceptedMismatch[];
  change_diff?: ChangeDiffRecord;
  /** Set when spec/overrides/<method>.yaml changed this spec. */
  override?: string;
}

export interface CatalogTitle {
  title: string;
  /** The method this title maps to, where any source links them. */
  method?: string;
  /** Snapshot ids (see `snapshots`) in which this title appears. */
  snapshots: string[];
  /** Whether spec/methods/<method>.yaml exists. */
  spec: boolean;
  /** Other titles of the same method in other snapshots (drift), linked not duplicated. */
  also_titled?: string[];
}

export interface CatalogSpec {
  snapshots: { id: string; file: string; kind: string; titles: number }[];
  titles: CatalogTitle[];
}
