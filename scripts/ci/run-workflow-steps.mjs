#!/usr/bin/env node
// Runs the shell steps of the CI example users copy (docs/examples/api-diff.yml) in this
// repository, in order, as GitHub Actions would on a pull request whose base is BASE (default
// HEAD~1): npm ci, npm run gen, the markdown report, the drift check, the breaking-change gate.
// Steps that talk to GitHub (they use `gh`) are skipped and named. Exit 0 when every step passes
// and the gate exits 0 or 1 (breaking changes are the gate's answer, not a broken workflow).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const base = process.argv[2] ?? 'HEAD~1';
const workflow = parse(readFileSync('docs/examples/api-diff.yml', 'utf8'));
const steps = workflow.jobs['api-diff'].steps.filter((s) => s.run);
const scratch = mkdtempSync(join(tmpdir(), 'api-diff-steps-'));
const summary = join(scratch, 'step-summary.md');
const env = { ...process.env, BASE: base, GITHUB_STEP_SUMMARY: summary, GITHUB_BASE_REF: base };

let failed = false;
for (const [i, step] of steps.entries()) {
  const name = step.name ?? step.run.split('\n')[0];
  if (/\bgh\b/.test(step.run)) {
    console.log(`step ${i + 1} "${name}": skipped (talks to GitHub)`);
    continue;
  }
  const gate = /--fail-on breaking/.test(step.run);
  const run = spawnSync('bash', ['-eo', 'pipefail', '-c', step.run], {
    env: { ...env, ...(step.env ?? {}), BASE: base },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const ok = run.status === 0 || (gate && run.status === 1);
  console.log(
    `step ${i + 1} "${name}": exit ${run.status}${gate && run.status === 1 ? ' (breaking changes against the base)' : ''}${ok ? '' : ' FAILED'}`,
  );
  if (!ok) {
    failed = true;
    break;
  }
}
if (!failed) {
  const size = statSync('api-diff.md').size;
  console.log(`api-diff.md: ${size} bytes; job summary: ${statSync(summary).size} bytes`);
  if (!size) failed = true;
}
rmSync('api-diff.md', { force: true });
rmSync(scratch, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
