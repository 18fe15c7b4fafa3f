/**
 * Generator speed: a cold full `gen` (fresh spec copy and package folder) and a cold `generate`
 * (fresh package folder) in interleaved rounds with two OpenAPI generators on the same API
 * (peer-bench.ts), a `gen` with nothing changed, `check`, and the cost per method, wall and CPU,
 * and the peak memory of a cold `generate` on synthetic specs of growing size (real method specs
 * cloned under new method names).
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.js';
import { PEERS, SPEC_DIR, writeOpenApiDocument } from './peer-bench.js';
import { ROOT, runCli, stagesOf, type CliRun } from './run-cli.js';

export interface PeerResult {
  name: string;
  version: string;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

export interface GeneratorResult {
  cold: { ms: number; cpuMs: number; maxRssMb: number; stages: Record<string, number> };
  /** Cold `generate` alone (spec already scraped), the run the peers are compared with. */
  coldGenerate: { ms: number; cpuMs: number; maxRssMb: number };
  /** The OpenAPI generators on the same API, in the same interleaved rounds. */
  peers: PeerResult[];
  openApi: { operations: number; bytes: number };
  noChange: { ms: number; maxRssMb: number; stages: Record<string, number> };
  check: { ms: number };
  scaling: {
    methods: number;
    ms: number;
    msPerMethod: number;
    cpuMs: number;
    cpuMsPerMethod: number;
    maxRssMb: number;
  }[];
}

function mustSucceed(run: CliRun, what: string): CliRun {
  if (run.status !== 0) throw new Error(`${what} failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  return run;
}

function summarise(runs: CliRun[]): { ms: number; cpuMs: number; maxRssMb: number; stages: Record<string, number> } {
  const stageNames = Object.keys(stagesOf(runs[0]!));
  const stages = Object.fromEntries(stageNames.map((s) => [s, median(runs.map((r) => stagesOf(r)[s] ?? NaN))]));
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
    stages,
  };
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
    await writeFile(join(dir, 'methods', `${renamed}.yaml`), text.replace(`method: ${method}`, `method: ${renamed}`), {
      flag: 'w',
    });
  }
}

export async function benchGenerator(runs: number, sizes: number[]): Promise<GeneratorResult> {
  const work = await mkdtemp(join(tmpdir(), 'tbk-bench-gen-'));
  try {
    const doc = await writeOpenApiDocument(SPEC_DIR, join(work, 'openapi.json'));
    // Interleaved rounds: each round runs every contender once, in a rotating order, so that
    // the machine's load changes hit all of them alike. Every run starts cold: a fresh spec
    // copy and package folder for `gen`, a fresh output folder for `generate` and the peers.
    const cold: CliRun[] = [];
    const coldGenerate: CliRun[] = [];
    const peers = PEERS.map(() => [] as CliRun[]);
    for (let i = 0; i < runs; i++) {
      await cp(join(ROOT, 'spec'), join(work, `spec-${i}`), { recursive: true });
      const contenders: (() => void)[] = [];
      contenders.push(
        () =>
          void cold.push(
            mustSucceed(
              runCli(['gen', '--spec', join(work, `spec-${i}`), '--out', join(work, `out-${i}`)]),
              'cold gen',
            ),
          ),
      );
      contenders.push(
        () =>
          void coldGenerate.push(
            mustSucceed(
              runCli(['generate', '--spec', SPEC_DIR, '--out', join(work, `generate-out-${i}`)]),
              'cold generate',
            ),
          ),
      );
      PEERS.forEach((peer, p) =>
        contenders.push(
          () => void peers[p]!.push(mustSucceed(peer.run(doc.path, join(work, `peer-${p}-${i}`)), peer.name)),
        ),
      );
      for (let k = 0; k < contenders.length; k++) contenders[(i + k) % contenders.length]!();
    }
    // One run first, so that the measured ones find the record it leaves (a fresh clone has none).
    mustSucceed(runCli(['gen']), 'gen');
    const noChange = Array.from({ length: runs }, () => mustSucceed(runCli(['gen']), 'no-change gen'));
    const check = Array.from({ length: runs }, () => mustSucceed(runCli(['check']), 'check'));
    const scaling: GeneratorResult['scaling'] = [];
    for (const size of sizes) {
      const spec = join(work, `synthetic-${size}`);
      await mkdir(join(spec, 'methods'), { recursive: true });
      await syntheticSpec(spec, size);
      const measured = Array.from({ length: Math.max(1, Math.min(runs, size >= 1000 ? 1 : 3)) }, (_, k) =>
        mustSucceed(
          runCli(['generate', '--spec', spec, '--out', join(work, `synthetic-out-${size}-${k}`)]),
          `generate ${size}`,
        ),
      );
      await rm(join(work, `synthetic-${size}`), { recursive: true, force: true });
      for (let k = 0; k < measured.length; k++)
        await rm(join(work, `synthetic-out-${size}-${k}`), { recursive: true, force: true });
      const ms = median(measured.map((r) => r.ms));
      const cpuMs = median(measured.map((r) => r.cpuMs));
      scaling.push({
        methods: size,
        ms,
        msPerMethod: ms / size,
        cpuMs,
        cpuMsPerMethod: cpuMs / size,
        maxRssMb: median(measured.map((r) => r.maxRssMb)),
      });
    }
    const peerResults = PEERS.map((peer, p) => ({
      name: peer.name,
      version: peer.version,
      ms: median(peers[p]!.map((r) => r.ms)),
      cpuMs: median(peers[p]!.map((r) => r.cpuMs)),
      maxRssMb: median(peers[p]!.map((r) => r.maxRssMb)),
    }));
    const generateSummary = summarise(coldGenerate);
    return {
      cold: summarise(cold),
      coldGenerate: { ms: generateSummary.ms, cpuMs: generateSummary.cpuMs, maxRssMb: generateSummary.maxRssMb },
      peers: peerResults,
      openApi: { operations: doc.operations, bytes: doc.bytes },
      noChange: summarise(noChange),
      check: { ms: median(check.map((r) => r.ms)) },
      scaling,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
