/**
 * Diagnostic codes of the markdown dump reader (TBK050–TBK069), documented in
 * docs/diagnostics.md "Markdown dump and doc-record readers". One constant per code so that the
 * reader's modules name the same thing the doc does.
 */
export const DumpCode = {
  noMethodSection: 'TBK050',
  headingWithoutTitle: 'TBK051',
  noParamTables: 'TBK052',
  tableMissing: 'TBK053',
  tooFewCells: 'TBK054',
  tooManyCells: 'TBK055',
  rowDropped: 'TBK056',
  columnsMissing: 'TBK057',
  orphanChildRow: 'TBK058',
  requiredUnknown: 'TBK059',
  limitsUnknown: 'TBK060',
  codeBlockUnclosed: 'TBK061',
  noSample: 'TBK062',
  textIgnored: 'TBK063',
  overviewLineSkipped: 'TBK064',
  notInOverview: 'TBK065',
  overviewWithoutSection: 'TBK066',
  sectionRepeated: 'TBK067',
  headingSkipped: 'TBK068',
} as const;

export type DumpCodeValue = (typeof DumpCode)[keyof typeof DumpCode];
