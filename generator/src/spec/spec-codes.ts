/**
 * Diagnostic codes of the spec stage, documented in docs/diagnostics.md: the spec files, their
 * schema and validation and writing them (TBK201–TBK241, "Spec files and scrape"), the package
 * identity and the release history (TBK500–TBK511, "Package identity and release"). One
 * constant per code so that the stage's modules name the same thing the doc does.
 */
export const SpecCode = {
  noMethodsFolder: 'TBK201',
  noMethodKey: 'TBK202',
  schema: 'TBK220',
  unknownStruct: 'TBK221',
  unknownType: 'TBK222',
  duplicateField: 'TBK223',
  unusedStruct: 'TBK224',
  fileNameMismatch: 'TBK225',
  catalogMismatch: 'TBK226',
  writeFailed: 'TBK241',
  identityInvalid: 'TBK500',
  badPackageName: 'TBK501',
  badVersion: 'TBK502',
  unknownKey: 'TBK503',
  noLicenseText: 'TBK504',
  badUrl: 'TBK505',
  historyInvalid: 'TBK510',
  historyOrder: 'TBK511',
} as const;
