/**
 * What `tbk-gen release` asks git before it writes anything: whether the work tree is clean (a
 * release is reviewed as one change of its own, so it refuses to mix with uncommitted work) and
 * whether a tag already exists.
 */
import { runGit } from '../diff/git-spec.js';

/** Paths with uncommitted changes, untracked files included (ignored files are not). */
export async function uncommittedPaths(top: string): Promise<string[]> {
  const status = await runGit(top, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  if (status.status !== 0) throw new Error(`git status failed: ${status.stderr}`);
  const entries = status.stdout.toString('utf8').split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    paths.push(entry.slice(3));
    // A rename or copy is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths;
}

export async function tagExists(top: string, tag: string): Promise<boolean> {
  const found = await runGit(top, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]);
  return found.status === 0;
}
