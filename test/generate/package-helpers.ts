/**
 * Test helper for the checks of the committed package `generated/` (what `npm ci` installs as
 * the workspace `tbk-client`): its methods, and running Node in a child process from the
 * repository root, as a user of the package would.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { nameMethod } from '../../generator/src/ir/names.js';
import { REPO_ROOT } from './golden-specs.js';

export const PACKAGE_DIR = join(REPO_ROOT, 'generated');

/** The methods of the committed spec, with their generated names. */
export async function specMethods(): Promise<ReturnType<typeof nameMethod>[]> {
  const files = (await readdir(join(REPO_ROOT, 'spec/methods'))).filter((n) => n.endsWith('.yaml')).sort();
  return files.map((f) => nameMethod(f.slice(0, -'.yaml'.length)));
}

const run = promisify(execFile);

/** Runs a script with plain `node` (no loader) from the repository root; returns its stdout. */
export async function runNode(script: string, type: 'module' | 'commonjs'): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type', type, '-e', script], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

export async function runTool(command: string, args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(command, args, { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; code?: number };
    return { stdout: err.stdout ?? '', code: err.code ?? 1 };
  }
}
