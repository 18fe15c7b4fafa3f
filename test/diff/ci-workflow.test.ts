import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workflow = parse(readFileSync(path.join(ROOT, 'docs/examples/api-diff.yml'), 'utf8')) as {
  on: { pull_request: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { name?: string; uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
};
const steps = workflow.jobs['api-diff']!.steps;
const runs = steps.filter((s) => s.run).map((s) => s.run!);

describe('docs/examples/api-diff.yml', () => {
  it('runs on pull requests and may comment on them', () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.permissions['pull-requests']).toBe('write');
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
  });

  it('regenerates, writes the markdown report, then blocks on breaking changes', () => {
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    const gen = at(/^npm run gen$/m);
    const report = at(/npm run --silent diff -- "\$BASE" spec --format md --fail-on never > api-diff\.md/);
    const block = at(/npm run --silent diff -- "\$BASE" spec --fail-on breaking$/m);
    expect([gen, report, block].every((i) => i >= 0)).toBe(true);
    expect(gen < report && report < block).toBe(true);
    expect(runs.some((r) => r.includes('gh pr comment "$PR" --body-file comment.md'))).toBe(true);
  });

  it('has shell steps bash can parse', () => {
    for (const run of runs) execFileSync('bash', ['-n', '-c', run]);
  });

  it('cuts a long report at a line end below the comment limit', () => {
    const cut = runs.find((r) => r.includes('awk'))!.match(/LC_ALL=C awk '([^']+)'/)![1]!;
    const dir = mkdtempSync(path.join(tmpdir(), 'tbk-diff-ci-'));
    try {
      const line = '| 📝 docs | `request.adzone_id` | 示例值 changed: "1" → "2" |';
      writeFileSync(path.join(dir, 'api-diff.md'), Array.from({ length: 2000 }, () => line).join('\n') + '\n');
      const out = execFileSync('awk', [cut, path.join(dir, 'api-diff.md')], { env: { ...process.env, LC_ALL: 'C' } });
      expect(out.length).toBeLessThanOrEqual(60000);
      expect(out.length).toBeGreaterThan(60000 - Buffer.byteLength(line) - 2);
      expect(
        out
          .toString('utf8')
          .split('\n')
          .slice(0, -1)
          .every((l) => l === line),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
