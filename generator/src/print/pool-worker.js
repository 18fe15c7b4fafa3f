// @ts-check
/**
 * The jobs of the worker pool (worker-pool.ts): prettier on one file, the isolated declarations
 * of one module. The same runner serves the worker threads and the main thread.
 *
 * Plain JavaScript, type-checked by tsc through these JSDoc types (tsconfig.json lists this
 * file): a worker thread loads it by URL with Node's own loader, whichever way the generator
 * itself was loaded (the esbuild bundle in generator/src/.build/, tsx, vitest), and only a `.js`
 * file loads the same under all three. Packages resolve from this file's folder, so a run from
 * any working directory finds the project's prettier and ts-morph.
 */
import { createRequire } from 'node:module';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {{ kind: 'format'; text: string; parser: string }
 *   | { kind: 'declare'; text: string; fileName: string }} JobMessage
 * @typedef {{ text: string } | { error: string }} FormatOutcome
 * @typedef {{ text: string } | { problem: { message: string; start: number | undefined } }} DeclareOutcome
 * @typedef {{ prettierOptions: import('prettier').Options; declarationOptions: Record<string, unknown> }} JobSettings
 * @typedef {typeof import('ts-morph').ts} TypeScript
 */

/** Marks the workers this pool starts, so a test runner's own worker threads never listen here. */
export const POOL_WORKER = 'tbk-gen pool worker';

const require = createRequire(import.meta.url);

/**
 * A job runner that loads prettier or the compiler on its first job of that kind.
 * @param {JobSettings} settings
 * @returns {(job: JobMessage) => Promise<FormatOutcome | DeclareOutcome>}
 */
export function createJobRunner(settings) {
  /** @type {Promise<typeof import('prettier')> | undefined} */
  let prettier;
  /** @type {{ ts: TypeScript; options: import('ts-morph').ts.CompilerOptions } | undefined} */
  let compiler;
  return async (job) => {
    if (job.kind === 'format') {
      try {
        const { format } = await (prettier ??= import('prettier'));
        return { text: await format(job.text, { ...settings.prettierOptions, parser: job.parser }) };
      } catch (e) {
        return { error: String((e instanceof Error && e.message) || e).split('\n')[0] ?? '' };
      }
    }
    compiler ??= loadCompiler(settings);
    const { ts, options } = compiler;
    const out = ts.transpileDeclaration(job.text, {
      fileName: job.fileName,
      compilerOptions: options,
      reportDiagnostics: true,
    });
    const first = out.diagnostics?.[0];
    if (!first) return { text: out.outputText };
    return { problem: { message: ts.flattenDiagnosticMessageText(first.messageText, ' '), start: first.start } };
  };
}

/** @param {JobSettings} settings */
function loadCompiler(settings) {
  /** @type {TypeScript} */
  const ts = /** @type {typeof import('ts-morph')} */ (require('ts-morph')).ts;
  return { ts, options: ts.convertCompilerOptionsFromJson(settings.declarationOptions, '.').options };
}

/** @typedef {JobSettings & { marker: string }} WorkerData */
const data = /** @type {Partial<WorkerData> | undefined} */ (workerData);
if (!isMainThread && parentPort && data?.marker === POOL_WORKER) {
  const port = parentPort;
  const run = createJobRunner(/** @type {WorkerData} */ (data));
  port.on('message', (/** @type {{ id: number; job: JobMessage }} */ { id, job }) => {
    void run(job).then((outcome) => port.postMessage({ id, outcome }));
  });
}
