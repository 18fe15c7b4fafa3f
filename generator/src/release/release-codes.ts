/**
 * Diagnostic codes of `tbk-gen release` refusing to release (TBK520–TBK549), documented in
 * docs/diagnostics.md "Package identity and release". One constant per code so that the plan and
 * the command name the same thing the doc does.
 */
export const ReleaseCode = {
  noRepositoryOrIdentity: 'TBK520',
  uncommittedChanges: 'TBK521',
  bumpTooSmall: 'TBK522',
  nothingChanged: 'TBK523',
  tagExists: 'TBK524',
  baseUnreadable: 'TBK525',
} as const;

export type ReleaseCodeValue = (typeof ReleaseCode)[keyof typeof ReleaseCode];
