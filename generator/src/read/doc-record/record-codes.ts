/**
 * Diagnostic codes of the doc-record reader (TBK070–TBK089) and the catalog JSON reader
 * (TBK090–TBK099, plus TBK070–TBK072 for the JSON itself), documented in docs/diagnostics.md
 * "Markdown dump and doc-record readers". One constant per code so that both readers name the
 * same thing the doc does.
 */
export const RecordCode = {
  malformedJson: 'TBK070',
  emptyFile: 'TBK071',
  notAnObject: 'TBK072',
  noMethodName: 'TBK073',
  paramsMissing: 'TBK074',
  paramDropped: 'TBK075',
  wrongKind: 'TBK076',
  authDisagrees: 'TBK077',
  authUnknown: 'TBK078',
  changeDiffIgnored: 'TBK079',
  errorCodeDropped: 'TBK080',
  handlerFailed: 'TBK081',
  keyRepeated: 'TBK082',
  noTreeCategories: 'TBK090',
  noTbkCategory: 'TBK091',
  catalogEntryIncomplete: 'TBK092',
  goCatalogEmpty: 'TBK093',
} as const;

export type RecordCodeValue = (typeof RecordCode)[keyof typeof RecordCode];
