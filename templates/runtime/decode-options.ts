/**
 * What a caller tells the response decoders about one answer. A module of its own so that
 * decode-response.ts, decode-xml.ts and error-fields.ts all read it one way, without importing
 * each other in a circle.
 */
export interface DecodeOptions {
  /** The `Content-Type` of the answer; the body's first character decides when they disagree. */
  contentType?: string | null;
  /** HTTP status, shown in errors. */
  status?: number;
  /** Applied to every text an error carries (the client removes its credentials). */
  redact?: (text: string) => string;
}
