/**
 * Applies `spec/overrides/<method>.yaml` (override-file.ts) to freshly normalised specs.
 * Every entry that changes the spec gives a TBK234 notice naming the change; the spec records
 * `override: <file>`. An entry that no longer changes anything (the doc was fixed, or the
 * normaliser learned the rule) is a TBK232 warning so that it gets deleted; an entry whose
 * target is gone is a TBK231 warning.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../report/diagnostic.js';
import type { MethodSpec, SpecField } from '../spec/model.js';
import type { AcceptEntry, AddEntry, Override, RemoveEntry, SetEntry } from './override-file.js';
import { CODES } from './normaliser-codes.js';

const TOP_KEYS = new Set(['title', 'description', 'doc_id', 'auth']);
const FIELD_PROPS = new Set(['type', 'required', 'example', 'default', 'description', 'inferred', 'limits']);

interface FieldTarget {
  list: SpecField[];
  index: number;
  /** Property path inside the field (`type`, `limits.max_length`); empty for the field itself. */
  rest: string[];
}

/** The field named by `request.x…`, `response.x…` or `types.T.x…`, if the spec has it. */
function findField(spec: MethodSpec, path: string): FieldTarget | undefined {
  const parts = path.split('.');
  let list: SpecField[] | undefined;
  let at: number;
  if (parts[0] === 'request' || parts[0] === 'response') {
    list = spec[parts[0]];
    at = 1;
  } else if (parts[0] === 'types' && parts.length >= 3) {
    list = spec.types[parts[1]!];
    at = 2;
  } else return undefined;
  const index = list?.findIndex((f) => f.name === parts[at]) ?? -1;
  return list && index >= 0 ? { list, index, rest: parts.slice(at + 1) } : undefined;
}

const show = (value: unknown) =>
  value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

export function applyOverride(input: MethodSpec, override: Override): { spec: MethodSpec; diagnostics: Diagnostic[] } {
  const spec = structuredClone(input);
  const diagnostics: Diagnostic[] = [];
  let changed = 0;
  const report: Report = (entry, code, message) => {
    const level = code === CODES.overrideApplied ? 'notice' : 'warning';
    diagnostics.push({ file: override.file, line: entry.line, level, code, message });
    if (code === CODES.overrideApplied) changed++;
  };
  const unchanged = (entry: { line: number }, what: string) =>
    report(entry, CODES.overrideNoLongerNeeded, `override no longer changes anything (${what}); delete it`);

  for (const entry of override.set) applySet(spec, entry, report, unchanged);
  for (const entry of override.remove) applyRemove(spec, entry, report, unchanged);
  for (const entry of override.add) applyAdd(spec, entry, report, unchanged);
  for (const entry of override.accept_mismatch) applyAccept(spec, entry, report, unchanged);
  if (changed) spec.override = override.recordAs ?? override.file;
  return { spec, diagnostics };
}

/** The codes an override entry reports: gone target, no longer needed, applied. */
type EntryCode = typeof CODES.overrideTargetGone | typeof CODES.overrideNoLongerNeeded | typeof CODES.overrideApplied;
type Report = (entry: { line: number }, code: EntryCode, message: string) => void;
type Unchanged = (entry: { line: number }, what: string) => void;

function applySet(spec: MethodSpec, entry: SetEntry, report: Report, unchanged: Unchanged): void {
  const parts = entry.path.split('.');
  let holder: Record<string, unknown>;
  let key: string;
  if (parts.length === 1 && TOP_KEYS.has(parts[0]!)) {
    holder = spec as unknown as Record<string, unknown>;
    key = parts[0]!;
  } else if (parts.length === 2 && parts[0] === 'samples') {
    holder = spec.samples;
    key = parts[1]!;
  } else {
    const target = findField(spec, entry.path);
    const prop = target?.rest[0];
    if (!target || !prop || !FIELD_PROPS.has(prop) || target.rest.length > (prop === 'limits' ? 2 : 1)) {
      report(
        entry,
        CODES.overrideTargetGone,
        `override targets ${entry.path}, which the spec does not have; it no longer applies`,
      );
      return;
    }
    const field = target.list[target.index]! as unknown as Record<string, unknown>;
    if (target.rest.length === 2) {
      field.limits ??= {};
      holder = field.limits as Record<string, unknown>;
      key = target.rest[1]!;
    } else {
      holder = field;
      key = prop;
    }
  }
  const before = holder[key];
  const after = entry.value === null ? undefined : entry.value;
  if (isDeepStrictEqual(before, after)) return unchanged(entry, `${entry.path} is already ${show(before)}`);
  if (after === undefined) delete holder[key];
  else holder[key] = after;
  report(entry, CODES.overrideApplied, `override: ${entry.path} ${show(before)} → ${show(after)}`);
}

function applyRemove(spec: MethodSpec, entry: RemoveEntry, report: Report, unchanged: Unchanged): void {
  const parts = entry.path.split('.');
  if (parts.length === 2 && parts[0] === 'types') {
    if (!(parts[1]! in spec.types)) return unchanged(entry, `type ${parts[1]} is not in the spec`);
    delete spec.types[parts[1]!];
    return report(entry, CODES.overrideApplied, `override: removed ${entry.path}`);
  }
  const target = findField(spec, entry.path);
  if (!target || target.rest.length) return unchanged(entry, `${entry.path} is not in the spec`);
  target.list.splice(target.index, 1);
  report(entry, CODES.overrideApplied, `override: removed ${entry.path}`);
}

function applyAdd(spec: MethodSpec, entry: AddEntry, report: Report, unchanged: Unchanged): void {
  let list: SpecField[];
  if (entry.to === 'request' || entry.to === 'response') list = spec[entry.to];
  else list = spec.types[entry.to.slice('types.'.length)] ??= [];
  const existing = list.find((f) => f.name === entry.field.name);
  if (existing) {
    if (isDeepStrictEqual(existing, entry.field))
      return unchanged(entry, `${entry.to}.${entry.field.name} is already there`);
    return report(
      entry,
      CODES.overrideTargetGone,
      `override adds ${entry.to}.${entry.field.name}, which the spec already has with other values; use \`set\``,
    );
  }
  let at = list.length;
  if (entry.after !== undefined) {
    const index = list.findIndex((f) => f.name === entry.after);
    if (index < 0)
      report(
        entry,
        CODES.overrideTargetGone,
        `override adds after ${entry.to}.${entry.after}, which the spec does not have; added at the end`,
      );
    else at = index + 1;
  }
  list.splice(at, 0, { ...entry.field });
  report(entry, CODES.overrideApplied, `override: added ${entry.to}.${entry.field.name}`);
}

function applyAccept(spec: MethodSpec, entry: AcceptEntry, report: Report, unchanged: Unchanged): void {
  if (!findField(spec, entry.path))
    return report(
      entry,
      CODES.overrideTargetGone,
      `override accepts a mismatch at ${entry.path}, which the spec does not have`,
    );
  const list = (spec.accepted_mismatches ??= []);
  if (list.some((m) => m.path === entry.path))
    return unchanged(entry, `a mismatch at ${entry.path} is already accepted`);
  list.push({ path: entry.path, reason: entry.reason.trim() });
  report(entry, CODES.overrideApplied, `override: accepted the sample mismatch at ${entry.path}`);
}

/**
 * Apply every override to its method's spec. An override for a method no source produced and
 * no spec file holds (`known`) is a TBK233 warning; one for a method on disk but not scraped
 * this time waits for that method's next scrape.
 */
export function applyOverrides(
  specs: readonly MethodSpec[],
  overrides: ReadonlyMap<string, Override>,
  known: ReadonlySet<string> = new Set(),
): { specs: MethodSpec[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byMethod = new Map(specs.map((s) => [s.method, s]));
  const out = specs.map((spec) => {
    const override = overrides.get(spec.method);
    if (!override) return spec;
    const applied = applyOverride(spec, override);
    diagnostics.push(...applied.diagnostics);
    return applied.spec;
  });
  for (const [method, override] of [...overrides].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!byMethod.has(method) && !known.has(method)) {
      diagnostics.push({
        file: override.file,
        line: 1,
        level: 'warning',
        code: CODES.overrideUnknownMethod,
        message: `override for ${method}, which no source documents and no spec holds`,
      });
    }
  }
  return { specs: out, diagnostics };
}
