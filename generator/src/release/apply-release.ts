/**
 * Carry out a release plan: write the new version into the identity file (only that value:
 * comments and layout stay), prepend the entry to the release history, set the workspace's
 * version in the repository's package-lock.json (npm records it there), and regenerate the
 * package. If generating fails, the three files get their old text back, so a failed release
 * leaves the tree as it was.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { generatePackage, type GenerateResult } from '../pipeline/generate-package.js';
import { HISTORY_FILE, readReleaseHistory, serializeReleaseHistory } from '../spec/release-history.js';
import type { ReleasePlan } from './plan-release.js';

export interface ApplyOptions {
  specDir: string;
  outDir: string;
  identityFile: string;
  identityText: string;
}

export interface Applied {
  written: string[];
  result: GenerateResult;
}

/** The identity file's text with the value of `version` replaced, every other byte as it was. */
export function withVersion(text: string, version: string): string {
  const node = parseDocument(text).get('version', true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) throw new Error('the package identity has no `version` to replace');
  return `${text.slice(0, node.range[0])}${version}${text.slice(node.range[1])}`;
}

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/** package-lock.json with the workspace entry of `outDir` at `version`; undefined when it has none. */
export function lockWithVersion(lockText: string, workspace: string, version: string): string | undefined {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { version?: string }> };
  const entry = lock.packages?.[workspace];
  if (!entry) return undefined;
  entry.version = version;
  return `${JSON.stringify(lock, null, 2)}\n`;
}

export async function applyRelease(plan: ReleasePlan, options: ApplyOptions): Promise<Applied> {
  const historyFile = join(options.specDir, HISTORY_FILE);
  const lockFile = join(plan.top, 'package-lock.json');
  const workspace = relative(plan.top, resolve(options.outDir)).split(sep).join(posix.sep);
  const [historyText, lockText, history] = await Promise.all([
    readOptional(historyFile),
    readOptional(lockFile),
    readReleaseHistory(options.specDir),
  ]);
  if (history.diagnostics.some((d) => d.level === 'error'))
    throw new Error(`${historyFile} is not a valid release history; fix it first`);

  const writes = new Map<string, { old: string | undefined; text: string }>();
  writes.set(options.identityFile, { old: options.identityText, text: withVersion(options.identityText, plan.to) });
  writes.set(historyFile, { old: historyText, text: serializeReleaseHistory([plan.entry, ...history.releases]) });
  const lock = lockText === undefined ? undefined : lockWithVersion(lockText, workspace, plan.to);
  if (lock !== undefined) writes.set(lockFile, { old: lockText, text: lock });

  for (const [file, w] of writes) await writeFile(file, w.text);
  let result: GenerateResult;
  try {
    result = await generatePackage({ specDir: options.specDir, outDir: options.outDir, write: true });
  } catch (e) {
    await restore(writes);
    throw e;
  }
  if (result.diagnostics.some((d) => d.level === 'error')) await restore(writes);
  return { written: [...writes.keys()].map((f) => relative(process.cwd(), f).split(sep).join(posix.sep)), result };
}

async function restore(writes: ReadonlyMap<string, { old: string | undefined }>): Promise<void> {
  for (const [file, w] of writes) await (w.old === undefined ? rm(file, { force: true }) : writeFile(file, w.old));
}
