/**
 * The spec's YAML text through the `yaml` package: a Document of the value, the ambiguous
 * strings marked double-quoted (yaml-scalars.ts), no line folding. yaml-emit.ts writes the same
 * bytes directly and falls back to this for a value it does not handle; tests use it as the
 * oracle.
 */
import { Document } from 'yaml';
import { quoteAmbiguousScalars } from './yaml-scalars.js';

export function documentYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  quoteAmbiguousScalars(doc);
  return doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
