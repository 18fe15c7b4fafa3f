/**
 * `MethodFixture`s: the test data of each method (metadata, example params, the doc's samples,
 * accepted sample mismatches), a projection of the IR (ir/model.ts). The generated fixture
 * modules declare exactly this data, and `tbk-gen mock` serves it from the IR of a spec folder
 * (read-ir.ts).
 */
import type { MethodFixture, MethodMeta } from '../../../templates/runtime/metadata.js';
import { exampleParams, type ExampleSource } from './example-params.js';
import type { IrMethod } from './model.js';

/** What the fixture is projected from, besides the metadata. */
export type FixtureSource = ExampleSource & Pick<IrMethod, 'samples' | 'acceptedMismatches'>;

/** The method's fixture, around its metadata (built from the same IR, build-meta.ts). */
export function buildFixtureData(m: FixtureSource, meta: MethodMeta): MethodFixture {
  const fixture: MethodFixture = { meta, example: exampleParams(m), samples: { ...m.samples } };
  if (m.acceptedMismatches?.length) {
    fixture.acceptedMismatches = m.acceptedMismatches.map((a) => ({ path: a.path, reason: a.reason }));
  }
  return fixture;
}
