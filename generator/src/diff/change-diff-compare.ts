/**
 * The doc site keeps its own record of a method's last change (getDocument.json `changeDiff`,
 * spec `change_diff`): `{ gmt_modified, input: ['[+] fields'], output: ['[+] data->x->y'] }`,
 * e.g. doc record taobao.tbk.dg.general.link.parse. The report prints it beside our own diff:
 * each site entry is confirmed by our diff, already true on the old side (the record is older
 * than the old side: the markdown dump already has `fields`, which the record of 2024-12-12
 * lists as added), uncheckable (below a struct one side does not expand), or a disagreement.
 * When the record is known to be newer than the old side, the paths our diff adds or removes
 * that the site does not list are disagreements too. A record the old side already carried
 * unchanged describes an older change: nothing to check.
 */
import type { MethodSpec } from '../spec/model.js';
import type { Change, ChangeDiffCheck } from './diff-model.js';
import { ancestorsOf, type FlatField } from './flatten-fields.js';

interface SignedPath {
  sign: '+' | '-';
  path: string;
}

/** `[+] data->x->y` of the output list → `{ sign: '+', path: 'response.data.x.y' }`. */
export function parseSiteEntry(entry: string, section: 'request' | 'response'): SignedPath | undefined {
  const m = /^\[([+-])\]\s*(.+)$/.exec(entry.trim());
  if (!m) return undefined;
  const path = m[2]!
    .split('->')
    .map((p) => p.trim())
    .join('.');
  return { sign: m[1] as '+' | '-', path: `${section}.${path}` };
}

function ourSignedPaths(changes: readonly Change[]): SignedPath[] {
  const out: SignedPath[] = [];
  for (const c of changes) {
    if (c.kind === 'param-added-required' || c.kind === 'param-added-optional' || c.kind === 'field-added')
      out.push({ sign: '+', path: c.path });
    if (c.kind === 'param-removed' || c.kind === 'field-removed') out.push({ sign: '-', path: c.path });
  }
  return out;
}

/** Same sign, and one path is the other or lies inside it (a whole struct added at once). */
function covers(a: SignedPath, b: SignedPath): boolean {
  return a.sign === b.sign && (a.path === b.path || a.path.startsWith(`${b.path}.`) || b.path.startsWith(`${a.path}.`));
}

const show = (e: SignedPath) => `[${e.sign}] ${e.path}`;

export interface ChangeDiffInput {
  old: MethodSpec;
  new: MethodSpec;
  changes: readonly Change[];
  before: Map<string, FlatField>;
  after: Map<string, FlatField>;
  /** Epoch ms of the old side, when known (commit time of a git revision). */
  oldTime?: number;
}

export function compareChangeDiff(input: ChangeDiffInput): ChangeDiffCheck | undefined {
  const record = input.new.change_diff;
  if (!record) return undefined;
  const previous = input.old.change_diff;
  if (previous && previous.gmt_modified >= record.gmt_modified) return undefined;
  const oldTimes = [previous?.gmt_modified, input.oldTime].filter((t): t is number => t !== undefined);
  const newerThanOld = oldTimes.length > 0 && oldTimes.every((t) => t < record.gmt_modified);
  const site = [
    ...(record.input ?? []).map((e) => parseSiteEntry(e, 'request')),
    ...(record.output ?? []).map((e) => parseSiteEntry(e, 'response')),
  ].filter((e): e is SignedPath => e !== undefined);
  const ours = ourSignedPaths(input.changes);
  const check: ChangeDiffCheck = {
    gmtModified: record.gmt_modified,
    input: [...(record.input ?? [])],
    output: [...(record.output ?? [])],
    newerThanOld,
    confirmed: [],
    alreadyOnOldSide: [],
    uncheckable: [],
    missingFromDiff: [],
    missingFromSite: [],
  };
  const opaqueAbove = (path: string) =>
    ancestorsOf(path).some((up) => input.before.get(up)?.opaque || input.after.get(up)?.opaque);
  for (const entry of site) {
    // The state the entry describes: after `[+]` the path exists, after `[-]` it does not.
    const holds = (fields: Map<string, FlatField>) => fields.has(entry.path) === (entry.sign === '+');
    if (ours.some((o) => covers(o, entry))) check.confirmed.push(show(entry));
    else if (opaqueAbove(entry.path)) check.uncheckable.push(show(entry));
    else if (holds(input.before) && holds(input.after) && !newerThanOld) check.alreadyOnOldSide.push(show(entry));
    else check.missingFromDiff.push(show(entry));
  }
  if (newerThanOld) check.missingFromSite = ours.filter((o) => !site.some((s) => covers(o, s))).map(show);
  return check;
}
