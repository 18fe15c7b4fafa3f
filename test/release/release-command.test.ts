/**
 * `tbk-gen release` in a temporary git repository holding three methods of the committed spec:
 * the version and the changelog follow the diff since the previous release, the package is
 * regenerated so that `check` stays green, and every refusal (dirty tree, a bump smaller than
 * the diff requires, nothing to release, a tag that exists) exits 1 with the reason.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithDisk } from '../../generator/src/cli/check-command.js';
import { releaseCommand } from '../../generator/src/cli/release-command.js';
import { generatePackage } from '../../generator/src/pipeline/generate-package.js';
import { parseReleaseHistory } from '../../generator/src/spec/release-history.js';
import { REPO_ROOT } from '../generate/golden-specs.js';

const METHODS = ['taobao.tbk.uvid.encrypt', 'taobao.tbk.order.refund.get', 'taobao.tbk.sc.publisher.info.get'];
const SLOW = 60_000;
let repo: string;
let spec: string;
let out: string;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

async function release(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: repo,
    date: '2026-01-02',
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  };
  const code = await releaseCommand([...args, '--spec', spec, '--out', out], io);
  return { code, stdout, stderr };
}

const version = async (): Promise<string> =>
  /^version: (\S+)$/m.exec(await readFile(join(spec, 'package.yaml'), 'utf8'))![1]!;

/** Removes a request param from a method spec and commits: a breaking change. */
async function removeParam(method: string, param: string): Promise<void> {
  const file = join(spec, 'methods', `${method}.yaml`);
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(`  - name: ${param}\n`);
  expect(start).toBeGreaterThan(0);
  const end = text.indexOf('\n  - name: ', start + 1);
  await writeFile(file, text.slice(0, start) + text.slice(end + 1));
  git('commit', '-qam', `remove ${method} ${param}`);
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'tbk-release-'));
  spec = join(repo, 'spec');
  out = join(repo, 'generated');
  await mkdir(join(spec, 'methods'), { recursive: true });
  for (const m of METHODS) await cp(join(REPO_ROOT, 'spec/methods', `${m}.yaml`), join(spec, 'methods', `${m}.yaml`));
  const identity = (await readFile(join(REPO_ROOT, 'spec/package.yaml'), 'utf8')).replace(
    /^version: .*$/m,
    'version: 0.3.1',
  );
  await writeFile(join(spec, 'package.yaml'), identity);
  await writeFile(
    join(spec, 'releases.yaml'),
    'releases:\n  - version: 0.3.1\n    date: "2025-12-01"\n    compared_with: no earlier release\n    summary: three methods\n',
  );
  await writeFile(
    join(repo, 'package-lock.json'),
    `${JSON.stringify({ name: 'root', lockfileVersion: 3, packages: { '': { workspaces: ['generated'] }, generated: { name: 'tbk-client', version: '0.3.1' } } }, null, 2)}\n`,
  );
  const first = await generatePackage({ specDir: spec, outDir: out, write: true });
  expect(first.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'first');
}, SLOW);

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('tbk-gen release', () => {
  it('refuses `auto` when nothing changed since the previous release (exit 1)', async () => {
    const r = await release('auto');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /TBK523 nothing to release: the spec has not changed since commit [0-9a-f]{12}, where spec\/package\.yaml set 0\.3\.1/,
    );
  });

  it('refuses a dirty work tree (exit 1) and writes nothing', async () => {
    await writeFile(join(repo, 'notes.txt'), 'work in progress\n');
    const r = await release('minor');
    await rm(join(repo, 'notes.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TBK521 the work tree has uncommitted changes (notes.txt)');
    expect(await version()).toBe('0.3.1');
  });

  it('below 1.0.0 refuses a patch for a breaking change, naming the minor bump it needs and why (exit 1)', async () => {
    await removeParam('taobao.tbk.uvid.encrypt', 'source_type');
    const r = await release('patch');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'TBK522 a patch bump is too small: breaking changes need a minor bump below 1.0.0 (a major bump from 1.0.0 on)',
    );
    expect(r.stderr).toContain('1 breaking');
    expect(r.stderr).toContain('Run `tbk-gen release minor`');
    expect(await version()).toBe('0.3.1');
  });

  it('--dry-run prints the plan, the changelog entry, the tag and the publish command, and writes nothing', async () => {
    const r = await release('auto', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('release (dry run): tbk-client 0.3.1 → 0.4.0 (minor bump; the diff requires minor');
    expect(r.stdout).toContain('  breaking:\n    taobao.tbk.uvid.encrypt');
    expect(r.stdout).toContain('`request.source_type`: param removed (was Number)');
    expect(r.stdout).toContain('tag: tbk-client@0.4.0');
    expect(r.stdout).toContain(`publish: npm publish ${out}`);
    expect(git('status', '--porcelain')).toBe('');
  });

  it(
    'releases minor: version, history, lock and the regenerated package, which check finds up to date',
    { timeout: SLOW },
    async () => {
      const r = await release('minor');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(await version()).toBe('0.4.0');
      const history = parseReleaseHistory('releases.yaml', await readFile(join(spec, 'releases.yaml'), 'utf8'));
      expect(history.diagnostics).toEqual([]);
      expect(history.releases.map((e) => e.version)).toEqual(['0.4.0', '0.3.1']);
      expect(history.releases[0]).toMatchObject({
        date: '2026-01-02',
        previous: '0.3.1',
        breaking: [
          { method: 'taobao.tbk.uvid.encrypt', changes: ['`request.source_type`: param removed (was Number)'] },
        ],
      });
      const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { version: string }>;
      };
      expect(lock.packages['generated']!.version).toBe('0.4.0');
      const pkg = JSON.parse(await readFile(join(out, 'package.json'), 'utf8')) as { version: string };
      expect(pkg.version).toBe('0.4.0');
      const changelog = await readFile(join(out, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain('## 0.4.0 — 2026-01-02\n\nChanges since 0.3.1');
      expect(changelog).toContain('### Breaking changes\n\n- `taobao.tbk.uvid.encrypt` — ');
      expect(changelog.indexOf('## 0.4.0')).toBeLessThan(changelog.indexOf('## 0.3.1'));
      const fresh = await generatePackage({ specDir: spec, outDir: out, write: false, reuse: false });
      expect(await compareWithDisk(out, fresh.files, true)).toEqual([]);
      git('add', '-A');
      git('commit', '-qm', 'Release tbk-client@0.4.0');
    },
  );

  it('compares with the tag of the previous release and refuses a tag that exists (exit 1)', async () => {
    git('tag', 'tbk-client@0.4.0');
    git('tag', 'tbk-client@0.4.1', 'HEAD');
    const r = await release('patch');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TBK524 the tag tbk-client@0.4.1 already exists');
    const minor = await release('minor', '--dry-run');
    expect(minor.stdout).toContain('since tbk-client@0.4.0: 0 breaking');
    git('tag', '-d', 'tbk-client@0.4.1');
  });

  it('from 1.0.0 on, a breaking change needs a major bump', async () => {
    const file = join(spec, 'package.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('version: 0.4.0', 'version: 1.0.0'));
    git('commit', '-qam', 'version 1.0.0 by hand');
    await removeParam('taobao.tbk.uvid.encrypt', 'source_values');
    const r = await release('minor');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TBK522 a minor bump is too small: breaking changes need a major bump');
    const auto = await release('--dry-run');
    expect(auto.stdout).toContain('tbk-client 1.0.0 → 2.0.0 (major bump');
  });

  it('rejects an unknown bump (exit 2)', async () => {
    const r = await release('huge');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the bump is one of major, minor, patch, auto (got "huge")');
  });
});
