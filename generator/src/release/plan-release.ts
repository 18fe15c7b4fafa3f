/**
 * What `tbk-gen release` would do, decided before anything is written: the previous release
 * (release-base.ts), the diff of the spec since then (the diff module, unchanged), the bump that
 * diff requires (release-bump.ts) against the one asked for, the new version, its tag and its
 * history entry. A refusal is data too (`refused`), with the exit status and the reason.
 */
import { diffSpecs } from '../diff/diff-specs.js';
import type { DiffReport } from '../diff/diff-model.js';
import { findRepository } from '../diff/git-spec.js';
import { loadSide } from '../diff/load-side.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { PackageIdentity } from '../spec/package-identity.js';
import { bumpVersion, formatVersion, parseVersion, type VersionBump } from '../spec/package-version.js';
import type { ReleaseEntry } from '../spec/release-history.js';
import { tagExists, uncommittedPaths } from './git-state.js';
import { findReleaseBase, ReleaseBaseError, releaseTag, type ReleaseBase } from './release-base.js';
import { bumpCovers, bumpReason, requiredBump, type RequiredBump } from './release-bump.js';
import { buildReleaseEntry } from './release-entry.js';
import { ReleaseCode, type ReleaseCodeValue } from './release-codes.js';

export type BumpRequest = VersionBump | 'auto';

export interface ReleasePlan {
  top: string;
  from: string;
  to: string;
  bump: VersionBump;
  required: RequiredBump;
  /** Why `required`, in words. */
  reason: string;
  base: ReleaseBase;
  report: DiffReport;
  entry: ReleaseEntry;
  tag: string;
}

export interface Refusal {
  refused: { exit: 1 | 2; code: string; message: string; diagnostics?: Diagnostic[] };
}

export interface PlanOptions {
  cwd: string;
  specDir: string;
  identityFile: string;
  identity: PackageIdentity;
  bump: BumpRequest;
  /** YYYY-MM-DD of the release. */
  date: string;
}

const refuse = (exit: 1 | 2, code: ReleaseCodeValue, message: string, diagnostics?: Diagnostic[]): Refusal => ({
  refused: { exit, code, message, ...(diagnostics ? { diagnostics } : {}) },
});

export async function planRelease(options: PlanOptions): Promise<ReleasePlan | Refusal> {
  const { identity } = options;
  const top = await findRepository(options.cwd);
  if (!top)
    return refuse(
      2,
      ReleaseCode.noRepositoryOrIdentity,
      'not inside a git repository (or git is not installed): a release is compared with the previous one in git',
    );
  const dirty = await uncommittedPaths(top);
  if (dirty.length) {
    const shown = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '');
    return refuse(
      1,
      ReleaseCode.uncommittedChanges,
      `the work tree has uncommitted changes (${shown}): commit or stash them first, so the release is reviewed as a change of its own`,
    );
  }
  let base: ReleaseBase;
  try {
    base = await findReleaseBase(top, options.identityFile, identity.name, identity.version);
  } catch (e) {
    if (e instanceof ReleaseBaseError) return refuse(2, ReleaseCode.baseUnreadable, e.message);
    throw e;
  }
  const load = { cwd: options.cwd, specDir: options.specDir };
  const [before, after] = await Promise.all([
    loadSide(`git:${base.commit}`, load),
    loadSide(`spec:${options.specDir}`, load),
  ]);
  if (!before.side || !after.side) {
    return refuse(2, ReleaseCode.baseUnreadable, `cannot compare the spec with ${base.label}`, [
      ...before.diagnostics,
      ...after.diagnostics,
    ]);
  }
  const report = diffSpecs(before.side, after.side);
  const from = parseVersion(identity.version)!;
  const required = requiredBump(report.bump, from);
  const reason = `${bumpReason(report.bump, from)} (since ${base.label}: ${report.summary.breaking} breaking, ${report.summary.compatible} compatible, ${report.summary.docs} docs only)`;
  if (options.bump === 'auto' && required === 'none') {
    return refuse(
      1,
      ReleaseCode.nothingChanged,
      `nothing to release: the spec has not changed since ${base.label}; name a bump (patch, minor, major) to release anyway`,
    );
  }
  const bump = options.bump === 'auto' ? (required as VersionBump) : options.bump;
  if (!bumpCovers(bump, required)) {
    return refuse(
      1,
      ReleaseCode.bumpTooSmall,
      `a ${bump} bump is too small: ${reason}. Run \`tbk-gen release ${required}\` (or \`auto\`)`,
    );
  }
  const to = formatVersion(bumpVersion(from, bump));
  const tag = releaseTag(identity.name, to);
  if (await tagExists(top, tag))
    return refuse(
      1,
      ReleaseCode.tagExists,
      `the tag ${tag} already exists: ${to} was released before; check the version in ${options.identityFile}`,
    );
  const entry = buildReleaseEntry(report, {
    version: to,
    previous: identity.version,
    date: options.date,
    comparedWith: base.label,
  });
  return { top, from: identity.version, to, bump, required, reason, base, report, entry, tag };
}
