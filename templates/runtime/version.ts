/**
 * The version of tbk-client, sent in the `User-Agent` of every call. The generator writes the
 * same version into the package's package.json (generator/src/emit/package-json.ts reads it
 * from here), so the two cannot disagree.
 */
export const CLIENT_VERSION = '0.0.0';

/** `tbk-client/<version> node/<version>`. */
export function defaultUserAgent(): string {
  return `tbk-client/${CLIENT_VERSION} node/${process.versions.node}`;
}
