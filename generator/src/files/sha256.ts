/**
 * The one content hash of the generator: the manifest's file hashes (emit/manifest.ts), the
 * unit keys and run digests of the two cache layers (docs/architecture.md), and the page
 * hashes the readers record. A leaf, so that any stage hashes the same way without importing
 * an emitter.
 */
import { createHash } from 'node:crypto';

/** Hex sha256 of a text (as UTF-8) or of bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
