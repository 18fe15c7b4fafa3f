/**
 * Atomic writes of a spec folder (docs/design.md "CLI contract": writes are atomic). Every
 * changed file is first written in full to a temporary folder beside the spec folder; only when
 * all of them are on disk are they renamed into place, one rename per file (atomic on one file
 * system). A failure while writing leaves every old file as it was. Files with identical bytes
 * are not touched, and files not named (methods the pages did not mention) are never deleted.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile as fsWriteFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { SpecCode } from './spec-codes.js';

export interface WriteSpecResult {
  /** Relative paths (inside the spec folder) whose bytes changed. */
  written: string[];
  unchanged: string[];
  diagnostics: Diagnostic[];
}

export interface WriteSpecOptions {
  /** Where messages say the folder is (as the user gave it). */
  shownDir?: string;
  /** The file writer; tests pass a failing one to prove that nothing is half-written. */
  writeFile?: (path: string, text: string) => Promise<void>;
}

const SAFE_PATH = /^(catalog\.yaml|methods\/[^/\\]+\.yaml)$/;

/** Write `files` (relative path → text: `methods/<method>.yaml`, `catalog.yaml`) into `dir`. */
export async function writeSpecFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  options: WriteSpecOptions = {},
): Promise<WriteSpecResult> {
  const shown = options.shownDir ?? dir;
  const write = options.writeFile ?? ((path: string, text: string) => fsWriteFile(path, text, 'utf8'));
  const result: WriteSpecResult = { written: [], unchanged: [], diagnostics: [] };
  const fail = (file: string, message: string) =>
    result.diagnostics.push({ file, line: 0, level: 'error', code: SpecCode.writeFailed, message });
  const changed: [string, string][] = [];
  for (const [rel, text] of [...files].sort((a, b) => order(a[0]) - order(b[0]) || (a[0] < b[0] ? -1 : 1))) {
    if (!SAFE_PATH.test(rel)) {
      fail(`${shown}/${rel}`, 'not a spec file path (methods/<method>.yaml or catalog.yaml); not written');
      continue;
    }
    const old = await readFile(join(dir, rel), 'utf8').catch(() => undefined);
    if (old === text) result.unchanged.push(rel);
    else changed.push([rel, text]);
  }
  if (!changed.length) return result;

  const absolute = resolve(dir);
  let temp: string | undefined;
  try {
    await mkdir(dirname(absolute), { recursive: true });
    temp = await mkdtemp(join(dirname(absolute), `.${basename(absolute)}-write-`));
    await mkdir(join(temp, 'methods'));
    for (const [rel, text] of changed) await write(join(temp, rel), text);
  } catch (e) {
    if (temp) await rm(temp, { recursive: true, force: true });
    fail(shown, `nothing written, the spec folder is unchanged: ${(e as Error).message}`);
    return result;
  }
  try {
    await mkdir(join(absolute, 'methods'), { recursive: true });
    // Methods first, the catalog last: a catalog never names a spec that is not yet in place.
    for (const [rel] of changed) {
      try {
        await rename(join(temp, rel), join(absolute, rel));
        result.written.push(rel);
      } catch (e) {
        fail(`${shown}/${rel}`, `not replaced, the old file is kept: ${(e as Error).message}`);
      }
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return result;
}

function order(rel: string): number {
  return rel === 'catalog.yaml' ? 1 : 0;
}
