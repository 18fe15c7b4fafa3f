/**
 * The scrape's guard against silent loss (find-losses.ts): compares each spec about to be
 * written with the committed file, and each committed spec that is not rebuilt with the sources
 * read now, and turns every loss into a TBK243 diagnostic at the spec file. An error (nothing is
 * written) unless the user accepts the losses (`--accept-loss`), then a warning.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import type { MethodSpec } from '../spec/model.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import { findLosses, suspectSources, type Loss } from './find-losses.js';
import { PipelineCode } from './pipeline-codes.js';

export interface Candidate {
  method: string;
  /** `methods/<method>.yaml`, relative to the spec folder. */
  rel: string;
  text: string;
  value: MethodSpec;
}

export interface LossGuardInput {
  specDir: string;
  shownDir: string;
  candidates: readonly Candidate[];
  /** Methods with a spec file on disk. */
  onDisk: ReadonlySet<string>;
  /** Source files read in this run, as specs name them. */
  readNow: ReadonlySet<string>;
  acceptLoss: boolean;
}

/** At most this many facts are named per method; the rest are counted. */
const SHOWN_PER_METHOD = 12;

export async function guardLosses(input: LossGuardInput): Promise<Diagnostic[]> {
  const level = input.acceptLoss ? 'warning' : 'error';
  const rebuilt = new Set(input.candidates.map((c) => c.method));
  const out: Diagnostic[] = [];
  const report = (rel: string, message: string) =>
    out.push({ file: `${input.shownDir}/${rel}`, line: 0, level, code: PipelineCode.factLost, message });

  await Promise.all(
    input.candidates.map(async (c) => {
      if (!input.onDisk.has(c.method)) return;
      const before = await readCommitted(input.specDir, c.rel);
      if (before === undefined || before.text === c.text) return;
      if (!before.value) {
        // Its facts cannot be compared, and it may hold edits: never overwrite it silently.
        const why = before.problem ? ` (${before.problem.message})` : '';
        out.push({
          file: `${input.shownDir}/${c.rel}`,
          line: before.problem?.line ?? 0,
          ...(before.problem?.column ? { column: before.problem.column } : {}),
          level,
          code: PipelineCode.committedUnreadable,
          message: `the committed spec file cannot be read${why}; ${input.acceptLoss ? 'overwritten (--accept-loss)' : 'not overwritten: fix it, or delete it to rebuild it from the pages'}`,
        });
        return;
      }
      const losses = findLosses(before.value, c.value);
      if (!losses.length) return;
      const blame = suspectSources(before.value.sources ?? [], c.value.sources, input.readNow);
      for (const line of lossLines(losses, blame)) report(c.rel, line);
    }),
  );

  // A committed spec not rebuilt although a source it names was read: that page is gone.
  await Promise.all(
    [...input.onDisk]
      .filter((m) => !rebuilt.has(m))
      .map(async (method) => {
        const rel = `methods/${method}.yaml`;
        const before = await readCommitted(input.specDir, rel, false);
        if (!before) return;
        const named = [...before.text.matchAll(/^ {2}- file: (.+)$/gm)].map((m) => m[1]!.replace(/^"(.*)"$/, '$1'));
        const gone = named.filter((file) => input.readNow.has(file));
        if (gone.length)
          report(
            rel,
            `${method} would lose every fact its page gave: ${gone.join(', ')} no longer holds this method's page`,
          );
      }),
  );
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

function lossLines(losses: readonly Loss[], blame: readonly string[]): string[] {
  const method = losses[0]!.method;
  const from = blame.length
    ? `given before by ${blame.join(', ')}`
    : 'every source is unchanged: the readers now take less from them';
  const lines = losses.slice(0, SHOWN_PER_METHOD).map((l) => `${method} would lose ${l.path}: ${l.what} (${from})`);
  if (losses.length > SHOWN_PER_METHOD)
    lines.push(`${method} would lose ${losses.length - SHOWN_PER_METHOD} more facts`);
  return lines;
}

interface Committed {
  text: string;
  value?: MethodSpec;
  /** Why the file could not be read as a spec. */
  problem?: { line: number; column?: number; message: string };
}

async function readCommitted(specDir: string, rel: string, parse = true): Promise<Committed | undefined> {
  const text = await readFile(resolve(specDir, rel), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  if (!parse) return { text };
  const parsed = parseYamlWithPositions(rel, text);
  const value = parsed.value as MethodSpec | undefined;
  // A committed file that does not parse holds no facts this guard could compare.
  if (value && typeof value === 'object' && typeof value.method === 'string') return { text, value };
  const problem = parsed.diagnostics[0] ?? { line: 1, column: 1, message: 'not a method spec: no `method` key' };
  return {
    text,
    problem: { line: problem.line, ...(problem.column ? { column: problem.column } : {}), message: problem.message },
  };
}
