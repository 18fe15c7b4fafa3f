/**
 * The result of `tbk-gen diff`: plain data that the text, markdown and JSON renderers print.
 * The JSON renderer writes this shape as it is, so every property here is part of the
 * documented, stable JSON output (docs/diff.md); change it only together with `version`.
 */

/** How a change affects users of the generated `tbk-client` package. */
export type Severity = 'breaking' | 'compatible' | 'docs';
export const SEVERITIES: readonly Severity[] = ['breaking', 'compatible', 'docs'];

/** Suggested semver bump of `tbk-client`. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export type ChangeKind =
  | 'method-added'
  | 'method-removed'
  | 'param-added-required'
  | 'param-added-optional'
  | 'param-removed'
  | 'param-now-required'
  | 'param-now-optional'
  | 'field-added'
  | 'field-removed'
  | 'type-changed'
  | 'fields-unknown'
  | 'auth-required'
  | 'auth-relaxed'
  | 'auth-changed'
  | 'provenance-changed'
  | 'title-changed'
  | 'description-changed'
  | 'example-changed'
  | 'default-changed'
  | 'limits-changed'
  | 'doc-id-changed'
  | 'sample-added'
  | 'sample-removed'
  | 'sample-changed'
  | 'error-added'
  | 'error-removed'
  | 'error-changed';

export interface Change {
  severity: Severity;
  kind: ChangeKind;
  /**
   * Where in the method: `request.<param>[.<field>...]`, `response.<field>[.<field>...]`
   * (struct fields at their path, e.g. `response.results.item_id`), `auth`, `title`,
   * `description`, `doc_id`, `samples.<kind>`, `errors.<code>`; the method name for
   * method-added/method-removed.
   */
  path: string;
  /** Value on the old side (type, auth, title...), when there is one to show. */
  old?: string;
  /** Value on the new side. */
  new?: string;
  /** One side's field did not come from a table but was learned from a response sample. */
  inferred?: boolean;
  /** One readable sentence. */
  message: string;
}

/**
 * The doc site's own record of the last change of a method (spec `change_diff`), compared with
 * the changes this diff found.
 */
export interface ChangeDiffCheck {
  gmtModified: number;
  /** Paths the site lists, as printed (`[+] fields`, `[+] data->x->y`). */
  input: string[];
  output: string[];
  /** Whether the site's record is newer than the old side (so it should describe this diff). */
  newerThanOld: boolean;
  /** Site entries our diff does not show (`[+] request.fields`). */
  missingFromDiff: string[];
  /** Added/removed paths our diff shows that the site does not list (only when newerThanOld). */
  missingFromSite: string[];
}

export interface MethodDiff {
  method: string;
  /** Title on the new side, else on the old side. */
  title?: string;
  status: 'added' | 'removed' | 'changed';
  /** The highest severity among the changes. */
  severity: Severity;
  changes: Change[];
  changeDiff?: ChangeDiffCheck;
}

export type CatalogLink = 'method' | 'also_titled' | 'title-drift';

export type CatalogChangeKind = 'title-added' | 'title-removed' | 'title-renamed';

export interface CatalogChange {
  kind: CatalogChangeKind;
  /** The title on the new side (the old one for title-removed). */
  title: string;
  /** For title-renamed: the old title. */
  from?: string;
  method?: string;
  /**
   * What linked the two titles of a rename: `method` (a source maps both to the same method),
   * `also_titled` (a catalog records the drift), or `title-drift` (the nav rename rule of
   * spec/title-drift.ts: same role, similar text, each the other's single best match).
   */
  linkedBy?: CatalogLink;
}

export type SideKind = 'folder' | 'git' | 'pages';

export interface SideSummary {
  /** The argument as the user wrote it. */
  input: string;
  kind: SideKind;
  /** For git sides: the full commit id the revision resolved to. */
  commit?: string;
  methods: number;
  catalogTitles: number;
}

export interface DiffSummary {
  breaking: number;
  compatible: number;
  docs: number;
  methodsAdded: number;
  methodsRemoved: number;
  methodsChanged: number;
  catalogChanges: number;
  changeDiffDisagreements: number;
}

export interface DiffReport {
  /** Version of this JSON shape (docs/diff.md). */
  version: 1;
  old: SideSummary;
  new: SideSummary;
  bump: Bump;
  summary: DiffSummary;
  /** Breaking first, then compatible, then docs; by method name within a severity. */
  methods: MethodDiff[];
  catalog: CatalogChange[];
}
