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
  | 'top-type-changed'
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
 * The doc site's own record of a method's last change (spec `change_diff`), checked against the
 * changes this diff found. Each `[+]`/`[-]` entry of the site lands in exactly one of the first
 * four lists; paths are written like ours (`[+] request.fields`, `[+] response.data.x`).
 */
export interface ChangeDiffCheck {
  gmtModified: number;
  /** The site's entries, as printed (`[+] fields`, `[+] data->x->y`). */
  input: string[];
  output: string[];
  /** Whether the record is known to be newer than the old side (so it describes this diff). */
  newerThanOld: boolean;
  /** Site entries our diff shows. */
  confirmed: string[];
  /**
   * Site entries already true on the old side (an added path present on both sides): the
   * record describes a change older than the old side. Not a disagreement unless newerThanOld.
   */
  alreadyOnOldSide: string[];
  /** Site entries below a struct whose fields one side does not know: cannot be checked. */
  uncheckable: string[];
  /** Disagreement: site entries our diff does not show and the new side does not bear out. */
  missingFromDiff: string[];
  /** Disagreement (only when newerThanOld): paths our diff adds or removes that the site omits. */
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
   * normalise/title-drift.ts: same role, similar text, each the other's single best match).
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
