/**
 * Generator speed: a cold full `gen` (fresh spec copy and package folder), a `gen` with nothing
 * changed, `check`, and the per-method cost of `generate` on synthetic specs of growing size
 * (real method specs cloned under new method names).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOT, runCli, stagesOf, type CliRun } from './run-cli.js';

const BASELINE = fileURLToPath(new URL('./prettier-baseline.mjs', import.meta.url));

/** prettier-baseline.mjs over a package folder, in a fresh process. */
function prettierAlone(folder: string): { ms: number; files: number } {
  const r = spawnSync(process.execPath, [BASELINE, folder], { cwd: ROOT, encoding: 'utf8' });
  const m = /^BASELINE (\d+) (\d+)$/m.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`prettier baseline failed (${r.status}):\n${(r.stderr ?? '').slice(-2000)}`);
  return { ms: Number(m[1]), files: Number(m[2]) };
}

export interface GeneratorResult {
  cold: { ms: number; maxRssMb: number; stages: Record<string, number> };
  /** Same-run baseline: prettier alone on one thread over what a cold gen formats (prettier-baseline.mjs). */
  prettierAlone: { ms: number; files: number };
  noChange: { ms: number; maxRssMb: number; stages: Record<string, number> };
  check: { ms: number };
  scaling: { methods: number; ms: number; msPerMethod: number }[];
}

function mustSucceed(run: CliRun, what: string): CliRun {
  if (run.status !== 0) throw new Error(`${what} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  return run;
}

function summarise(runs: CliRun[]): { ms: number; maxRssMb: number; stages: Record<string, number> } {
  const stageNames = Object.keys(stagesOf(runs[0]!));
  const stages = Object.fromEntries(stageNames.map((s) => [s, median(runs.map((r) => stagesOf(r)[s] ?? NaN))]));
  return { ms: median(runs.map((r) => r.ms)), maxRssMb: median(runs.map((r) => r.maxRssMb)), stages };
}

/** A spec folder of `count` methods: real specs cloned as `taobao.tbk.bench<i>.<rest>`. */
async function syntheticSpec(dir: string, count: number): Promise<void> {
  const source = join(ROOT, 'spec/methods');
  const files = (await readdir(source)).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(source, f), 'utf8')));
  await cp(join(ROOT, 'spec/schema.json'), join(dir, 'schema.json'));
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length]!;
    const method = /^method: (\S+)$/m.exec(text)![1]!;
    const renamed = method.replace(/^taobao\.tbk\./, `taobao.tbk.bench${Math.floor(i / texts.length)}.`);
    await writeFile(join(dir, 'methods', `${renamed}.yaml`), text.replace(`method: ${method}`, `method: ${renamed}`), { flag: 'w' });
  }
}

export async function benchGenerator(runs: number, sizes: number[]): Promise<GeneratorResult> {
  const work = await mkdtemp(join(tmpdir(), 'tbk-bench-gen-'));
  try {
    const cold: CliRun[] = [];
    for (let i = 0; i < runs; i++) {
      const spec = join(work, `spec-${i}`);
      await cp(join(ROOT, 'spec'), spec, { recursive: true });
      cold.push(mustSucceed(runCli(['gen', '--spec', spec, '--out', join(work, `out-${i}`)]), 'cold gen'));
    }
    const baselines = Array.from({ length: runs }, (_, i) => prettierAlone(join(work, `out-${i}`)));
    // One run first, so that the measured ones find the record it leaves (a fresh clone has none).
    mustSucceed(runCli(['gen']), 'gen');
    const noChange = Array.from({ length: runs }, () => mustSucceed(runCli(['gen']), 'no-change gen'));
    const check = Array.from({ length: runs }, () => mustSucceed(runCli(['check']), 'check'));
    const scaling: GeneratorResult['scaling'] = [];
    for (const size of sizes) {
      const spec = join(work, `synthetic-${size}`);
      await mkdir(join(spec, 'methods'), { recursive: true });
      await syntheticSpec(spec, size);
      const times = Array.from({ length: Math.max(1, Math.min(runs, size >= 1000 ? 1 : 3)) }, (_, k) =>
        mustSucceed(runCli(['generate', '--spec', spec, '--out', join(work, `synthetic-out-${size}-${k}`)]), `generate ${size}`).ms,
      );
      const ms = median(times);
      scaling.push({ methods: size, ms, msPerMethod: ms / size });
    }
    const prettierAloneMs = median(baselines.map((b) => b.ms));
    return { cold: summarise(cold), prettierAlone: { ms: prettierAloneMs, files: baselines[0]!.files }, noChange: summarise(noChange), check: { ms: median(check.map((r) => r.ms)) }, scaling };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
