/**
 * The release a new one is compared with. It is the version `spec/package.yaml` records now:
 * - its tag `<name>@<version>` when the repository has it (the commit that was published);
 * - else the commit that set that version in `spec/package.yaml`: the oldest of the newest run
 *   of commits whose identity file holds that version (a release commit, or the commit that
 *   first wrote the file). A forgotten or unfetched tag then loses none of the changes since.
 * The spec of that commit is what `tbk-gen diff` reads for a git side.
 */
import { posix, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { runGit } from '../diff/git-spec.js';

export interface ReleaseBase {
  commit: string;
  kind: 'tag' | 'version-commit';
  /** For messages and the changelog: `tbk-client@0.1.0`, or `commit 0a1b2c3d4e5f, where spec/package.yaml set 0.1.0`. */
  label: string;
}

export function releaseTag(name: string, version: string): string {
  return `${name}@${version}`;
}

export class ReleaseBaseError extends Error {}

async function versionAt(top: string, commit: string, path: string): Promise<string | undefined> {
  const shown = await runGit(top, ['show', `${commit}:${path}`]);
  if (shown.status !== 0) return undefined;
  try {
    const value = parse(shown.stdout.toString('utf8')) as { version?: unknown } | null;
    return typeof value?.version === 'string' ? value.version : undefined;
  } catch {
    return undefined;
  }
}

export async function findReleaseBase(
  top: string,
  identityFile: string,
  name: string,
  version: string,
): Promise<ReleaseBase> {
  const tag = releaseTag(name, version);
  const tagged = await runGit(top, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  if (tagged.status === 0) return { commit: tagged.stdout.toString('utf8').trim(), kind: 'tag', label: tag };

  const path = relative(top, resolve(identityFile)).split(sep).join(posix.sep);
  const log = await runGit(top, ['log', '--format=%H', 'HEAD', '--', path]);
  if (log.status !== 0) throw new ReleaseBaseError(`git log failed: ${log.stderr}`);
  let base: string | undefined;
  for (const commit of log.stdout.toString('utf8').split('\n').filter(Boolean)) {
    if ((await versionAt(top, commit, path)) !== version) break;
    base = commit;
  }
  if (!base)
    throw new ReleaseBaseError(
      `no tag ${tag}, and no commit holds ${path} with version ${version}: commit the file first`,
    );
  return { commit: base, kind: 'version-commit', label: `commit ${base.slice(0, 12)}, where ${path} set ${version}` };
}
