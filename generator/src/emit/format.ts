/**
 * Prettier, once, at the end (style.md rule 5), on every `.ts`, `.md` and `.json` file of the
 * package except `dist/` (build output, derived from the formatted sources). Formatting is the
 * slowest stage of `gen` (~20 ms a method module), so files are split across worker threads,
 * one per spare core; the options are fixed here so the output never depends on a user's
 * prettier config.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../report/diagnostic.js';

export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** babel-ts prints the same code as the typescript parser here and parses ~40% faster. */
const PARSERS: Record<string, string> = { '.ts': 'babel-ts', '.md': 'markdown', '.json': 'json' };

/** What formatted text depends on besides its input; part of the reuse key. */
export const FORMAT_RECIPE = `prettier ${JSON.stringify(PRETTIER_OPTIONS)} ${JSON.stringify(PARSERS)}`;

export function parserFor(path: string): string | undefined {
  if (path.startsWith('dist/')) return undefined;
  const ext = /\.[a-z]+$/.exec(path)?.[0] ?? '';
  return PARSERS[ext];
}

/** Total text size below which formatting stays on the main thread. */
const WORKER_THRESHOLD = 300_000;

interface Job {
  path: string;
  text: string;
  parser: string;
}
type Outcome = { path: string; text: string } | { path: string; error: string };

/** Runs in each worker (and inline when there is one core): format a batch of jobs. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const prettier = await import(workerData.prettierUrl);
  const out = [];
  for (const job of workerData.jobs) {
    try { out.push({ path: job.path, text: await prettier.format(job.text, { ...workerData.options, parser: job.parser }) }); }
    catch (e) { out.push({ path: job.path, error: String(e && e.message || e).split('\\n')[0] }); }
  }
  parentPort.postMessage(out);
})();
`;

function runWorker(jobs: Job[]): Promise<Outcome[]> {
  const prettierUrl = import.meta.resolve('prettier');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { jobs, options: PRETTIER_OPTIONS, prettierUrl } });
    worker.once('message', (out: Outcome[]) => {
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function runInline(jobs: Job[]): Promise<Outcome[]> {
  const prettier = await import('prettier');
  const out: Outcome[] = [];
  for (const job of jobs) {
    try {
      out.push({ path: job.path, text: await prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser }) });
    } catch (e) {
      out.push({ path: job.path, error: String((e as Error).message ?? e).split('\n')[0]! });
    }
  }
  return out;
}

/** Split jobs into `n` batches of similar total size (largest first, into the lightest batch). */
function balance(jobs: Job[], n: number): Job[][] {
  const batches = Array.from({ length: n }, () => ({ size: 0, jobs: [] as Job[] }));
  for (const job of [...jobs].sort((a, b) => b.text.length - a.text.length || (a.path < b.path ? -1 : 1))) {
    const lightest = batches.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.jobs.push(job);
    lightest.size += job.text.length + 2000;
  }
  return batches.map((b) => b.jobs).filter((b) => b.length);
}

/**
 * Formats every formattable file in place (returns a new map). A file prettier cannot parse is a
 * generator bug: reported as TBK330 and left unformatted.
 */
export async function formatFiles(files: ReadonlyMap<string, string>, options: { workers?: number } = {}): Promise<{ files: Map<string, string>; diagnostics: Diagnostic[] }> {
  const jobs: Job[] = [];
  for (const [path, text] of files) {
    const parser = parserFor(path);
    if (parser) jobs.push({ path, text, parser });
  }
  // A worker needs ~0.3 s to start and load prettier: worth it only for a large batch.
  const size = jobs.reduce((n, j) => n + j.text.length, 0);
  const workers = options.workers ?? (size < WORKER_THRESHOLD ? 0 : Math.max(0, Math.min(availableParallelism(), 4) - 1));
  const batches = balance(jobs, workers + 1);
  // The main thread takes one batch while the workers run the others.
  const outcomes = (await Promise.all(batches.map((batch, i) => (i === 0 ? runInline(batch) : runWorker(batch))))).flat();
  const out = new Map(files);
  const diagnostics: Diagnostic[] = [];
  for (const o of outcomes) {
    if ('error' in o) diagnostics.push({ file: o.path, line: 0, level: 'error', code: 'TBK330', message: `prettier could not format the generated file: ${o.error}` });
    else out.set(o.path, o.text);
  }
  return { files: out, diagnostics };
}
