/**
 * Schema and cross-checks of the spec folder before generating (spec/validate-spec.ts).
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { SpecFolder } from '../spec/spec-files.js';

export async function validateFolder(_folder: SpecFolder): Promise<Diagnostic[]> {
  return [];
}
