/**
 * One side of `tbk-gen diff OLD NEW`, whatever the user named:
 * - a spec folder (one with `methods/`, or a checkout whose `spec/` has one);
 * - page sources (doc page files or folders), scraped on the fly into a temporary spec;
 * - a git revision of the repository the command runs in (`HEAD~1`, `origin/main`), whose spec
 *   folder is copied out of git and read like a folder.
 * A path that exists wins over a revision of the same name; `spec:`, `pages:` and `git:`
 * prefixes force a kind. Every problem is a diagnostic; the command exits 2 on any error, which
 * keeps bad input apart from "breaking changes found" (exit 1).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { readSpecFolder } from '../spec/spec-files.js';
import { validateSpecFolder } from '../spec/validate-spec.js';
import type { SideKind } from './diff-model.js';
import { checkoutSpecAt, findRepository, GitSpecError, resolveCommit, type GitRevision } from './git-spec.js';
import { loadPagesSide } from './pages-side.js';
import { makeSide, type LoadedSide, type LoadSideOptions } from './spec-side.js';
import { DiffCode } from './diff-codes.js';
import { SpecCode } from '../spec/spec-codes.js';

type Target =
  { kind: 'folder'; dir: string } | { kind: 'pages'; path: string; folder: boolean } | ({ kind: 'git' } & GitRevision);

const isDir = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;

function fail(input: string, code: string, message: string): LoadedSide {
  return { diagnostics: [{ file: input, line: 0, level: 'error', code, message }] };
}

async function findTarget(input: string, cwd: string): Promise<Target | LoadedSide> {
  const forced = /^(spec|pages|git):(.+)$/.exec(input);
  if (forced?.[1] === 'git') {
    const revision = forced[2]!;
    const top = await findRepository(cwd);
    if (!top)
      return fail(
        input,
        DiffCode.notGitRepository,
        'not inside a git repository (or git is not installed), so git revisions cannot be read',
      );
    const commit = await resolveCommit(top, revision);
    return commit
      ? { kind: 'git', top, revision, commit }
      : fail(input, DiffCode.unknownRevision, `unknown git revision "${revision}"`);
  }
  const path = resolve(cwd, forced ? forced[2]! : input);
  const found = await stat(path).catch(() => undefined);
  if (forced?.[1] === 'spec') return { kind: 'folder', dir: path };
  if (found?.isDirectory() && !forced) {
    if (await isDir(join(path, 'methods'))) return { kind: 'folder', dir: path };
    if (basename(path) === 'methods' && (await readdir(path)).some((n) => n.endsWith('.yaml'))) {
      return fail(
        input,
        DiffCode.noSpec,
        'no spec here: this is the methods/ folder of a spec; name the folder above it',
      );
    }
    // A checkout of this project: its spec folder, never a scrape of the whole tree.
    if (await isDir(join(path, 'spec', 'methods'))) return { kind: 'folder', dir: join(path, 'spec') };
  }
  // Scraped with the path as given, so the spec's sources stay relative like a scrape's.
  if (found) return { kind: 'pages', path: forced ? forced[2]! : input, folder: found.isDirectory() };
  if (forced) return fail(input, DiffCode.noSuchSide, 'no such file or folder');
  const top = await findRepository(cwd);
  const commit = top ? await resolveCommit(top, input) : undefined;
  if (top && commit) return { kind: 'git', top, revision: input, commit };
  return fail(
    input,
    DiffCode.noSuchSide,
    'not a spec folder, a page source or a git revision: no such file or folder, and no such revision in the repository here',
  );
}

/**
 * Read and validate a spec folder. Messages name files the way the user named the side:
 * `shownAs` is the folder as given, or `REV:spec` for the temporary copy of a git revision.
 */
async function loadFolder(input: string, dir: string, kind: SideKind, shownAs: string): Promise<LoadedSide> {
  const folder = await readSpecFolder(dir);
  const rename = (d: Diagnostic): Diagnostic =>
    d.file.startsWith(dir) ? { ...d, file: shownAs + d.file.slice(dir.length).replace(/\\/g, '/') } : d;
  const read = folder.diagnostics.map(rename);
  if (read.some((d) => d.code === SpecCode.noMethodsFolder)) {
    const hint = basename(dir) === 'methods' ? ' (name the folder above methods/)' : '';
    return fail(input, DiffCode.noSpec, `no spec here: ${shownAs} has no methods/ folder${hint}`);
  }
  if (!folder.methods.size && !folder.catalog && !read.length)
    return fail(input, DiffCode.noSpec, `no spec here: ${shownAs}/methods has no spec files`);
  const diagnostics = [...read, ...validateSpecFolder(folder).map(rename)];
  const errors = diagnostics.filter((d) => d.level === 'error');
  if (errors.length) {
    const files = new Set(errors.map((d) => d.file)).size;
    const message =
      files === 1 ? '1 spec file of this side fails validation' : `${files} spec files of this side fail validation`;
    return { diagnostics: [...errors, { file: input, line: 0, level: 'error', code: DiffCode.invalidSpec, message }] };
  }
  return { side: makeSide(input, kind, folder.methods, folder.catalog), diagnostics: [] };
}

/** The folder as the user would write it: relative to cwd when inside it. */
function displayPath(cwd: string, dir: string): string {
  const rel = relative(cwd, dir).split(sep).join('/');
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

async function loadGit(input: string, at: GitRevision, options: LoadSideOptions): Promise<LoadedSide> {
  const dir = await mkdtemp(join(tmpdir(), 'tbk-gen-diff-'));
  try {
    const found = await checkoutSpecAt(at, options.cwd, options.specDir, dir);
    const loaded = await loadFolder(input, dir, 'git', `${at.revision}:${found.specPath}`);
    if (loaded.side) {
      loaded.side.summary.commit = at.commit;
      loaded.side.time = found.time;
    }
    return loaded;
  } catch (e) {
    if (e instanceof GitSpecError) return fail(input, e.code, e.message);
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function loadSide(input: string, options: LoadSideOptions): Promise<LoadedSide> {
  const target = await findTarget(input, options.cwd);
  if ('diagnostics' in target) return target;
  if (target.kind === 'git') return loadGit(input, target, options);
  if (target.kind === 'folder') return loadFolder(input, target.dir, 'folder', displayPath(options.cwd, target.dir));
  return loadPagesSide(input, target.path, target.folder, options);
}
