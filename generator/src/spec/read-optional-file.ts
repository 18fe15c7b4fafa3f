/**
 * Reading a spec-folder file that may be absent (`package.yaml`, `releases.yaml`): its text, or
 * nothing when it does not exist, or a TBK206 error when it exists but cannot be read.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../report/diagnostic.js';
import { SourcesCode } from '../read/sources/sources-codes.js';

export type OptionalFile = { text: string } | { absent: true } | { error: Diagnostic };

export async function readOptionalFile(file: string): Promise<OptionalFile> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { absent: true };
    return {
      error: {
        file,
        line: 0,
        level: 'error',
        code: SourcesCode.unreadable,
        message: `cannot read: ${(e as Error).message}`,
      },
    };
  }
}
