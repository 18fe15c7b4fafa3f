/**
 * Diagnostic codes of building the IR (its range is TBK300–TBK319; compiling the package has
 * TBK320 on, dist/dist-codes.ts), documented in docs/diagnostics.md "Generator". One constant per
 * code so that the IR builder names the same thing the doc does.
 */
export const IrCode = {
  badMethodName: 'TBK300',
  unknownType: 'TBK301',
  nameClash: 'TBK302',
  moduleNameClash: 'TBK303',
  unusedStruct: 'TBK304',
  fileList: 'TBK305',
  duplicateField: 'TBK306',
  reservedStructName: 'TBK307',
  badStructName: 'TBK308',
  byteOutsideRequest: 'TBK309',
} as const;
