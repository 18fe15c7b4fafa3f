/** BENCHMARKS.md from the results: tables, each target with ✅/❌, no dates (reruns only change numbers). */
import type { Contender, DecodeResult } from './client-bench.js';
import type { GeneratorResult } from './generator-bench.js';
import type { BundleSize } from './package-bench.js';
import { fitLine, round } from './stats.js';

export interface BenchResults {
  command: string;
  runs: number;
  cores: number;
  node: string;
  generator: GeneratorResult;
  client: Contender[];
  clientRequests: number;
  concurrency: number;
  decode: DecodeResult;
  bundles: BundleSize[];
  typecheck: { seconds: number; ok: boolean };
}

const mark = (ok: boolean) => (ok ? '✅' : '❌');
const s = (ms: number) => `${round(ms / 1000, 2)} s`;

export function renderReport(r: BenchResults): string {
  const g = r.generator;
  const floor = r.client.find((c) => c.name.startsWith('raw fetch'))!;
  const httpFloor = r.client.find((c) => c.name.startsWith('raw node:http'))!;
  const ours = r.client.filter((c) => c.name.startsWith('tbk-client'));
  const peers = r.client.filter((c) => !c.name.startsWith('tbk-client') && !c.name.startsWith('raw '));
  const fasterPeer = peers.reduce((a, b) => (a.rps >= b.rps ? a : b));
  const slowestOurs = ours.reduce((a, b) => (a.rps <= b.rps ? a : b));
  const costliestOurs = ours.reduce((a, b) => (a.cpuUsPerRequest >= b.cpuUsPerRequest ? a : b));
  const overFloorUs = costliestOurs.cpuUsPerRequest - httpFloor.cpuUsPerRequest;
  const fit = fitLine(g.scaling.map((p) => ({ x: p.methods, y: p.ms })));
  // Marginal cost per added method between consecutive sizes (CPU time: steadier than wall on
  // a shared machine); the fixed start-up is amortised away.
  const marginal = g.scaling
    .slice(1)
    .map((p, i) => (p.cpuMs - g.scaling[i]!.cpuMs) / (p.methods - g.scaling[i]!.methods));
  // Flat means no growth with size: each larger step costs at most 1.5× the first step per
  // added method. A step that costs less (the fixed cost amortised) passes.
  const flat = marginal.length > 0 && marginal.every((m) => m <= 1.5 * marginal[0]!);
  const at5000 = g.scaling.find((p) => p.methods === 5000);
  const heyApi = g.peers.find((p) => p.name === '@hey-api/openapi-ts')!;
  const openapiTs = g.peers.find((p) => p.name === 'openapi-typescript')!;
  const vsHey = g.coldGenerate.ms / heyApi.ms;
  const vsOts = g.coldGenerate.ms / openapiTs.ms;
  const oneMethod = r.bundles[0]!;
  const lines = [
    '# Benchmarks',
    '',
    `Command: \`${r.command}\` — ${r.cores} cores, Node ${r.node}. Every figure is the median of ${r.runs} runs`,
    '(scaling sizes ≥ 1,000 methods: one run); comparisons are ratios measured in the same run, the cold',
    'generators in interleaved rounds.',
    '',
    '## Targets',
    '',
    '| target | result | |',
    '|---|---|---|',
    `| cold \`generate\` (112 methods, fresh package folder) ≤ 1.0× \`@hey-api/openapi-ts\` ${heyApi.version} | ${s(g.coldGenerate.ms)} vs ${s(heyApi.ms)}: ${round(vsHey, 2)}× | ${mark(vsHey <= 1)} |`,
    `| cold \`generate\` ≤ 1.5× \`openapi-typescript\` ${openapiTs.version} | ${s(g.coldGenerate.ms)} vs ${s(openapiTs.ms)}: ${round(vsOts, 2)}× | ${mark(vsOts <= 1.5)} |`,
    at5000
      ? `| peak memory of a cold \`generate\` at 5,000 synthetic methods ≤ 600 MB | ${round(at5000.maxRssMb, 0)} MB (${round(at5000.maxRssMb / 5000, 3)} MB per method) | ${mark(at5000.maxRssMb <= 600)} |`
      : '| peak memory at 5,000 synthetic methods ≤ 600 MB | not measured in this run (`--quick`) | |',
    `| flat CPU per method up to ${g.scaling.at(-1)!.methods} methods (each larger step's marginal CPU per added method ≤ 1.5× the first step's) | ${marginal.map((x) => `${round(x, 2)}`).join(' / ')} ms CPU per added method | ${mark(flat)} |`,
    `| full \`gen\` (cold: fresh spec copy and package folder) ≤ 3 s | ${s(g.cold.ms)} | ${mark(g.cold.ms <= 3000)} |`,
    `| \`gen\` with nothing changed ≤ 1 s | ${s(g.noChange.ms)} | ${mark(g.noChange.ms <= 1000)} |`,
    `| client CPU per request over a bare node:http keep-alive POST ≤ 20 µs | ${round(overFloorUs, 0)} µs (${costliestOurs.name}) | ${mark(overFloorUs <= 20)} |`,
    `| tbk-client ≥ 85 % of the bare node:http floor's requests/s | ${round((100 * slowestOurs.rps) / httpFloor.rps, 0)} % (${slowestOurs.name}) | ${mark(slowestOurs.rps >= 0.85 * httpFloor.rps)} |`,
    `| tbk-client ≥ 90 % of the raw-fetch floor | ${round((100 * slowestOurs.rps) / floor.rps, 0)} % (${slowestOurs.name}) | ${mark(slowestOurs.rps >= 0.9 * floor.rps)} |`,
    `| tbk-client ≥ 2× the faster npm peer | ${round(slowestOurs.rps / fasterPeer.rps, 1)}× (${fasterPeer.name}) | ${mark(slowestOurs.rps >= 2 * fasterPeer.rps)} |`,
    `| one-method bundle ≤ 15 KB minified | ${round(oneMethod.minifiedKb, 1)} KB | ${mark(oneMethod.minifiedKb <= 15)} |`,
    '',
    `## Cold generators on the same API (112 methods; the OpenAPI 3.1 document converted from spec/methods by scripts/bench/openapi-document.ts: ${g.openApi.operations} operations, ${round(g.openApi.bytes / 1024, 0)} KB)`,
    '',
    '| run | wall | CPU (all threads) | peak memory |',
    '|---|---|---|---|',
    `| tbk-gen \`generate\` (fresh package folder: source, fixtures, tests, README, dist ESM + CJS + declarations) | ${s(g.coldGenerate.ms)} | ${s(g.coldGenerate.cpuMs)} | ${round(g.coldGenerate.maxRssMb, 0)} MB |`,
    `| tbk-gen \`gen\` (fresh spec copy and package folder: scrape, then generate) | ${s(g.cold.ms)} | ${s(g.cold.cpuMs)} | ${round(g.cold.maxRssMb, 0)} MB |`,
    ...g.peers.map(
      (p) =>
        `| \`${p.name}\` ${p.version} (fresh output folder) | ${s(p.ms)} | ${s(p.cpuMs)} | ${round(p.maxRssMb, 0)} MB |`,
    ),
    '',
    "CPU is the process's own (every thread), not its child processes (tbk-gen's esbuild service compiles `dist/` in its own process). `@hey-api/openapi-ts` runs from its `dist/run.mjs`: its `openapi-ts` bin only starts that in a second Node process. A cold `generate` finds the template declarations in the declaration cache when an earlier run computed them (docs/generator.md); `--force` computes them again.",
    '',
    '## Generator (112 methods, every input)',
    '',
    '| run | wall | peak memory | stages (s) |',
    '|---|---|---|---|',
    `| cold \`gen\` | ${s(g.cold.ms)} | ${round(g.cold.maxRssMb, 0)} MB | ${Object.entries(g.cold.stages)
      .map(([k, v]) => `${k} ${round(v, 2)}`)
      .join(', ')} |`,
    `| \`gen\`, nothing changed | ${s(g.noChange.ms)} | ${round(g.noChange.maxRssMb, 0)} MB | ${Object.entries(
      g.noChange.stages,
    )
      .map(([k, v]) => `${k} ${round(v, 2)}`)
      .join(', ')} |`,
    `| \`check\` (regenerates everything in memory, no reuse) | ${s(g.check.ms)} | | |`,
    '',
    "Wall times include Node start-up and loading the CLI bundle (generator/bin/cli-bundle.js). Stages are the main thread's: `read` lists the spec folder and reads the catalog; `methods` streams the methods a few at a time (read, validate, IR, final-form emit, write into the temporary folder, only a summary kept) while esbuild compiles alongside; `units` the entries built from the summaries; `templates` the template copies and their declarations; `write` the swap into place.",
    '',
    '### Scaling: `generate` (cold) on synthetic specs of cloned real methods',
    '',
    '| methods | wall | per method | CPU | CPU per method | peak memory |',
    '|---|---|---|---|---|---|',
    ...g.scaling.map(
      (p) =>
        `| ${p.methods} | ${s(p.ms)} | ${round(p.msPerMethod, 2)} ms | ${s(p.cpuMs)} | ${round(p.cpuMsPerMethod, 2)} ms | ${round(p.maxRssMb, 0)} MB |`,
    ),
    '',
    `Least-squares fit of the wall time: ${round(fit.slope, 2)} ms per method + ${round(fit.intercept / 1000, 2)} s fixed.`,
    '',
    `## Client (${r.clientRequests} requests per run, ${r.concurrency} in flight, one local server in another process)`,
    '',
    '| client | requests/s | vs raw fetch | vs raw node:http | client CPU per request |',
    '|---|---|---|---|---|',
    ...r.client.map(
      (c) =>
        `| ${c.name} | ${round(c.rps, 0)} | ${round((100 * c.rps) / floor.rps, 0)} % | ${round((100 * c.rps) / httpFloor.rps, 0)} % | ${round(c.cpuUsPerRequest, 0)} µs |`,
    ),
    '',
    `### Decoding the largest doc sample (${r.decode.method}, ${r.decode.jsonBytes} bytes of JSON)`,
    '',
    '| decode | µs per response | vs JSON.parse |',
    '|---|---|---|',
    `| JSON.parse (baseline) | ${round(r.decode.jsonParseUs, 1)} | 1× |`,
    `| tbk-client JSON → typed shape | ${round(r.decode.decodeJsonUs, 1)} | ${round(r.decode.decodeJsonUs / r.decode.jsonParseUs, 1)}× |`,
    `| tbk-client XML → typed shape | ${round(r.decode.decodeXmlUs, 1)} | ${round(r.decode.decodeXmlUs / r.decode.jsonParseUs, 1)}× |`,
    '',
    '## Package cost (esbuild, minified, ESM)',
    '',
    '| bundle | minified | gzip |',
    '|---|---|---|',
    ...r.bundles.map((b) => `| ${b.name} | ${round(b.minifiedKb, 1)} KB | ${round(b.gzipKb, 1)} KB |`),
    '',
    '## Gaps and their causes (measured with `node --cpu-prof`)',
    '',
    ...[
      vsHey > 1 && `- Cold \`generate\` vs \`@hey-api/openapi-ts\`: ${round(vsHey, 2)}× (target 1.0×).`,
      vsOts > 1.5 && `- Cold \`generate\` vs \`openapi-typescript\`: ${round(vsOts, 2)}× (target 1.5×).`,
      at5000 &&
        at5000.maxRssMb > 600 &&
        `- Peak memory at 5,000 methods: ${round(at5000.maxRssMb, 0)} MB (target 600 MB; ${round(g.scaling.at(-1)!.maxRssMb, 0)} MB at ${g.scaling.at(-1)!.methods}). Methods are read, built and written a few at a time and only their summaries stay (names, metadata and the fixture for the entries); memory still grows by about ${round((g.scaling.at(-1)!.maxRssMb - at5000.maxRssMb) / (g.scaling.at(-1)!.methods - 5000), 2)} MB per method.`,
      !flat && `- CPU per added method grows with size: ${marginal.map((x) => `${round(x, 2)}`).join(' / ')} ms.`,
      g.noChange.ms > 1000 &&
        `- No-change \`gen\` (${s(g.noChange.ms)}): hashing the inputs and every file of the package dominates.`,
      slowestOurs.rps < 0.9 * floor.rps && `- Client vs raw fetch: ${round((100 * slowestOurs.rps) / floor.rps, 0)} %.`,
      slowestOurs.rps < 2 * fasterPeer.rps &&
        `- Client vs the faster peer (${round(slowestOurs.rps / fasterPeer.rps, 2)}×): ${
          httpFloor.rps < 2 * fasterPeer.rps
            ? `the bare node:http floor itself reaches only ${round(httpFloor.rps / fasterPeer.rps, 2)}× ${fasterPeer.name} in this run, so no client on this transport can reach 2× against this server (one Node process answering, on the same ${r.cores} cores).`
            : `2× ${fasterPeer.name} is ${round((200 * fasterPeer.rps) / httpFloor.rps, 0)} % of the bare node:http floor in this run (the floor is ${round(httpFloor.rps / fasterPeer.rps, 2)}× the peer); tbk-client reaches ${round((100 * slowestOurs.rps) / httpFloor.rps, 0)} %. Across runs the floor is 1.4–2.1× the faster peer (one Node process answering, on the same ${r.cores} cores), so 2× needs a client within a few per cent of a bare POST.`
        } tbk-client spends ${round(slowestOurs.cpuUsPerRequest - httpFloor.cpuUsPerRequest, 0)} µs CPU per request over that floor: local validation, signing, the lossless JSON scan and type-directed decoding, the per-attempt timer and abort wiring, retries and redaction bookkeeping — behaviour the peers do not have.`,
      oneMethod.minifiedKb > 15 &&
        `- One-method bundle (${round(oneMethod.minifiedKb, 1)} KB): XML is opt-in (the \`xml\` option), multipart comes only with a method that has \`byte[]\` params (\`meta.multipart\`), and only the param checks of the method's kinds are bundled (\`meta.checks\`: Number and String here, 2.2 KB with the walk). By module (esbuild metafile, minified): decoding JSON into the typed shape with lossless numbers, TOP errors and their subclasses ~5.5 KB, the client's call loop, signing string, URL and log events ~4.2 KB, option checks ~2.8 KB, the node:http transport with the attempt frame, the fetch sender of the \`fetch\` option (~0.9 KB) and the answer limit ~3.7 KB, flow control with its in-memory store (~1.3 KB, reached by every client for the code-7 ban), error classes ~1.3 KB, retry decisions ~1.1 KB, encoding ~1.6 KB, signing, redaction, the request guard and the timestamp ~2.4 KB, the method ~0.8 KB. Reaching 15 KB would mean dropping behaviour the design asks for (validation messages naming the param, retries, redaction, the \`fetch\` option, flow control).`,
    ].filter((line): line is string => typeof line === 'string'),
    '',
    `Type-check of a consumer file using five methods (\`tsc --noEmit\`, strict, library types checked): ${round(r.typecheck.seconds, 2)} s${r.typecheck.ok ? '' : ' (FAILED)'}.`,
    '',
  ];
  return lines.join('\n');
}
