/**
 * Diagnostic codes of `tbk-gen diff` reading its two sides (TBK400–TBK449), documented in
 * docs/diagnostics.md "Diff". One constant per code so that the side loaders name the same thing
 * the doc does.
 */
export const DiffCode = {
  noSuchSide: 'TBK400',
  notGitRepository: 'TBK401',
  unknownRevision: 'TBK402',
  noSpec: 'TBK403',
  noMethods: 'TBK404',
  invalidSpec: 'TBK405',
  scrapeFailed: 'TBK406',
  gitFailed: 'TBK407',
  comparedWithoutIr: 'TBK410',
} as const;
