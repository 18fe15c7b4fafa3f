/**
 * `MANIFEST.json`: the only generated file that carries a version or a hash (style.md rule 8):
 * the generator version, the spec hash (over every method file, so any spec change shows) and
 * the sha256 of every other file of the package. `tbk-gen check` and reviewers read it to see
 * what a generation was made from; the next run reads `toolchain` and `inputs` to reuse what
 * did not change (pipeline/previous-build.ts).
 */
import { sha256 } from '../files/sha256.js';
import { headerText, JSON_HEADER_KEY } from './file-header.js';

/** Hash of the spec: method name and text hash of every method file, in method order. */
export function specHash(specTexts: ReadonlyMap<string, string>): string {
  const lines = [...specTexts.keys()].sort().map((method) => `${method} ${sha256(specTexts.get(method)!)}\n`);
  return sha256(lines.join(''));
}

export function emitManifest(input: {
  generatorVersion: string;
  /** Tools and options the outputs depend on (see pipeline/previous-build.ts). */
  toolchain: string;
  /** specHash of the method files, and their count. */
  spec: { sha256: string; methods: number };
  /** sha256 of every other file of the package, by path. */
  hashes: ReadonlyMap<string, string>;
  /** Per derived file, the hash of the input it was formatted or compiled from. */
  inputs: ReadonlyMap<string, string>;
}): { path: string; source: string } {
  const files: Record<string, string> = {};
  for (const path of [...input.hashes.keys()].sort()) files[path] = input.hashes.get(path)!;
  const inputs: Record<string, string> = {};
  for (const path of [...input.inputs.keys()].sort()) inputs[path] = input.inputs.get(path)!;
  const manifest = {
    [JSON_HEADER_KEY]: headerText('spec/methods/*.yaml'),
    generator: { name: 'tbk-gen', version: input.generatorVersion },
    toolchain: input.toolchain,
    spec: input.spec,
    files,
    inputs,
  };
  return { path: 'MANIFEST.json', source: `${JSON.stringify(manifest, null, 2)}\n` };
}
