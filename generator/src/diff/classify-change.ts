/**
 * The classification rules for one request param or response field (at any depth), as seen by a
 * user of the generated client — on the IR's facts of the field (flatten-fields.ts), so that
 * "breaking" follows the generated TypeScript types:
 *
 * - breaking: a param added as required, optional → required, a param removed, the generated
 *   TypeScript type changed (list ↔ scalar included), a response field removed;
 * - compatible: an optional param added, a response field added, required → optional;
 * - docs: the TOP type changed while the TypeScript type stayed the same (`Price` → `BigDecimal`,
 *   a response `String` → `Date`), description, example, default, limits, and whether the field
 *   was learned from a sample.
 *
 * A method whose spec the generator rejects has no IR: its types compare as TOP text, as
 * written. Fields learned from a response sample (`inferred: true`) count like table fields,
 * because the generated types declare them too; their changes carry `inferred: true` so a
 * reviewer can tell evidence from a sample apart from evidence from a table.
 */
import type { Change } from './diff-model.js';
import type { FlatField } from './flatten-fields.js';

/** Required in the generated params type (response fields are all optional). */
function isRequired(f: FlatField): boolean {
  return !f.optional;
}

function inferredFlag(...fields: (FlatField | undefined)[]): { inferred?: true } {
  return fields.some((f) => f?.field.inferred) ? { inferred: true } : {};
}

function noun(f: FlatField): string {
  return f.section === 'request' ? 'param' : 'response field';
}

export function classifyAdded(f: FlatField): Change {
  const flag = inferredFlag(f);
  if (f.section === 'response') {
    return {
      severity: 'compatible',
      kind: 'field-added',
      path: f.path,
      new: f.type,
      ...flag,
      message: `response field added (${f.type})`,
    };
  }
  return isRequired(f)
    ? {
        severity: 'breaking',
        kind: 'param-added-required',
        path: f.path,
        new: f.type,
        ...flag,
        message: `required param added (${f.type})`,
      }
    : {
        severity: 'compatible',
        kind: 'param-added-optional',
        path: f.path,
        new: f.type,
        ...flag,
        message: `optional param added (${f.type})`,
      };
}

export function classifyRemoved(f: FlatField): Change {
  const flag = inferredFlag(f);
  return f.section === 'response'
    ? {
        severity: 'breaking',
        kind: 'field-removed',
        path: f.path,
        old: f.type,
        ...flag,
        message: `response field removed (was ${f.type})`,
      }
    : {
        severity: 'breaking',
        kind: 'param-removed',
        path: f.path,
        old: f.type,
        ...flag,
        message: `param removed (was ${f.type})`,
      };
}

/**
 * Whether the generated TypeScript type changed; on the TOP type text when a side has no IR.
 * Without a TOP change the TypeScript type can still change: a struct that becomes used both
 * ways is generated as `FooInput` on the request side.
 */
function typeChanged(a: FlatField, b: FlatField): boolean {
  return a.tsType !== undefined && b.tsType !== undefined ? a.tsType !== b.tsType : a.type !== b.type;
}

function describeTypeChange(a: FlatField, b: FlatField): string {
  if (a.type === b.type) return `${noun(a)} TypeScript type changed ${a.tsType} → ${b.tsType}`;
  if (a.list !== b.list)
    return `${noun(a)} type changed ${a.type} → ${b.type} (${a.list ? 'list → single value' : 'single value → list'})`;
  if (a.struct && b.struct) return `${noun(a)} struct type renamed ${a.type} → ${b.type}`;
  return `${noun(a)} type changed ${a.type} → ${b.type}`;
}

const DOC_ATTRIBUTES = [
  ['description', 'description-changed'],
  ['example', 'example-changed'],
  ['default', 'default-changed'],
] as const;

function limitsText(f: FlatField): string | undefined {
  const l = f.field.limits;
  if (!l) return undefined;
  const parts = Object.entries(l)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** Changes of a field present on both sides. */
export function classifyChanged(a: FlatField, b: FlatField): Change[] {
  const out: Change[] = [];
  const flag = inferredFlag(a, b);
  const path = b.path;
  if (typeChanged(a, b)) {
    // Both sides have a TypeScript type when only it changed (typeChanged).
    const [before, after] = a.type === b.type ? [a.tsType!, b.tsType!] : [a.type, b.type];
    out.push({
      severity: 'breaking',
      kind: 'type-changed',
      path,
      old: before,
      new: after,
      ...flag,
      message: describeTypeChange(a, b),
    });
  } else if (a.type !== b.type) {
    out.push({
      severity: 'docs',
      kind: 'top-type-changed',
      path,
      old: a.type,
      new: b.type,
      ...flag,
      message: `${noun(a)} TOP type changed ${a.type} → ${b.type} (TypeScript type ${b.tsType} unchanged)`,
    });
  }
  if (a.section === 'request' && isRequired(a) !== isRequired(b)) {
    out.push(
      isRequired(b)
        ? {
            severity: 'breaking',
            kind: 'param-now-required',
            path,
            old: 'optional',
            new: 'required',
            ...flag,
            message: 'param changed optional → required',
          }
        : {
            severity: 'compatible',
            kind: 'param-now-optional',
            path,
            old: 'required',
            new: 'optional',
            ...flag,
            message: 'param changed required → optional',
          },
    );
  }
  for (const [key, kind] of DOC_ATTRIBUTES) {
    const before = a.field[key];
    const after = b.field[key];
    if ((before ?? '') !== (after ?? ''))
      out.push({
        severity: 'docs',
        kind,
        path,
        ...values(before, after),
        ...flag,
        message: `${key} ${verb(before, after)}`,
      });
  }
  const [la, lb] = [limitsText(a), limitsText(b)];
  if ((la ?? '') !== (lb ?? ''))
    out.push({
      severity: 'docs',
      kind: 'limits-changed',
      path,
      ...values(la, lb),
      ...flag,
      message: `limits ${verb(la, lb)}`,
    });
  if (Boolean(a.field.inferred) !== Boolean(b.field.inferred)) {
    out.push({
      severity: 'docs',
      kind: 'provenance-changed',
      path,
      old: a.field.inferred ? 'sample' : 'table',
      new: b.field.inferred ? 'sample' : 'table',
      inferred: true,
      message: b.field.inferred
        ? 'now known only from a response sample (was in a table)'
        : 'now declared in a table (was learned from a sample)',
    });
  }
  return out;
}

export function values(before: string | undefined, after: string | undefined): { old?: string; new?: string } {
  const out: { old?: string; new?: string } = {};
  if (before !== undefined && before !== '') out.old = before;
  if (after !== undefined && after !== '') out.new = after;
  return out;
}

export function verb(before: string | undefined, after: string | undefined): string {
  if (!before) return 'added';
  if (!after) return 'removed';
  return 'changed';
}
