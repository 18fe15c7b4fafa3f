/**
 * What a `generate` run depends on, as one digest (see run-cache.ts): the generator, the spec
 * (method files, catalog, schema, package identity, release history) and the templates. The package folder is checked on its own:
 * its MANIFEST.json must be the one the recorded run wrote, and every file must still have the
 * bytes the manifest lists (no file missing, none added). Then a full run would write the same
 * bytes, and `generate` has nothing to do.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runPool } from '../concurrency/run-pool.js';
import { DEFAULT_TEMPLATES_DIR } from '../emit/copy-runtime.js';
import { sha256 } from '../files/sha256.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { generatorDigest, hashFiles } from './run-cache.js';
import { listFiles } from '../files/list-files.js';
import { filesOfPackage } from './write-package.js';

export interface GenerateReplay {
  diagnostics: Diagnostic[];
  methods: number;
  /** sha256 of the MANIFEST.json the run wrote. */
  manifest: string;
}

export function generateRecordId(specDir: string, outDir: string, templatesDir = DEFAULT_TEMPLATES_DIR): string {
  return JSON.stringify([resolve(specDir), resolve(outDir), resolve(templatesDir)]);
}

export async function generateDigest(
  specDir: string,
  outDir: string,
  templatesDir = DEFAULT_TEMPLATES_DIR,
): Promise<string> {
  const spec = resolve(specDir);
  const specFiles = [
    ...(await listFiles(join(spec, 'methods'))).map((f) => join(spec, 'methods', f)),
    join(spec, 'catalog.yaml'),
    join(spec, 'schema.json'),
    join(spec, 'package.yaml'),
    join(spec, 'releases.yaml'),
  ];
  const templates = (await listFiles(templatesDir)).map((f) => join(templatesDir, f));
  const id = generateRecordId(specDir, outDir, templatesDir);
  return sha256(`${await generatorDigest()}\n${id}\n${await hashFiles([...specFiles, ...templates])}`);
}

/**
 * Number of files when `outDir` holds exactly what the recorded run wrote; undefined when
 * anything differs (a file edited, added or removed, or another manifest).
 */
export async function packageIntact(outDir: string, manifestSha: string): Promise<number | undefined> {
  try {
    const manifestText = await readFile(join(outDir, 'MANIFEST.json'));
    if (sha256(manifestText) !== manifestSha) return undefined;
    const listed = (JSON.parse(manifestText.toString('utf8')) as { files?: Record<string, string> }).files ?? {};
    const present = (await filesOfPackage(outDir)).filter((p) => p !== 'MANIFEST.json');
    if (present.length !== Object.keys(listed).length || present.some((p) => !Object.hasOwn(listed, p)))
      return undefined;
    const hashes = await runPool(present, 64, (p) => readFile(join(outDir, p)).then(sha256));
    return present.every((p, i) => listed[p] === hashes[i]) ? present.length + 1 : undefined;
  } catch {
    return undefined;
  }
}
