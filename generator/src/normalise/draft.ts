/**
 * The normaliser's working form of a method spec: the spec's shape plus where every value came
 * from (file, format, line), so that merging can apply the precedence rule and diagnostics can
 * name the page line. `toMethodSpec` (build-specs.ts) drops the provenance.
 */
import type { SourceFormat } from '../read/page-model.js';
import type { ChangeDiffRecord, Disagreement, SampleRepair, SpecError, SpecField, SpecSource } from '../spec/model.js';
import type { StatedAuth } from '../vocabulary/auth.js';
import type { SampleKind } from '../vocabulary/sample-kinds.js';

export interface Origin {
  file: string;
  format: SourceFormat;
  line: number;
}

export interface Sourced<T> {
  value: T;
  origin: Origin;
}

export interface DraftField extends SpecField {
  origin: Origin;
  /** A markdown-dump `└` row whose depth neither the rows nor the sample could tell (TBK130/131). */
  depthUnknown?: boolean;
}

export interface DraftSample {
  /** The text as printed, or as repaired when `repair` is set. */
  text: string;
  origin: Origin;
  /** Parsed value (XML converted to the JSON shape); undefined when the sample is unusable. */
  value?: unknown;
  repair?: SampleRepair;
}

export interface Draft {
  method: string;
  /** Where the method's page or section starts (the first page's, after merging). */
  origin: Origin;
  title?: Sourced<string>;
  description?: Sourced<string>;
  docId?: Sourced<number>;
  auth?: Sourced<StatedAuth> & { evidence: string };
  request: DraftField[];
  response: DraftField[];
  /** Struct types; a type a source names but does not expand has no entry. */
  types: Map<string, DraftField[]>;
  samples: Partial<Record<SampleKind, DraftSample>>;
  errors: (SpecError & { origin: Origin })[];
  changeDiff?: Sourced<ChangeDiffRecord>;
  sources: SpecSource[];
  disagreements: Disagreement[];
}
