/**
 * The spec folder at a git revision (`HEAD~1`, `origin/main`, a tag or a commit id), copied
 * into a temporary folder so it is read and validated exactly like a folder on disk. Four git
 * processes per side: the repository, the commit, the file list, and one `git cat-file --batch`
 * for the commit object and every file (not one `git show` per method file).
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DiffCode } from './diff-codes.js';

export interface GitRevision {
  /** The repository's top folder. */
  top: string;
  revision: string;
  commit: string;
}

export interface GitSpec {
  /** Committer time, epoch ms. */
  time: number;
  /** The spec folder's path inside the repository (posix), e.g. `spec`. */
  specPath: string;
  /** Files written under the target folder, relative to the spec folder (posix). */
  files: string[];
}

export class GitSpecError extends Error {
  constructor(
    readonly code: typeof DiffCode.noSpec | typeof DiffCode.gitFailed,
    message: string,
  ) {
    super(message);
  }
}

export function runGit(
  cwd: string,
  args: readonly string[],
  input?: string,
): Promise<{ status: number; stdout: Buffer; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (status) =>
      done({ status: status ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }),
    );
    if (child.stdin) {
      // git may exit before reading everything (a bad object name): not our error to raise.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** The top folder of the repository `cwd` is in, or undefined (no repository, or no git). */
export async function findRepository(cwd: string): Promise<string | undefined> {
  const found = await runGit(cwd, ['rev-parse', '--show-toplevel']).catch(() => undefined);
  return found?.status === 0 ? found.stdout.toString('utf8').trim() : undefined;
}

/** The commit a revision names, or undefined when it names none. */
export async function resolveCommit(top: string, revision: string): Promise<string | undefined> {
  // --end-of-options: a revision such as `--all` is a name to look up, never an option.
  const found = await runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  return found.status === 0 ? found.stdout.toString('utf8').trim() : undefined;
}

/** Parse `git cat-file --batch` output: `<id> <type> <size>\n<bytes>\n` per requested object. */
function splitBatch(output: Buffer, count: number): Buffer[] {
  const objects: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const eol = output.indexOf(0x0a, at);
    const header = output.subarray(at, eol).toString('utf8');
    const size = Number(/^\S+ (?:blob|commit) (\d+)$/.exec(header)?.[1] ?? NaN);
    if (!Number.isFinite(size)) throw new GitSpecError(DiffCode.gitFailed, `git cat-file answered "${header}"`);
    objects.push(output.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return objects;
}

function committerTime(commitObject: Buffer): number {
  const seconds = /^committer .* (\d+) [+-]\d{4}$/m.exec(commitObject.toString('utf8'))?.[1];
  return Number(seconds) * 1000;
}

/**
 * Copy `<specDir>/methods/*.yaml` and `<specDir>/catalog.yaml` at a revision into `target`.
 * `specDir` is a path on disk (relative to `cwd`), mapped to its place in the repository.
 */
export async function checkoutSpecAt(at: GitRevision, cwd: string, specDir: string, target: string): Promise<GitSpec> {
  const specPath = relative(at.top, resolve(cwd, specDir)).split(sep).join('/') || '.';
  const prefix = specPath === '.' ? '' : `${specPath}/`;
  const listed = await runGit(at.top, [
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    at.commit,
    '--',
    `${prefix}methods`,
    `${prefix}catalog.yaml`,
  ]);
  if (listed.status !== 0) throw new GitSpecError(DiffCode.gitFailed, `git ls-tree failed: ${listed.stderr}`);
  // readSpecFolder reads methods/*.yaml only, not sub-folders: copy the same files.
  const isMethodFile = (p: string) =>
    p.startsWith(`${prefix}methods/`) && p.endsWith('.yaml') && !p.slice(prefix.length + 8).includes('/');
  const paths = listed.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p === `${prefix}catalog.yaml` || isMethodFile(p));
  if (!paths.some(isMethodFile)) {
    throw new GitSpecError(
      DiffCode.noSpec,
      `no spec at ${specPath}/ in revision "${at.revision}" (${at.commit.slice(0, 12)}): no ${prefix}methods/*.yaml`,
    );
  }
  const batch = await runGit(
    at.top,
    ['cat-file', '--batch'],
    [at.commit, ...paths.map((p) => `${at.commit}:${p}`)].map((l) => `${l}\n`).join(''),
  );
  if (batch.status !== 0) throw new GitSpecError(DiffCode.gitFailed, `git cat-file failed: ${batch.stderr}`);
  const [commit, ...blobs] = splitBatch(batch.stdout, paths.length + 1);
  const files: string[] = [];
  for (const [i, path] of paths.entries()) {
    const inSpec = path.slice(prefix.length);
    const file = join(target, ...inSpec.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, blobs[i]!);
    files.push(inSpec);
  }
  return { time: committerTime(commit!), specPath, files };
}
