/**
 * The version of tbk-client, sent in the `User-Agent` of every call. In the package this file
 * carries the version of the package identity (spec/package.yaml): the generator writes it in
 * (generator/src/emit/copy-runtime.ts, stampClientVersion), the same value as package.json's,
 * so the two cannot disagree. `0.0.0` here is the unreleased placeholder the runtime's own tests see.
 */
export const CLIENT_VERSION: string = '0.0.0';

/** `tbk-client/<version> node/<version>`. */
export function defaultUserAgent(): string {
  return `tbk-client/${CLIENT_VERSION} node/${process.versions.node}`;
}
