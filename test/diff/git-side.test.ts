import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffCommand } from '../../generator/src/cli/diff-command.js';
import { loadSide } from '../../generator/src/diff/load-side.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/diff');

/** A throw-away repository: v1 → v2-breaking → a commit with an invalid spec file. */
let repo: string;

function git(...args: string[]): string {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  };
  return execFileSync(
    'git',
    ['-c', 'user.name=diff test', '-c', 'user.email=diff@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, env, encoding: 'utf8' },
  );
}

function commitSpec(fixture: string, message: string) {
  rmSync(path.join(repo, 'spec'), { recursive: true, force: true });
  cpSync(path.join(FIXTURES, fixture), path.join(repo, 'spec'), { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await diffCommand(args, {
    cwd: repo,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { status, stdout, stderr };
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'tbk-diff-git-'));
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(repo, 'README.md'), 'no spec yet\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'start without a spec');
  commitSpec('v1', 'spec v1');
  commitSpec('v2-breaking', 'spec v2');
  git('tag', 'v2');
  commitSpec('invalid', 'a broken spec');
  git('checkout', '-q', 'v2');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('git revisions as sides', () => {
  it('compares the spec folder of two revisions', async () => {
    const r = await run(['HEAD~1', 'HEAD', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.old).toMatchObject({ input: 'HEAD~1', kind: 'git', methods: 2 });
    expect(report.old.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(report.old.commit).toBe(git('rev-parse', 'HEAD~1').trim());
    expect(report.summary).toMatchObject({ breaking: 3, catalogChanges: 1 });
  });

  it('compares a revision with the working tree', async () => {
    writeFileSync(
      path.join(repo, 'spec/methods/taobao.tbk.demo.shop.get.yaml'),
      readFileSync(path.join(FIXTURES, 'v1/methods/taobao.tbk.demo.shop.get.yaml')),
    );
    try {
      const r = await run(['HEAD', 'spec', '--format', 'json']);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.new.kind).toBe('folder');
      expect(report.methods.map((m: { method: string; severity: string }) => `${m.severity} ${m.method}`)).toEqual([
        'compatible taobao.tbk.demo.shop.get',
      ]);
    } finally {
      git('checkout', '-q', '--', 'spec');
    }
  });

  it('reads tags and the `git:` prefix the same way', async () => {
    const r = await run(['git:v2', 'v2', '--fail-on', 'any']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no changes');
  });

  it('knows the commit time of a git side', async () => {
    const loaded = await loadSide('HEAD', { cwd: repo, specDir: 'spec' });
    expect(loaded.side?.time).toBe(Date.parse('2024-01-01T00:00:00Z'));
  });

  it('exits 2 for a revision that does not exist', async () => {
    const r = await run(['HEAD~9', 'HEAD']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('HEAD~9:0: error TBK400 not a spec folder, a page source or a git revision');
  });

  it('exits 2 for a revision without a spec', async () => {
    const r = await run(['HEAD~2', 'HEAD']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^HEAD~2:0: error TBK403 no spec at spec\/ in revision "HEAD~2" \([0-9a-f]{12}\): no spec\/methods\/\*\.yaml$/m,
    );
  });

  it('exits 2 when a spec file fails validation at a revision, naming it at that revision', async () => {
    const r = await run(['HEAD', 'main']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^main:spec\/methods\/taobao\.tbk\.demo\.item\.get\.yaml:11:11: error TBK222 request\.item_ids: unknown type "Nmber"/m,
    );
    expect(r.stderr).toMatch(/^main:0: error TBK405 1 spec file of this side fails validation$/m);
  });

  it('finds the spec folder given by --spec inside each revision', async () => {
    git('checkout', '-q', '-b', 'api');
    try {
      for (const [fixture, message] of [
        ['v1', 'api spec v1'],
        ['v2-docs', 'api spec v2'],
      ] as const) {
        rmSync(path.join(repo, 'api'), { recursive: true, force: true });
        mkdirSync(path.join(repo, 'api'), { recursive: true });
        cpSync(path.join(FIXTURES, fixture), path.join(repo, 'api/spec'), { recursive: true });
        git('add', '-A');
        git('commit', '-q', '-m', message);
      }
      const r = await run(['api~1', 'api', '--spec', 'api/spec', '--fail-on', 'any']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('0 breaking, 0 compatible, 3 docs only');
      const missing = await run(['api~2', 'api', '--spec', 'api/spec']);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/^api~2:0: error TBK403 no spec at api\/spec\/ in revision "api~2"/m);
    } finally {
      git('checkout', '-q', 'v2');
    }
  });

  it('exits 2 outside a git repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'tbk-diff-nogit-'));
    try {
      let stderr = '';
      const status = await diffCommand(['git:HEAD', path.join(FIXTURES, 'v1')], {
        cwd: outside,
        env: {},
        stdout: { write: () => true },
        stderr: { write: (t: string) => (stderr += t) },
      });
      expect(status).toBe(2);
      expect(stderr).toContain('git:HEAD:0: error TBK401 not inside a git repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
