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
  const ours = r.client.filter((c) => c.name.startsWith('tbk-client'));
  const peers = r.client.filter((c) => !c.name.startsWith('tbk-client') && c !== floor);
  const fasterPeer = peers.reduce((a, b) => (a.rps >= b.rps ? a : b));
  const slowestOurs = ours.reduce((a, b) => (a.rps <= b.rps ? a : b));
  const fit = fitLine(g.scaling.map((p) => ({ x: p.methods, y: p.ms })));
  const perMethod = g.scaling.map((p) => p.msPerMethod);
  const flat = Math.max(...perMethod) <= 1.5 * Math.min(...perMethod);
  const oneMethod = r.bundles[0]!;
  const lines = [
    '# Benchmarks',
    '',
    `Command: \`${r.command}\` — ${r.cores} cores, Node ${r.node}. Every figure is the median of ${r.runs} runs`,
    '(scaling sizes ≥ 1,000 methods: one run); comparisons are ratios measured in the same run.',
    '',
    '## Targets',
    '',
    '| target | result | |',
    '|---|---|---|',
    `| full \`gen\` (cold: fresh spec copy and package folder) ≤ 3 s | ${s(g.cold.ms)} | ${mark(g.cold.ms <= 3000)} |`,
    `| \`gen\` with nothing changed ≤ 1 s | ${s(g.noChange.ms)} | ${mark(g.noChange.ms <= 1000)} |`,
    `| flat per-method cost up to 2,000 methods (max/min per-method ≤ 1.5) | ${perMethod.map((x) => `${round(x, 1)}`).join(' / ')} ms per method | ${mark(flat)} |`,
    `| tbk-client ≥ 90 % of the raw-fetch floor | ${round((100 * slowestOurs.rps) / floor.rps, 0)} % (${slowestOurs.name}) | ${mark(slowestOurs.rps >= 0.9 * floor.rps)} |`,
    `| tbk-client ≥ 2× the faster npm peer | ${round(slowestOurs.rps / fasterPeer.rps, 1)}× (${fasterPeer.name}) | ${mark(slowestOurs.rps >= 2 * fasterPeer.rps)} |`,
    `| one-method bundle ≤ 15 KB minified | ${round(oneMethod.minifiedKb, 1)} KB | ${mark(oneMethod.minifiedKb <= 15)} |`,
    '',
    '## Generator (112 methods, every input)',
    '',
    '| run | wall | peak memory | stages (s) |',
    '|---|---|---|---|',
    `| cold \`gen\` | ${s(g.cold.ms)} | ${round(g.cold.maxRssMb, 0)} MB | ${Object.entries(g.cold.stages).map(([k, v]) => `${k} ${round(v, 2)}`).join(', ')} |`,
    `| \`gen\`, nothing changed | ${s(g.noChange.ms)} | ${round(g.noChange.maxRssMb, 0)} MB | ${Object.entries(g.noChange.stages).map(([k, v]) => `${k} ${round(v, 2)}`).join(', ')} |`,
    `| \`check\` (regenerates everything in memory, no reuse) | ${s(g.check.ms)} | | |`,
    '',
    'Wall times include Node start-up and loading the TypeScript sources through tsx.',
    '',
    '### Scaling: `generate` (cold) on synthetic specs of cloned real methods',
    '',
    '| methods | wall | per method |',
    '|---|---|---|',
    ...g.scaling.map((p) => `| ${p.methods} | ${s(p.ms)} | ${round(p.msPerMethod, 1)} ms |`),
    '',
    `Least-squares fit: ${round(fit.slope, 2)} ms per method + ${round(fit.intercept / 1000, 2)} s fixed.`,
    '',
    `## Client (${r.clientRequests} requests per run, ${r.concurrency} in flight, one local server in another process)`,
    '',
    '| client | requests/s | vs floor | client CPU per request |',
    '|---|---|---|---|',
    ...r.client.map((c) => `| ${c.name} | ${round(c.rps, 0)} | ${round((100 * c.rps) / floor.rps, 0)} % | ${round(c.cpuUsPerRequest, 0)} µs |`),
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
    `Type-check of a consumer file using five methods (\`tsc --noEmit\`, strict, library types checked): ${round(r.typecheck.seconds, 2)} s${r.typecheck.ok ? '' : ' (FAILED)'}.`,
    '',
  ];
  return lines.join('\n');
}
