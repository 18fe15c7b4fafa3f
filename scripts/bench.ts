/**
 * `npm run bench`: generator speed, client overhead and package cost, written to BENCHMARKS.md.
 *   --runs N   repetitions per figure (default 5)       --quick   1 run, small sizes, no file
 *   --render   rewrite BENCHMARKS.md from the last full run's results (after editing report.ts)
 *   --only client   the client contenders alone (requests/s and CPU per request; --runs N applies)
 * A full run keeps its results in node_modules/.cache/tbk-bench/results.json for --render.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchClient, benchDecode } from './bench/client-bench.js';
import { benchGenerator } from './bench/generator-bench.js';
import { benchBundles, benchTypecheck } from './bench/package-bench.js';
import { renderReport, type BenchResults } from './bench/report.js';
import { ROOT } from './bench/run-cli.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const runs = quick ? 1 : runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

const RESULTS = join(ROOT, 'node_modules/.cache/tbk-bench/results.json');
if (args.includes('--render')) {
  await writeFile(
    join(ROOT, 'BENCHMARKS.md'),
    renderReport(JSON.parse(await readFile(RESULTS, 'utf8')) as BenchResults),
  );
  log('wrote BENCHMARKS.md from the last results');
  process.exit(0);
}

if (args[args.indexOf('--only') + 1] === 'client' && args.includes('--only')) {
  const requests = Number(args[args.indexOf('--requests') + 1]) || 3000;
  const client = await benchClient(runsAt >= 0 ? runs : 5, requests, 16);
  const floor = client.find((c) => c.name.startsWith('raw node:http'))!;
  for (const c of client)
    process.stdout.write(
      `${c.name.padEnd(34)} ${c.rps.toFixed(0).padStart(6)} req/s ${((100 * c.rps) / floor.rps).toFixed(0).padStart(4)} % of node:http  ${c.cpuUsPerRequest.toFixed(1).padStart(6)} µs CPU  (+${(c.cpuUsPerRequest - floor.cpuUsPerRequest).toFixed(1)} µs)\n`,
    );
  process.exit(0);
}

// The client goes first, on a quiet machine: after the generator's scaling runs the kernel is
// still writing back and deleting their hundred thousand files for a while, which in one run
// took the client's CPU per request from 13 to 54 µs over the same floor.
const clientRequests = quick ? 300 : 3000;
const concurrency = 16;
log('client …');
const client = await benchClient(runs, clientRequests, concurrency);
const decode = await benchDecode(runs, quick ? 50 : 500);
log(
  'generator (cold gen and generate beside hey-api and openapi-typescript, no-change gen, check, scaling to 10,000 methods) …',
);
const generator = await benchGenerator(runs, quick ? [100, 200] : [100, 500, 2000, 5000, 10000]);
log('package …');
const bundles = await benchBundles();
const typecheck = await benchTypecheck(quick ? 1 : 3);
const results: BenchResults = {
  command: quick ? 'npm run bench -- --quick' : `npm run bench${runsAt >= 0 ? ` -- --runs ${runs}` : ''}`,
  runs,
  cores: availableParallelism(),
  node: process.version,
  generator,
  client,
  clientRequests,
  concurrency,
  decode,
  bundles,
  typecheck,
};
const report = renderReport(results);
if (quick) process.stdout.write(report);
else {
  await mkdir(join(RESULTS, '..'), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(ROOT, 'BENCHMARKS.md'), report);
  log('wrote BENCHMARKS.md');
}
