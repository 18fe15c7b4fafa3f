/**
 * `node --import tsx scripts/fuzz-pages.ts [--seed N] [--jobs 2] [--timeout-s 60] [--json FILE] [--limit N]`:
 * the bad-input fuzz. Pages of every source format under spec/pages (seed text, markdown dump,
 * doc records, reduced records) and the saved-HTML fixtures are mutated — truncated, with bytes
 * inserted, invalid UTF-8, a BOM, CRLF, CR CR LF and lone CR line ends, duplicate JSON keys or
 * rows, deep nesting, text glued to a separator, 10 MB inputs — and each mutant is scraped by the
 * real binary (`tbk-gen scrape PAGE --spec DIR --force`) into an empty spec folder under a temp
 * folder: never the repository's spec/. Each run is classified:
 *
 * - clean: exit 0, 1 or 2, and every stderr line is a diagnostic (`file:line: level CODE …`) or
 *   one of the command's own messages: no stack trace;
 * - diagnosed: clean, with at least one warning or error about the mutated page;
 * - wrote a spec: a method file was written;
 * - slow: took over 5 s; hang: killed after --timeout-s;
 * - stack trace / crash: anything else (printed with the mutant's name, to replay).
 *
 * Prints a summary (and `--json FILE` writes every run). Exit 1 when any run crashed or hung.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261207' },
    jobs: { type: 'string', default: '2' },
    'timeout-s': { type: 'string', default: '60' },
    json: { type: 'string' },
    limit: { type: 'string' },
  },
});
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'generator/bin/tbk-gen.js');
const TIMEOUT_MS = Number(values['timeout-s']) * 1000;
const SLOW_MS = 5000;
const TEN_MB = 10 * 1024 * 1024;

let state = Number(values.seed) >>> 0 || 1;
/** Deterministic noise (xorshift32), so a run can be replayed with its seed. */
function random(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 2 ** 32;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const at = (length: number) => Math.floor(length * (0.05 + 0.9 * random()));

interface Mutant {
  name: string;
  /** File name of the mutated page (its extension tells the format). */
  file: string;
  bytes: Buffer;
}

type Mutation = (bytes: Buffer, ext: string) => Buffer | undefined;

const text = (b: Buffer) => b.toString('utf8');
const splice = (b: Buffer, offset: number, insert: Buffer) =>
  Buffer.concat([b.subarray(0, offset), insert, b.subarray(offset)]);
const noise = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

/** A JSON text with one key of an object repeated, the copy given another value. */
function duplicateKey(b: Buffer): Buffer | undefined {
  const t = text(b);
  const keys = [...t.matchAll(/"([A-Za-z_]+)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false|null)\s*([,}])/g)];
  if (!keys.length) return undefined;
  const m = pick(keys);
  const end = m.index + m[0].length - 1;
  return Buffer.from(`${t.slice(0, end)}, "${m[1]}": "DUPLICATE-GARBAGE"${t.slice(end)}`);
}

/** A text page with one table row or sample line printed twice. */
function duplicateLine(b: Buffer): Buffer {
  const lines = text(b).split('\n');
  const i = Math.floor(random() * lines.length);
  lines.splice(i, 0, lines[i]!);
  return Buffer.from(lines.join('\n'));
}

function deepNesting(b: Buffer, ext: string): Buffer {
  if (ext === '.json') {
    // A value nested 100k arrays deep in place of the first string value.
    const t = text(b);
    const i = t.indexOf('": "');
    return Buffer.from(
      `${t.slice(0, i + 3)}${'['.repeat(100_000)}${']'.repeat(100_000)}${t.slice(t.indexOf('"', i + 4) + 1)}`,
    );
  }
  const open = pick(['<div>', '<ul><li>', '<table><tr><td>', '<span>']);
  return splice(b, random() < 0.5 ? 0 : at(b.length), Buffer.from(open.repeat(50_000)));
}

function tenMegabytes(b: Buffer, ext: string): Buffer {
  const kind = Math.floor(random() * 3);
  if (kind === 0) return Buffer.concat([b, Buffer.from('junk text '.repeat(Math.ceil(TEN_MB / 10)))]);
  if (kind === 1 && ext !== '.json') {
    // The page's own content repeated: tables, samples and nav, 10 MB of them.
    return Buffer.concat(Array.from({ length: Math.ceil(TEN_MB / b.length) }, () => b));
  }
  // One huge value inside the page: a description in a record, a table cell after a type.
  const t = text(b);
  const marks =
    ext === '.json' ? ['"description": "'] : ['| String |', '| Number |', '<td>String</td>', '<td>Number</td>'];
  const found = marks.map((m) => [t.indexOf(m), m.length] as const).filter(([i]) => i >= 0);
  const [i, length] = found.sort((x, y) => x[0] - y[0])[0] ?? [0, 0];
  return Buffer.from(`${t.slice(0, i + length)}${'长'.repeat(Math.ceil(TEN_MB / 3))}${t.slice(i + length)}`);
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b) => b.subarray(0, at(b.length)),
  'truncate-tiny': (b) => b.subarray(0, 1 + Math.floor(random() * 40)),
  'insert-bytes': (b) => splice(b, at(b.length), noise(1 + Math.floor(random() * 64))),
  'invalid-utf8': (b) => splice(b, at(b.length), Buffer.from([pick([0xff, 0xc3, 0xe4, 0x80, 0xf8])])),
  'nul-byte': (b) => splice(b, at(b.length), Buffer.from([0])),
  bom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crlf: (b) => Buffer.from(text(b).replace(/\r?\n/g, '\r\n')),
  'cr-cr-lf': (b) => Buffer.from(text(b).replace(/\r?\n/g, '\r\r\n')),
  'lone-cr': (b) => Buffer.from(text(b).replace(/\r?\n/g, '\r')),
  'duplicate-key': (b, ext) => (ext === '.json' ? duplicateKey(b) : duplicateLine(b)),
  'deep-nesting': deepNesting,
  'glued-separator': (b, ext) =>
    ext === '.json' ? undefined : Buffer.from(text(b).replace(/(\n\s*\|?\s*-{3,}\s*\|)/, '$1junk text')),
  'ten-mb': tenMegabytes,
};

function pagesToMutate(): string[] {
  const inFolder = (dir: string, ext: string, count: number) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith(ext))
      .sort()
      .slice(0, count)
      .map((f) => join(dir, f));
  return [
    ...inFolder('spec/pages/rendered-pages', '.txt', 5),
    ...inFolder('spec/pages/markdown-dump', '.md', 1),
    ...inFolder('spec/pages/doc-records', '.json', 5),
    ...inFolder('spec/pages/doc-records-reduced', '.json', 8),
    ...inFolder('test/fixtures/html', '.html', 4),
  ];
}

/** Every page × every mutation (ten-mb and the cheap ones once; truncation and noise twice). */
function* mutants(): Generator<Mutant> {
  for (const page of pagesToMutate()) {
    const bytes = readFileSync(join(ROOT, page));
    const ext = extname(page);
    for (const [kind, mutate] of Object.entries(MUTATIONS)) {
      const times = ['truncate', 'insert-bytes', 'invalid-utf8'].includes(kind) ? 2 : 1;
      for (let k = 0; k < times; k++) {
        const out = mutate(bytes, ext);
        if (out)
          yield {
            name: `${page} ${kind}${times > 1 ? `#${k + 1}` : ''}`,
            file: `${basename(page, ext)}${ext}`,
            bytes: out,
          };
      }
    }
  }
}

interface Outcome {
  name: string;
  bytes: number;
  code: number | null;
  ms: number;
  clean: boolean;
  diagnosed: boolean;
  wroteSpec: boolean;
  largestSpecBytes: number;
  hang: boolean;
  stackTrace: boolean;
  /** First stderr lines that were neither diagnostics nor the command's messages. */
  unexpected: string[];
}

const DIAGNOSTIC = /^\S.*?:\d+(?::\d+)?: (error|warning|notice) TBK\d{3} /;
const OWN_MESSAGE = /^(tbk-gen \w+: |scrape: )/;
const STACK = /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$|^(\w*Error|TypeError|RangeError): /m;

function run(dir: string, mutant: Mutant): Promise<Outcome> {
  const page = join(dir, mutant.file);
  const spec = join(dir, 'spec');
  writeFileSync(page, mutant.bytes);
  mkdirSync(join(spec, 'methods'), { recursive: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'scrape', page, '--spec', spec, '--force'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let cut = false;
    let hang = false;
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4 * 1024 * 1024) stderr += chunk.toString('utf8');
      else cut = true;
    });
    const timer = setTimeout(() => {
      hang = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const lines = stderr.split('\n').filter((l) => l.trim() !== '');
      if (cut) lines.pop(); // the last line kept may be cut in the middle
      const unexpected = lines.filter((l) => !DIAGNOSTIC.test(l) && !OWN_MESSAGE.test(l));
      const stackTrace = STACK.test(stderr);
      const methods = readdirSync(join(spec, 'methods'));
      const largestSpecBytes = Math.max(0, ...methods.map((f) => statSync(join(spec, 'methods', f)).size));
      const clean = !hang && !stackTrace && unexpected.length === 0 && (code === 0 || code === 1 || code === 2);
      const about = lines.filter((l) => DIAGNOSTIC.test(l) && / (warning|error) TBK/.test(l) && l.startsWith(page));
      resolve({
        name: mutant.name,
        bytes: mutant.bytes.length,
        code,
        ms,
        clean,
        diagnosed: clean && about.length > 0,
        wroteSpec: methods.length > 0,
        largestSpecBytes,
        hang,
        stackTrace,
        unexpected: unexpected.slice(0, 3),
      });
    });
  });
}

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'tbk-fuzz-'));
  const jobs = Math.max(1, Number(values.jobs));
  const outcomes: Outcome[] = [];
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  const all = [...mutants()];
  // --limit N: a spread-out sample of N mutants, for a quick look.
  const chosen = limit >= all.length ? all : all.filter((_, i) => i % Math.ceil(all.length / limit) === 0);
  const queue = chosen[Symbol.iterator]();
  // Build the CLI bundle once before the parallel runs.
  await new Promise((resolve) => spawn(process.execPath, [BIN, '--help'], { stdio: 'ignore' }).on('close', resolve));
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: jobs }, async (_, slot) => {
        for (let next = queue.next(); !next.done; next = queue.next()) {
          const dir = join(work, `run-${slot}`);
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          const outcome = await run(dir, next.value);
          outcomes.push(outcome);
          if (!outcome.clean)
            process.stderr.write(
              `NOT CLEAN ${outcome.name}: exit ${outcome.code}${outcome.hang ? ' (hang)' : ''}${outcome.stackTrace ? ' (stack trace)' : ''} ${outcome.unexpected.join(' | ').slice(0, 300)}\n`,
            );
          if (outcomes.length % 25 === 0)
            process.stderr.write(
              `fuzz: ${outcomes.length} runs, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
            );
        }
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  outcomes.sort((a, b) => (a.name < b.name ? -1 : 1));
  const count = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const summary = {
    runs: outcomes.length,
    clean: count((o) => o.clean),
    diagnosed: count((o) => o.diagnosed),
    wroteSpec: count((o) => o.wroteSpec),
    over5s: count((o) => o.ms > SLOW_MS),
    stackTraces: count((o) => o.stackTrace),
    hangs: count((o) => o.hang),
    largestSpecBytes: Math.max(...outcomes.map((o) => o.largestSpecBytes)),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  process.stdout.write(
    [
      `fuzz: ${summary.runs} mutated pages (seed ${values.seed}) in ${summary.seconds} s`,
      `  clean diagnostics (no crash, every line a diagnostic): ${summary.clean}`,
      `  of which a warning or error named the mutated page:   ${summary.diagnosed}`,
      `  wrote a spec:                                         ${summary.wroteSpec} (largest method file ${summary.largestSpecBytes} bytes)`,
      `  over ${SLOW_MS / 1000} s:                                            ${summary.over5s}`,
      `  stack traces:                                         ${summary.stackTraces}`,
      `  hangs (killed after ${TIMEOUT_MS / 1000} s):                            ${summary.hangs}`,
      `  slowest: ${slowest.map((o) => `${o.name} ${(o.ms / 1000).toFixed(1)} s`).join('; ')}`,
      '',
    ].join('\n'),
  );
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ summary, outcomes }, null, 2)}\n`);
  return summary.stackTraces + summary.hangs + (summary.runs - summary.clean) > 0 ? 1 : 0;
}

process.exitCode = await main();
