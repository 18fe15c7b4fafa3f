/** Run `tbk-gen` as a child process and collect wall time, peak memory and its summary lines. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOOK = fileURLToPath(new URL('./rss-hook.mjs', import.meta.url));

export interface CliRun {
  ms: number;
  maxRssMb: number;
  /** CPU time of the process, every thread (not its child processes, such as esbuild's service). */
  cpuMs: number;
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): CliRun {
  return runNode([`${ROOT}/generator/bin/tbk-gen.js`, ...args], cwd);
}

/** A Node script in a fresh process, measured (wall time, peak memory, CPU time). */
export function runNode(args: string[], cwd = ROOT): CliRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', HOOK, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  const rss = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  const cpu = /BENCH_CPU_MS (\d+)/.exec(r.stderr ?? '');
  return {
    ms,
    maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    cpuMs: cpu ? Number(cpu[1]) : NaN,
    status: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
  };
}

/** Stage seconds from the summary lines of `scrape` ("… 609 ms") and `generate` ("(read 0.49, ir 0.09, …)"). */
export function stagesOf(run: CliRun): Record<string, number> {
  const stages: Record<string, number> = {};
  const scrape = /^scrape: .* (\d+) ms$/m.exec(run.stdout);
  if (scrape) stages['scrape (read + normalise)'] = Number(scrape[1]) / 1000;
  const gen = /^generated .*\(([^)]*)\);/m.exec(run.stdout);
  for (const part of gen?.[1]?.split(', ') ?? []) {
    const [name, seconds] = part.split(' ');
    if (name && seconds) stages[name] = Number(seconds);
  }
  return stages;
}
