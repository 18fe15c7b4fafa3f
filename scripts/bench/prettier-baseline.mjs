/**
 * The same-run baseline of the cold `gen`: prettier alone, in a fresh process on one thread,
 * formatting what a cold `gen` formats (the package's emitted files: not dist/, not the
 * template copies) with the generator's options. `node prettier-baseline.mjs <package folder>`
 * prints `BASELINE <ms> <files>`; the time includes loading prettier, not Node's start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const started = performance.now();
const prettier = await import('prettier');
const options = JSON.parse(readFileSync(new URL('../../.prettierrc.json', import.meta.url), 'utf8'));
const PARSERS = { '.ts': 'babel-ts', '.md': 'markdown', '.json': 'json' };
const root = process.argv[2];
/** Copies of templates/ (runtime, testing except the generated entry, the test harness). */
const copied = (path) => /^src\/runtime\//.test(path) || /^test\/harness\//.test(path) || (/^src\/testing\//.test(path) && path !== 'src/testing/index.ts');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') yield* files(path);
    } else yield path;
  }
}

let count = 0;
for (const file of files(root)) {
  const path = relative(root, file);
  const parser = PARSERS[/\.[a-z]+$/.exec(path)?.[0] ?? ''];
  if (!parser || copied(path) || path === 'MANIFEST.json') continue;
  await prettier.format(readFileSync(file, 'utf8'), { ...options, parser });
  count++;
}
console.log(`BASELINE ${Math.round(performance.now() - started)} ${count}`);
