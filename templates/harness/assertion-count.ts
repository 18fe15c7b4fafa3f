/**
 * Assertion counting across the generated tests. Each harness test stores the number of
 * assertions it made in its task meta (`meta.assertions`, shown by vitest's JSON reporter), so
 * `vitest run --reporter=json generated/test` can be summed; the running total of this test
 * file is `harnessAssertions()`.
 */
import { expect, type TaskMeta } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Assertions made by a harness test. */
    assertions?: number;
  }
}

let total = 0;

/** Records the assertions of the current test; call as its last statement. */
export function countAssertions(meta: TaskMeta): void {
  const made = expect.getState().assertionCalls;
  meta.assertions = made;
  total += made;
}

/** Assertions made so far by the harness tests of this test file. */
export function harnessAssertions(): number {
  return total;
}
