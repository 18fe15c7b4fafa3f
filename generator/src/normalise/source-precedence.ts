/**
 * Which source wins when sources disagree (docs/spec.md "Merging sources").
 *
 * One order for table facts, samples, titles and descriptions: the doc site's own JSON records
 * first (the full record, then the reduced copy a Go SDK generator kept, which has no samples
 * or labels but the same tables), then the doc page itself (saved HTML, then its text
 * rendering), then the third-party markdown compilation, which drops `[]` on list types
 * (corpus README) and flattens nested rows.
 */
import type { SourceFormat } from '../read/page-model.js';

export const FORMAT_PRECEDENCE: readonly SourceFormat[] = [
  'doc-record',
  'doc-record-reduced',
  'html',
  'seed-text',
  'markdown-dump',
];

export function precedenceRank(format: SourceFormat): number {
  const rank = FORMAT_PRECEDENCE.indexOf(format);
  return rank < 0 ? FORMAT_PRECEDENCE.length : rank;
}

/** The `rule` strings written into `disagreements`, one per kind of decision. */
export const RULES = {
  precedence: `precedence: ${FORMAT_PRECEDENCE.join(' > ')}`,
  listSuffix: 'list suffix: sources drop [] from list types but never add it, so X[] wins over X',
  union: 'union: a field listed by any source is kept',
  depth: 'depth: a └ row whose depth is unknown yields to a source that nests the field elsewhere',
  usableSample: `sample: the first source in precedence order (${FORMAT_PRECEDENCE.join(' > ')}) whose sample parses`,
} as const;
