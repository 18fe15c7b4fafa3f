/**
 * What `tbk-gen check` says about each file that differs from a fresh run: **modified** (edited
 * since a run wrote it: a fresh `gen` overwrites the edit), **out of date** (as a run wrote it
 * from older inputs: run `gen`), **missing** or **extra**. A package file is modified when its
 * bytes are not the ones the package's MANIFEST.json lists for it; a spec file is out of date
 * when the pages it names (their sha256 under `sources:`) changed, and modified otherwise.
 */
import { sha256 } from '../files/sha256.js';

export type DriftKind = 'modified' | 'out of date' | 'missing' | 'extra';

export interface Drift {
  path: string;
  kind: DriftKind;
  /** Bytes on disk and what a fresh run writes (text files), for the diff. */
  disk?: string;
  fresh?: string;
}

/** `sources:` block of a spec file: which pages, with their sha256, it was built from. */
function sourcesBlock(text: string): string {
  const at = text.indexOf('\nsources:\n');
  if (at < 0) return '';
  const rest = text.slice(at + 1);
  const end = rest.search(/\n[a-z_]+:/);
  return end < 0 ? rest : rest.slice(0, end);
}

export function classifySpecFile(disk: string, fresh: string): DriftKind {
  return sourcesBlock(disk) === sourcesBlock(fresh) ? 'modified' : 'out of date';
}

/** Package file: modified when the disk bytes are not what the manifest on disk recorded. */
export function classifyPackageFile(
  path: string,
  disk: Buffer,
  manifest: Record<string, string> | undefined,
): DriftKind {
  const recorded = manifest?.[path];
  if (recorded === undefined) return 'out of date';
  return sha256(disk) === recorded ? 'out of date' : 'modified';
}

/** The `files` map of a MANIFEST.json text, or undefined when it cannot be read. */
export function manifestFiles(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  try {
    const files = (JSON.parse(text) as { files?: unknown }).files;
    return files && typeof files === 'object' ? (files as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

export const DRIFT_ADVICE: Record<DriftKind, string> = {
  modified:
    'edited since it was generated; `npm run gen` overwrites the edit (patch a spec file or spec/overrides/ instead)',
  'out of date': 'generated from older inputs; run `npm run gen` and commit the result',
  missing: 'not on disk; run `npm run gen` and commit the result',
  extra: 'not generated; delete it, or run `npm run gen`',
};
