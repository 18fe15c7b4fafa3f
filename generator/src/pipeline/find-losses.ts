/**
 * No silent loss: before a scrape replaces a committed spec, every fact the committed file holds
 * and the new one does not — with nothing in its place — is named (docs/scrape.md "No silent
 * loss"). A truncated page, junk before a page or a scrape of a subset of the sources would
 * otherwise replace a good spec with a poorer one, exit 0, and `check` would then ask to commit it.
 *
 * The facts and their comparison are the diff's (diff/diff-method.ts), so "lost" means what a
 * reviewer of `tbk-gen diff` would see as removed: a param or field, a sample, an error code, or
 * a title, doc id, description, example, default or limits that had a value and has none now,
 * the fields of a struct that the new side no longer knows, and a known auth that became
 * unknown. A value that a source now states differently is a change, not a loss.
 */
import { diffMethod } from '../diff/diff-method.js';
import type { Change } from '../diff/diff-model.js';
import { flattenFields } from '../diff/flatten-fields.js';
import type { MethodSpec, SpecSource } from '../spec/model.js';

export interface Loss {
  method: string;
  /** Where in the method, as the diff writes it (`request.adzone_id`, `samples.json`, `title`). */
  path: string;
  /** One readable phrase: what is gone. */
  what: string;
}

const REMOVALS = new Set<Change['kind']>(['param-removed', 'field-removed', 'sample-removed', 'error-removed']);
const EMPTIED = new Set<Change['kind']>([
  'title-changed',
  'description-changed',
  'example-changed',
  'default-changed',
  'limits-changed',
  'doc-id-changed',
]);

function isLoss(change: Change, after: ReturnType<typeof flattenFields>): boolean {
  if (REMOVALS.has(change.kind)) return true;
  if (EMPTIED.has(change.kind)) return change.old !== undefined && change.new === undefined;
  if (change.kind === 'fields-unknown') return after.get(change.path)?.opaque === true;
  return change.kind.startsWith('auth-') && change.new === 'unknown' && change.old !== 'unknown';
}

function describe(change: Change): string {
  if (change.kind === 'fields-unknown') return 'the fields of its struct type';
  if (EMPTIED.has(change.kind)) return `its value ${JSON.stringify(change.old)}`;
  if (change.kind.startsWith('auth-')) return `auth ${change.old}`;
  return change.message;
}

/** The facts of `before` (the committed spec) that `after` (the new one) no longer holds. */
export function findLosses(before: MethodSpec, after: MethodSpec): Loss[] {
  const afterFields = flattenFields(after);
  const withAuth = { ...after, auth: after.auth ?? 'unknown' };
  return diffMethod({ ...before, auth: before.auth ?? 'unknown' }, withAuth, flattenFields(before), afterFields)
    .filter((change) => isLoss(change, afterFields))
    .map((change) => ({ method: before.method, path: change.path, what: describe(change) }));
}

/**
 * The sources of the committed spec that may have dropped the facts: those not among the new
 * spec's sources with the same bytes, each with why (changed, no longer has the method's page,
 * not read in this run). Empty when every source is as it was (then the reader takes less).
 */
export function suspectSources(
  before: readonly SpecSource[],
  after: readonly SpecSource[],
  readNow: ReadonlySet<string>,
): string[] {
  const now = new Map(after.map((s) => [s.file, s.sha256]));
  return before
    .filter((s) => now.get(s.file) !== s.sha256)
    .map((s) => {
      if (now.has(s.file)) return `${s.file} (changed)`;
      return readNow.has(s.file)
        ? `${s.file} (no longer holds this method's page)`
        : `${s.file} (not read in this run)`;
    });
}
