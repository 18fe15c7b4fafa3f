// The CLI as one esbuild bundle of generator/src, rebuilt when a source file changed since it
// was built. Loading ~150 TypeScript modules through tsx costs a few hundred milliseconds and a
// loader thread on every run; the bundle loads in a few dozen.
//
// The bundle lives in generator/src/.build/, at the depth of the sources (generator/src/<stage>/),
// because the modules find templates/, spec/ and package.json relative to their own URL and
// share the bundle's URL once bundled. inputs.json records the size and mtime of every file
// that went into it; any difference (or a missing file) means rebuild.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = join(ROOT, 'generator/src/.build');
const BUNDLE = join(OUT_DIR, 'tbk-gen.js');
const INPUTS = join(OUT_DIR, 'inputs.json');
const ENTRY = join(ROOT, 'generator/src/cli/main.ts');

async function fingerprint(path) {
  const s = await stat(path);
  return [s.size, s.mtimeMs];
}

async function isFresh() {
  try {
    const inputs = JSON.parse(await readFile(INPUTS, 'utf8'));
    await stat(BUNDLE);
    const checks = await Promise.all(
      Object.entries(inputs).map(async ([path, [size, mtimeMs]]) => {
        const [s, m] = await fingerprint(join(ROOT, path));
        return s === size && m === mtimeMs;
      }),
    );
    return checks.length > 0 && checks.every(Boolean);
  } catch {
    return false;
  }
}

async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const tag = `${process.pid}-${Date.now()}`;
  const out = join(OUT_DIR, `tmp-${tag}`);
  try {
    await mkdir(OUT_DIR, { recursive: true });
    const result = await esbuild.build({
      entryPoints: { 'tbk-gen': ENTRY },
      outdir: out,
      // Chunks keep the commands' lazy loading: `--help` must not load ts-morph or prettier.
      splitting: true,
      chunkNames: 'chunk-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
      banner: {
        js: '// Built by generator/bin/cli-bundle.js from generator/src. Not committed; rebuilt when a source changes.',
      },
    });
    const inputs = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const absolute = resolve(process.cwd(), input);
      inputs[relative(ROOT, absolute).split('\\').join('/')] = await fingerprint(absolute);
    }
    const inputsTemp = `${INPUTS}.${tag}.tmp`;
    await writeFile(inputsTemp, JSON.stringify(inputs));
    // Chunks are named by content hash, so old and new ones can sit side by side: chunks first,
    // then the entry, then its inputs — a reader that sees the new inputs.json finds it all.
    const names = (await readdir(out)).sort((a, b) => Number(a === 'tbk-gen.js') - Number(b === 'tbk-gen.js'));
    for (const name of names) await rename(join(out, name), join(OUT_DIR, name));
    await rm(out, { recursive: true, force: true });
    await rename(inputsTemp, INPUTS);
    await removeOldChunks(new Set(names));
    return true;
  } catch {
    await rm(out, { recursive: true, force: true }).catch(() => {});
    return false;
  }
}

/**
 * Chunks of earlier builds, once they are old enough that no run still started from them
 * could load one lazily.
 */
async function removeOldChunks(current) {
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of await readdir(OUT_DIR)) {
    if (!name.startsWith('chunk-') || current.has(name)) continue;
    const path = join(OUT_DIR, name);
    if ((await stat(path)).mtimeMs < cutoff) await rm(path, { force: true });
  }
}

/** URL of an up-to-date bundle, or undefined (no esbuild, or the sources do not build). */
export async function cliBundle() {
  if ((await isFresh()) || (await build())) return pathToFileURL(BUNDLE).href;
  return undefined;
}
