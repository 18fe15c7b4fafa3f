/**
 * The toolchain fingerprint: tool versions, the formatting and dist recipes, and a hash of the
 * generator's own code. Outputs of a previous run are reused only under the same fingerprint,
 * so upgrading prettier or editing an emitter regenerates everything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_RECIPE } from '../dist/dist-options.js';
import { FORMAT_RECIPE } from '../print/format.js';
import { sha256 } from '../files/sha256.js';

const GENERATOR_SRC = fileURLToPath(new URL('../', import.meta.url));

/**
 * The code that turns IR into bytes: the emitters, the printer, the dist build and the two pipeline files that assemble
 * their output. The IR itself is part of every unit key, so ir/ needs no place here, and other
 * stages (the scraper's files in pipeline/) do not touch the package.
 */
function codeFiles(): string[] {
  const stages = ['emit', 'print', 'dist'].flatMap((folder) =>
    readdirSync(join(GENERATOR_SRC, folder))
      .filter((n) => n.endsWith('.ts') || n.endsWith('.js'))
      .map((n) => `${folder}/${n}`),
  );
  return [...stages, 'pipeline/generate-package.ts', 'pipeline/package-units.ts'].sort();
}

export const UNKNOWN_CODE = 'unknown';

function codeHash(): string {
  try {
    return sha256(
      codeFiles()
        .map((f) => `${f}\n${readFileSync(join(GENERATOR_SRC, f), 'utf8')}`)
        .join('\0'),
    ).slice(0, 16);
  } catch {
    // Not running from the sources (a bundled build): previous-build.ts never reuses then.
    return UNKNOWN_CODE;
  }
}

export function toolchainFingerprint(): string {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  // Declarations come from ts-morph's own TypeScript, pinned by the ts-morph version.
  const tools = ['prettier', 'esbuild', 'ts-morph'].map((n) => `${n} ${versionOf(n)}`).join(', ');
  return `${tools}; generator ${codeHash()}; ${FORMAT_RECIPE}; ${DIST_RECIPE}`;
}
