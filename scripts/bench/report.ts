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
  // Marginal cost per method between consecutive sizes: the fixed start-up is amortised away.
  const marginal = g.scaling.slice(1).map((p, i) => (p.ms - g.scaling[i]!.ms) / (p.methods - g.scaling[i]!.methods));
  const flat = marginal.length > 0 && Math.max(...marginal) <= 1.5 * Math.min(...marginal);
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
    `| flat per-method cost up to ${g.scaling.at(-1)!.methods} methods (marginal cost between sizes, max/min ≤ 1.5) | ${marginal.map((x) => `${round(x, 1)}`).join(' / ')} ms per added method | ${mark(flat)} |`,
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
    '## Gaps and their causes (from the figures above)',
    '',
    `- Cold \`gen\`: prettier (\`format\`) takes ${round(g.cold.stages['format'] ?? NaN, 2)} s and the dist build (esbuild + declarations) ${round(g.cold.stages['dist'] ?? NaN, 2)} s of ${s(g.cold.ms)}; the fixed cost of a \`generate\` run is ${round(fit.intercept / 1000, 2)} s. Next step: emit code already in prettier's layout and format only what is not, or cache formatted output by content hash.`,
    `- No-change \`gen\`: the scrape stage (${round(g.noChange.stages['scrape (read + normalise)'] ?? NaN, 2)} s: reading every source, YAML serialisation) and reading the spec back (${round(g.noChange.stages['read'] ?? NaN, 2)} s, YAML parsing of every method file) dominate, plus Node and tsx start-up. Next step: skip re-serialising unchanged sources by hash; a prebuilt CLI bundle instead of tsx.`,
    `- Client throughput: raw \`fetch\` (undici) itself reaches only ${round((100 * floor.rps) / fasterPeer.rps, 0)} % of ${fasterPeer.name}, which uses node:http with keep-alive; tbk-client sends through \`fetch\` (injectable by design), so the 2× target is out of reach with that transport. Its own cost over the floor is ${round(slowestOurs.cpuUsPerRequest - floor.cpuUsPerRequest, 0)} µs CPU per request (validation, signing, lossless decoding). Next step: a node:http transport as the default on Node.`,
    `- One-method bundle: ${round(oneMethod.minifiedKb, 1)} KB minified because the runtime carries the XML parser and decoder, the lossless JSON parser, multipart encoding, validation and retries for every program. Next step: load the XML path only when \`format: 'xml'\` is used.`,
    '',
    `Type-check of a consumer file using five methods (\`tsc --noEmit\`, strict, library types checked): ${round(r.typecheck.seconds, 2)} s${r.typecheck.ok ? '' : ' (FAILED)'}.`,
    '',
  ];
  return lines.join('\n');
}
