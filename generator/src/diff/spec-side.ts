/**
 * One side of a diff, loaded: whatever the user named (spec folder, git revision, page sources)
 * ends up as the same in-memory spec.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { CatalogSpec, MethodSpec } from '../spec/model.js';
import type { SideKind, SideSummary } from './diff-model.js';

export interface SpecSide {
  summary: SideSummary;
  methods: Map<string, MethodSpec>;
  catalog?: CatalogSpec;
  /** Epoch ms the side was taken at, when known (commit time of a git revision). */
  time?: number;
}

export interface LoadSideOptions {
  cwd: string;
  /**
   * The project's spec folder (relative to cwd): where git sides find the spec inside a
   * revision, and whose overrides/ page sides apply.
   */
  specDir: string;
}

/** A side, or the errors that made it unusable. */
export interface LoadedSide {
  side?: SpecSide;
  diagnostics: Diagnostic[];
}

export function makeSide(
  input: string,
  kind: SideKind,
  methods: Map<string, MethodSpec>,
  catalog?: CatalogSpec,
): SpecSide {
  return {
    summary: { input, kind, methods: methods.size, catalogTitles: catalog?.titles.length ?? 0 },
    methods,
    ...(catalog ? { catalog } : {}),
  };
}
