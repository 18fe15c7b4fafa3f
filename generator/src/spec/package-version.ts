/**
 * Package versions: MAJOR.MINOR.PATCH, the only form `spec/package.yaml` accepts (no
 * pre-release or build suffix: a release is cut from a reviewed spec, never a preview), and
 * the three bumps of semver.
 */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export type VersionBump = 'major' | 'minor' | 'patch';

/** Digits without leading zeros, as semver requires. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return [major, minor, patch].every(Number.isSafeInteger) ? { major, minor, patch } : undefined;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function bumpVersion(v: Version, bump: VersionBump): Version {
  if (bump === 'major') return { major: v.major + 1, minor: 0, patch: 0 };
  if (bump === 'minor') return { major: v.major, minor: v.minor + 1, patch: 0 };
  return { major: v.major, minor: v.minor, patch: v.patch + 1 };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
