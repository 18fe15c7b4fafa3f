/**
 * `MethodFixture`s: the test data of each method (metadata, example params, the doc's samples,
 * accepted sample mismatches). The generated fixture modules declare exactly this data, and
 * `tbk-gen mock` serves it straight from a spec folder through `buildMethodFixtures`.
 */
import type { MethodFixture } from '../../../templates/runtime/metadata.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { MethodSpec } from '../spec/model.js';
import { readSpecFolder } from '../spec/spec-files.js';
import { buildMethodMeta } from './build-meta.js';
import { exampleParams } from './example-params.js';
import { SAMPLE_KINDS } from '../vocabulary/sample-kinds.js';

export function buildFixtureData(spec: MethodSpec, meta = buildMethodMeta(spec)): MethodFixture {
  const samples: MethodFixture['samples'] = {};
  for (const kind of SAMPLE_KINDS) {
    const text = spec.samples?.[kind];
    if (typeof text === 'string' && text.trim()) samples[kind] = text;
  }
  const fixture: MethodFixture = { meta, example: exampleParams(spec), samples };
  if (spec.accepted_mismatches?.length) {
    fixture.acceptedMismatches = spec.accepted_mismatches.map((m) => ({ path: m.path, reason: m.reason }));
  }
  return fixture;
}

/**
 * The fixtures of every method in a spec folder, sorted by method. Files that could not be
 * read are reported, not thrown; use `tbk-gen generate` for the full checks of the spec.
 */
export async function buildMethodFixtures(
  specDir: string,
): Promise<{ fixtures: MethodFixture[]; diagnostics: Diagnostic[] }> {
  const folder = await readSpecFolder(specDir);
  const fixtures = [...folder.methods.keys()].sort().map((method) => buildFixtureData(folder.methods.get(method)!));
  return { fixtures, diagnostics: folder.diagnostics };
}
