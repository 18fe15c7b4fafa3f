/**
 * The generated client's view of one side's method, for the diff: its IR (ir/build-ir.ts), which
 * knows the TypeScript type and the optionality of every field the client declares, so that
 * "breaking" follows the generated types (docs/diff.md "Classification").
 *
 * The diff accepts specs the generator rejects (a side of page sources is a fresh scrape, and
 * validation does not check everything the generator does, e.g. struct names that collide with a
 * method's exported names). For such a method the IR is not used: its fields are compared on the
 * spec alone, and a warning (TBK410) says so, beside the problems of loading a side.
 */
import { buildIrMethod } from '../ir/build-ir.js';
import type { IrMethod } from '../ir/model.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { MethodSpec } from '../spec/model.js';
import { DiffCode } from './diff-codes.js';

/**
 * The IR of `spec`, or undefined (with a TBK410 warning naming `side` and the generator's errors
 * added to `diagnostics`) when the generator reports an error for it.
 */
export function buildDiffIr(spec: MethodSpec, side: string, diagnostics: Diagnostic[]): IrMethod | undefined {
  const found: Diagnostic[] = [];
  // The spec text only gives line numbers to the IR's nodes; the diff names no lines.
  const ir = buildIrMethod(side, spec, '', found);
  const errors = found.filter((d) => d.level === 'error');
  if (ir && !errors.length) return ir;
  diagnostics.push({
    file: side,
    line: 0,
    level: 'warning',
    code: DiffCode.comparedWithoutIr,
    message:
      `${spec.method}: the generator rejects this side's spec of the method ` +
      `(${errors.map((d) => `${d.code} ${d.message}`).join('; ')}); ` +
      'its fields are compared on their TOP types, not on the generated TypeScript types',
  });
  return undefined;
}
