/**
 * The spec folder at a git revision (`HEAD~1`, `origin/main`, a tag or a commit id), copied
 * into a temporary folder so it is read and validated exactly like a folder on disk. Files are
 * read through one `git cat-file --batch` process, not one `git show` per method file.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface GitSpec {
  commit: string;
  /** Commit time, epoch ms. */
  time: number;
  /** The spec folder's path inside the repository (posix), e.g. `spec`. */
  specPath: string;
  /** Files written under the target folder, relative to the spec folder (posix). */
  files: string[];
}

export class GitSpecError extends Error {
  constructor(
    readonly code: 'TBK401' | 'TBK402' | 'TBK403' | 'TBK407',
    message: string,
  ) {
    super(message);
  }
}

function runGit(cwd: string, args: readonly string[], input?: string): Promise<{ status: number; stdout: Buffer; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (status) => done({ status: status ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
    if (child.stdin) {
      // git may exit before reading everything (a bad object name): not our error to raise.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** Parse `git cat-file --batch` output: `<id> blob <size>\n<bytes>\n` per requested object. */
function splitBatch(output: Buffer, count: number): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = output.indexOf(0x0a, at);
    const header = output.subarray(at, eol).toString('utf8');
    const size = Number(/^\S+ blob (\d+)$/.exec(header)?.[1] ?? NaN);
    if (!Number.isFinite(size)) throw new GitSpecError('TBK407', `git cat-file answered "${header}"`);
    blobs.push(output.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

export async function isInsideGitRepository(cwd: string): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-inside-work-tree'])).status === 0;
  } catch {
    return false;
  }
}

/** The commit a revision names, or undefined when it names none. */
export async function resolveRevision(cwd: string, revision: string): Promise<{ commit: string; time: number } | undefined> {
  // --end-of-options: a revision such as `--all` is a name to look up, never an option.
  const found = await runGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (found.status !== 0) return undefined;
  const commit = found.stdout.toString('utf8').trim();
  const time = await runGit(cwd, ['show', '-s', '--format=%ct', commit]);
  return { commit, time: Number(time.stdout.toString('utf8').trim()) * 1000 };
}

/**
 * Copy `<specDir>/methods/*.yaml` and `<specDir>/catalog.yaml` at `revision` into `target`.
 * `specDir` is a path on disk (relative to `cwd`), mapped to its place in the repository.
 */
export async function checkoutSpecAt(cwd: string, revision: string, specDir: string, target: string): Promise<GitSpec> {
  if (!(await isInsideGitRepository(cwd))) throw new GitSpecError('TBK401', 'not inside a git repository (or git is not installed), so git revisions cannot be read');
  const resolved = await resolveRevision(cwd, revision);
  if (!resolved) throw new GitSpecError('TBK402', `unknown git revision "${revision}"`);
  const top = (await runGit(cwd, ['rev-parse', '--show-toplevel'])).stdout.toString('utf8').trim();
  const specPath = relative(top, resolve(cwd, specDir)).split(sep).join('/') || '.';
  const prefix = specPath === '.' ? '' : `${specPath}/`;
  const listed = await runGit(top, ['ls-tree', '-r', '-z', '--name-only', resolved.commit, '--', `${prefix}methods`, `${prefix}catalog.yaml`]);
  if (listed.status !== 0) throw new GitSpecError('TBK407', `git ls-tree failed: ${listed.stderr}`);
  // readSpecFolder reads methods/*.yaml only, not sub-folders: copy the same files.
  const isMethodFile = (p: string) => p.startsWith(`${prefix}methods/`) && p.endsWith('.yaml') && !p.slice(prefix.length + 8).includes('/');
  const paths = listed.stdout.toString('utf8').split('\0').filter((p) => p === `${prefix}catalog.yaml` || isMethodFile(p));
  if (!paths.some(isMethodFile)) {
    throw new GitSpecError('TBK403', `no spec at ${specPath}/ in revision "${revision}" (${resolved.commit.slice(0, 12)}): no ${prefix}methods/*.yaml`);
  }
  const batch = await runGit(top, ['cat-file', '--batch'], paths.map((p) => `${resolved.commit}:${p}\n`).join(''));
  if (batch.status !== 0) throw new GitSpecError('TBK407', `git cat-file failed: ${batch.stderr}`);
  const blobs = splitBatch(batch.stdout, paths.length);
  const files: string[] = [];
  for (const [i, path] of paths.entries()) {
    const inSpec = path.slice(prefix.length);
    const file = join(target, ...inSpec.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, blobs[i]!);
    files.push(inSpec);
  }
  return { ...resolved, specPath, files };
}
