/**
 * The samples a doc page prints: the success response as JSON, XML and simplified JSON, and the
 * error response as JSON and XML. This order is the spec's and the doc page's.
 */
export const SAMPLE_KINDS = ['json', 'xml', 'simplify_json', 'error_json', 'error_xml'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];
