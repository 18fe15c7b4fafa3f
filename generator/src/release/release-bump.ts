/**
 * The bump a release needs, from the bump the diff suggests (diff/semver-bump.ts: major for a
 * breaking change, minor for compatible additions, patch for documentation) and the version
 * being released from. semver's 0.x convention: below 1.0.0 the minor number is the one that
 * tells breaking releases apart (npm's `^0.2.3` takes 0.2.x only), so there a breaking change
 * needs a minor bump and everything else a patch; from 1.0.0 on the diff's bump applies as it is.
 */
import type { Bump } from '../diff/diff-model.js';
import type { Version, VersionBump } from '../spec/package-version.js';

export type RequiredBump = VersionBump | 'none';

const RANK: Record<RequiredBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function requiredBump(diffBump: Bump, from: Version): RequiredBump {
  if (from.major > 0 || diffBump === 'none' || diffBump === 'patch') return diffBump;
  return diffBump === 'major' ? 'minor' : 'patch';
}

/** True when `bump` is at least `required`. */
export function bumpCovers(bump: VersionBump, required: RequiredBump): boolean {
  return RANK[bump] >= RANK[required];
}

/** Why a bump is required, in words, for the release messages. */
export function bumpReason(diffBump: Bump, from: Version): string {
  if (diffBump === 'none') return 'the spec did not change';
  const what = { major: 'breaking changes', minor: 'compatible additions', patch: 'documentation changes' }[diffBump];
  const needs = requiredBump(diffBump, from);
  if (from.major === 0 && needs !== diffBump)
    return `${what} need a ${needs} bump below 1.0.0 (a ${diffBump} bump from 1.0.0 on)`;
  return `${what} need a ${needs} bump`;
}
