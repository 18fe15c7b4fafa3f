/**
 * Schema and cross-checks of the spec folder before generating (spec/validate-spec.ts). The
 * folder is already parsed, so each method is validated from its value and its text is parsed
 * again only to locate a problem (`validateMethodValue`): re-parsing 112 files costs ~0.3 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import type { SpecFolder } from '../spec/spec-files.js';
import { validateCatalog, validateMethodValue } from '../spec/validate-spec.js';

export function validateFolder(folder: SpecFolder): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const method of [...folder.methods.keys()].sort()) {
    out.push(
      ...validateMethodValue(folder.files.get(method)!, folder.methods.get(method), folder.texts.get(method) ?? ''),
    );
  }
  const catalog = join(folder.dir, 'catalog.yaml');
  // A method file that exists but could not be parsed was reported already: it is not missing.
  const methods = new Set([...folder.methods.keys(), ...(folder.unreadable ?? [])]);
  if (existsSync(catalog)) out.push(...validateCatalog(catalog, readFileSync(catalog, 'utf8'), methods));
  return out;
}
