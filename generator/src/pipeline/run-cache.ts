/**
 * Up-to-date checks for `scrape` and `generate`, the way `make` or `tsc --build` skip work:
 * a run records a digest of everything its output depends on (its input files, the spec folder
 * as left behind, the generator's own code and the versions of its tools) in
 * `node_modules/.cache/tbk-gen/`. The next run computes the digest again — reading and hashing
 * files takes milliseconds, parsing and formatting them takes seconds — and when it is the same,
 * the outputs on disk are what a full run would write, so the run replays the recorded summary
 * instead. `--force` skips the check. The cache is private to the checkout: deleting it only
 * makes the next run a full one. It is bounded by count and bytes (`cache-bounds.ts`).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPool } from '../concurrency/run-pool.js';
import { listFiles } from '../files/list-files.js';
import { sha256 } from '../files/sha256.js';
import { CACHE_LIMITS, markUsed, pruneCache } from './cache-bounds.js';

const GENERATOR_SRC = fileURLToPath(new URL('../', import.meta.url));
const REPO_ROOT = resolve(GENERATOR_SRC, '../..');
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'tbk-gen');

/** Tools whose output the generator passes on; a new version of any of them invalidates every record. */
const TOOLS = ['prettier', 'esbuild', 'typescript', 'ts-morph', 'yaml', 'htmlparser2', 'handlebars', 'ajv'];

/** One line per file: its name and the hash of its bytes (`-` when it cannot be read). */
export async function hashFiles(
  paths: readonly string[],
  shownAs: (path: string) => string = (p) => p,
): Promise<string> {
  const hashes = await runPool(paths, 64, (p) => readFile(p).then(sha256, () => '-'));
  return paths.map((p, i) => `${shownAs(p)} ${hashes[i]}\n`).join('');
}

let codeDigest: Promise<string> | undefined;

/** The generator's own sources and its tools' versions: what every record depends on. */
export function generatorDigest(): Promise<string> {
  codeDigest ??= (async () => {
    const versions = TOOLS.map((name) => `${name} ${toolVersion(name)}`).join('\n');
    const files = (await listFiles(GENERATOR_SRC)).map((f) => join(GENERATOR_SRC, f));
    const pkg = join(REPO_ROOT, 'package.json');
    return sha256(`${versions}\n${await hashFiles([...files, pkg], (p) => relative(REPO_ROOT, p))}`);
  })();
  return codeDigest;
}

/** A tool's version from its package.json (found by path: some packages do not export it). */
function toolVersion(name: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not in this node_modules folder
    }
  }
  return 'missing';
}

/** Record file of one command run on given folders (absolute paths make the name). */
function recordFile(command: string, id: string): string {
  return join(CACHE_DIR, `${command}-${sha256(id).slice(0, 16)}.json`);
}

export interface RunRecord<T> {
  digest: string;
  value: T;
}

/** The record of the last successful run, when its digest equals `digest`. */
export async function readRecord<T>(command: string, id: string, digest: string): Promise<T | undefined> {
  try {
    const file = recordFile(command, id);
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord<T>;
    if (record.digest !== digest) return undefined;
    await markUsed(file);
    return record.value;
  } catch {
    return undefined;
  }
}

/** Saves a record; a cache that cannot be written only costs the next run its shortcut. */
export async function writeRecord<T>(command: string, id: string, digest: string, value: T): Promise<void> {
  const file = recordFile(command, id);
  try {
    await mkdir(dirname(file), { recursive: true });
    const text = JSON.stringify({ digest, value } satisfies RunRecord<T>);
    if (Buffer.byteLength(text) > CACHE_LIMITS.maxRecordBytes) {
      await unlink(file).catch(() => {}); // too large to keep: this run is not replayed
      return;
    }
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
    await pruneCache(CACHE_DIR, CACHE_LIMITS);
  } catch {
    // Read-only checkout or no node_modules: run in full next time.
  }
}
