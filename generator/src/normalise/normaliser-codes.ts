/**
 * Diagnostic codes of the normaliser (TBK100–TBK199), documented in docs/diagnostics.md
 * "Normaliser", and of the overrides and the catalog it builds (TBK230–TBK234, TBK250–TBK251),
 * documented under "Spec files and scrape". One constant per code so that tests and docs name the
 * same thing.
 */
import type { Diagnostic, Level } from '../report/diagnostic.js';

export const CODES = {
  noMethod: 'TBK100',
  oddType: 'TBK101',
  correctedType: 'TBK102',
  childrenOfScalar: 'TBK103',
  oversizedValue: 'TBK104',
  jsonRepaired: 'TBK110',
  jsonUnusable: 'TBK111',
  xmlUnusable: 'TBK112',
  sampleRootKey: 'TBK113',
  sampleTypeMismatch: 'TBK120',
  wrapperKey: 'TBK121',
  rowNotInSample: 'TBK130',
  rowsDepthUnknown: 'TBK131',
  fieldsInferred: 'TBK140',
  emptyStruct: 'TBK141',
  sampleOnlyFields: 'TBK142',
  fieldTypeClash: 'TBK150',
  disagreements: 'TBK160',
  overrideFileInvalid: 'TBK230',
  overrideTargetGone: 'TBK231',
  overrideNoLongerNeeded: 'TBK232',
  overrideUnknownMethod: 'TBK233',
  overrideApplied: 'TBK234',
  sharedTitle: 'TBK250',
  renameNotLinked: 'TBK251',
} as const;

export function diagnostic(
  where: { file: string; line: number },
  level: Level,
  code: string,
  message: string,
): Diagnostic {
  return { file: where.file, line: where.line, level, code, message };
}
