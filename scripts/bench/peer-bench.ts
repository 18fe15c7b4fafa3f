/**
 * The same-run anchors of the cold generate: two OpenAPI generators on an equivalent OpenAPI
 * 3.1 document converted from spec/methods (openapi-document.ts), each in a fresh process with
 * a fresh output folder, timed in the same interleaved rounds as the cold `gen`
 * (generator-bench.ts):
 *  - `@hey-api/openapi-ts` (types, SDK functions and its fetch client): its `dist/run.mjs`, which
 *    its `openapi-ts` bin starts in a second process (the wrapper's start-up is left out);
 *  - `openapi-typescript` (one types file): its CLI.
 * Versions are pinned in package.json's devDependencies.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { openApiDocument } from './openapi-document.js';
import { ROOT, runNode, type CliRun } from './run-cli.js';

const require = createRequire(import.meta.url);

export interface Peer {
  name: string;
  version: string;
  /** Runs it on `doc`, writing into `out`. */
  run(doc: string, out: string): CliRun;
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

export const PEERS: Peer[] = [
  {
    name: '@hey-api/openapi-ts',
    version: versionOf('@hey-api/openapi-ts'),
    run: (doc, out) => runNode([join(packageDir('@hey-api/openapi-ts'), 'dist/run.mjs'), '-i', doc, '-o', out]),
  },
  {
    name: 'openapi-typescript',
    version: versionOf('openapi-typescript'),
    run: (doc, out) =>
      runNode([join(packageDir('openapi-typescript'), 'bin/cli.js'), doc, '-o', join(out, 'schema.d.ts')]),
  },
];

/** Writes the OpenAPI document of the spec folder; returns its path and its operation count. */
export async function writeOpenApiDocument(
  specDir: string,
  file: string,
): Promise<{ path: string; operations: number; bytes: number }> {
  const folder = await readSpecFolder(specDir);
  const text = `${JSON.stringify(openApiDocument([...folder.methods.values()]), null, 2)}\n`;
  await writeFile(file, text);
  return { path: file, operations: folder.methods.size, bytes: Buffer.byteLength(text) };
}

export const SPEC_DIR = join(ROOT, 'spec');
