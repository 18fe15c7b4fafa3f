/**
 * Reuse of the previous generation: formatting and building `dist/` are pure functions of their
 * input (the emitted text, the toolchain and its options), so a file whose input did not change
 * since the last run is taken from disk instead of being formatted or compiled again, the way
 * `prettier --cache` and `tsc --incremental` work. MANIFEST.json records, per output file, the
 * sha256 of its content (`files`) and of the input it was derived from (`inputs`); the disk copy
 * is used only when both still match and the toolchain is the same. Formatting all 112 methods
 * from scratch takes several seconds on two cores; a regeneration after a doc change reformats
 * just the methods that changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../files/sha256.js';
import { UNKNOWN_CODE } from './toolchain.js';

export interface PreviousManifest {
  toolchain?: string;
  files?: Record<string, string>;
  inputs?: Record<string, string>;
}

export interface PreviousBuild {
  /** True when nothing can be reused (no manifest, or another toolchain). */
  empty?: boolean;
  /** The file's previous content when it was derived from the same input key; else undefined. */
  reuse(path: string, inputKey: string): Promise<string | undefined>;
  /** The hash the previous manifest lists for a file. */
  hashOf(path: string): string | undefined;
}

const NOTHING: PreviousBuild = { empty: true, reuse: async () => undefined, hashOf: () => undefined };

export async function loadPreviousBuild(outDir: string, toolchain: string): Promise<PreviousBuild> {
  if (toolchain.includes(`generator ${UNKNOWN_CODE};`)) return NOTHING;
  let manifest: PreviousManifest;
  try {
    manifest = JSON.parse(await readFile(join(outDir, 'MANIFEST.json'), 'utf8')) as PreviousManifest;
  } catch {
    return NOTHING;
  }
  if (manifest.toolchain !== toolchain || !manifest.files || !manifest.inputs) return NOTHING;
  const { files, inputs } = manifest;
  return {
    hashOf: (path) => (Object.hasOwn(files, path) ? files[path] : undefined),
    async reuse(path, inputKey) {
      if (!Object.hasOwn(inputs, path) || inputs[path] !== inputKey || !Object.hasOwn(files, path)) return undefined;
      try {
        const text = await readFile(join(outDir, path), 'utf8');
        return sha256(text) === files[path] ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Input key of a derived file: the hash of everything it is computed from. */
export function inputKey(...parts: string[]): string {
  return sha256(parts.join('\0'));
}
