/**
 * The files one unit of the package produces: its emitted files in final form and, for each
 * source under `src/`, the four dist files (esbuild's ESM and CommonJS JavaScript, and the
 * declarations beside each). Generated modules print their own declarations; template copies
 * take theirs from template-declarations.ts, and one that is not isolated-declarations clean
 * goes through build-dist.ts's fallback program (TBK320).
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import type { DistSource } from '../dist/build-dist.js';
import type { DeclareOutcome } from '../print/worker-pool.js';
import type { PackageUnit, UnitFile } from './package-units.js';
import type { TemplateDeclarations } from './template-declarations.js';

export const isSource = (path: string): boolean => path.startsWith('src/') && path.endsWith('.ts');

function distSource(file: UnitFile): DistSource {
  return {
    path: file.path,
    source: file.source,
    from: file.from,
    ...(file.declaration !== undefined ? { declaration: file.declaration } : {}),
  };
}

const buildDist = (): Promise<typeof import('../dist/build-dist.js')> => import('../dist/build-dist.js');

/** Every file of the units, emitted and compiled; declarations of template copies from `declarations`. */
export async function unitOutputs(
  units: readonly PackageUnit[],
  declarations: TemplateDeclarations,
  outDir: string,
  diagnostics: Diagnostic[],
): Promise<[string, string][]> {
  const { buildJs, buildDeclarations } = await buildDist();
  const emitted = (await Promise.all(units.map((u) => u.emit()))).flat();
  const sources = emitted.filter((f) => isSource(f.path)).map(distSource);
  const js = Promise.all(sources.map(buildJs));
  const declared = new Map<string, DeclareOutcome>();
  const pending = sources
    .filter((s) => s.declaration === undefined)
    .map(async (s) => declared.set(s.path, await declarations.declare(s.path, s.source)));
  // The main thread takes its share of declarations still queued (all of them without workers).
  if (pending.length) await Promise.all([...pending, declarations.drain()]);
  const dist = buildDeclarations(sources, resolve(outDir), declared);
  diagnostics.push(...dist.diagnostics);
  return [...emitted.map((f): [string, string] => [f.path, f.source]), ...(await js).flat(), ...dist.files];
}
