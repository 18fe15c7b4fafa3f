/**
 * `npm run bench`: generator speed, client overhead and package cost, written to BENCHMARKS.md.
 *   --runs N   repetitions per figure (default 5)       --quick   1 run, small sizes, no file
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { benchClient, benchDecode } from './bench/client-bench.js';
import { benchGenerator } from './bench/generator-bench.js';
import { benchBundles, benchTypecheck } from './bench/package-bench.js';
import { renderReport } from './bench/report.js';
import { ROOT } from './bench/run-cli.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const runs = quick ? 1 : runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

log('generator (cold gen, no-change gen, check, scaling) …');
const generator = await benchGenerator(runs, quick ? [100, 200] : [100, 500, 2000]);
const clientRequests = quick ? 300 : 3000;
const concurrency = 16;
log('client …');
const client = await benchClient(runs, clientRequests, concurrency);
const decode = await benchDecode(runs, quick ? 50 : 500);
log('package …');
const bundles = await benchBundles();
const typecheck = await benchTypecheck(quick ? 1 : 3);
const report = renderReport({
  command: quick ? 'npm run bench -- --quick' : `npm run bench${runsAt >= 0 ? ` -- --runs ${runs}` : ''}`,
  runs, cores: availableParallelism(), node: process.version, generator, client, clientRequests, concurrency, decode, bundles, typecheck,
});
if (quick) process.stdout.write(report);
else {
  await writeFile(join(ROOT, 'BENCHMARKS.md'), report);
  log('wrote BENCHMARKS.md');
}
