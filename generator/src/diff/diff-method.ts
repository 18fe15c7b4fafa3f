/**
 * All changes of one method present on both sides: its fields (request and response, struct
 * fields at their path), its auth, and its documentation.
 */
import type { MethodSpec } from '../spec/model.js';
import { classifyAdded, classifyChanged, classifyRemoved } from './classify-change.js';
import { classifyAuthChange } from './classify-auth.js';
import { diffMethodDocs } from './diff-method-docs.js';
import type { Change } from './diff-model.js';
import { ancestorsOf, flattenFields, type FlatField } from './flatten-fields.js';

/**
 * Whether a path's own change is already told by an ancestor: the ancestor was added or removed
 * as a whole, changed between struct and scalar, or is a struct whose fields one side does not
 * know (then comparing its children would report every field as added or removed).
 */
function coveredByAncestor(path: string, before: Map<string, FlatField>, after: Map<string, FlatField>): boolean {
  for (const up of ancestorsOf(path)) {
    const a = before.get(up);
    const b = after.get(up);
    if (!a || !b) return true;
    if (a.struct !== b.struct || a.opaque || b.opaque) return true;
  }
  return false;
}

function diffFields(before: Map<string, FlatField>, after: Map<string, FlatField>): Change[] {
  const out: Change[] = [];
  for (const [path, a] of before) {
    if (coveredByAncestor(path, before, after)) continue;
    const b = after.get(path);
    if (!b) out.push(classifyRemoved(a));
    else {
      out.push(...classifyChanged(a, b));
      if (a.struct && b.struct && a.opaque !== b.opaque) {
        const side = a.opaque ? 'old' : 'new';
        out.push({
          severity: 'docs',
          kind: 'fields-unknown',
          path,
          message: `fields of ${(a.opaque ? a : b).base} are not known on the ${side} side; not compared`,
        });
      }
    }
  }
  for (const [path, b] of after) {
    if (!before.has(path) && !coveredByAncestor(path, before, after)) out.push(classifyAdded(b));
  }
  return out;
}

/** `before`/`after`: the flattened fields, when the caller has them already. */
export function diffMethod(
  a: MethodSpec,
  b: MethodSpec,
  before = flattenFields(a),
  after = flattenFields(b),
): Change[] {
  const auth = classifyAuthChange(a.auth ?? 'unknown', b.auth ?? 'unknown');
  return [...(auth ? [auth] : []), ...diffFields(before, after), ...diffMethodDocs(a, b)];
}
