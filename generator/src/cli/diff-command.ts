/**
 * `tbk-gen diff OLD NEW [--format text|md|json] [--fail-on breaking|any|never]` (docs/design.md
 * "CLI contract", docs/diff.md). Exit status: 0, or 1 when the --fail-on threshold is met;
 * 2 for usage errors and unusable sides (unknown revision, no spec, invalid spec files).
 */
import { formatDiagnostic, type Diagnostic } from '../report/diagnostic.js';
import { diffSpecs } from '../diff/diff-specs.js';
import { loadSide } from '../diff/load-side.js';
import { renderJson } from '../diff/render-json.js';
import { renderMarkdown } from '../diff/render-markdown.js';
import { renderText } from '../diff/render-text.js';
import type { DiffReport } from '../diff/diff-model.js';
import { optionString, parseArgs, UsageError } from './cli-args.js';

export const DIFF_USAGE = `usage: tbk-gen diff OLD NEW [options]

OLD and NEW are each a spec folder (with methods/), a git revision of this repository
(HEAD~1, origin/main; its spec folder is read), or page sources (doc page files or folders,
scraped on the fly). Prefix with spec:, git: or pages: to force a kind.

options:
  --format text|md|json          output (default text; md is a pull-request comment)
  --fail-on breaking|any|never   exit 1 when breaking changes / any change are found (default breaking)
  --spec DIR                     the spec folder inside the repository (default spec)
  --shared-only                  compare only the methods both sides have

exit status: 0 below the threshold, 1 threshold met, 2 bad usage or input`;

const FORMATS = ['text', 'md', 'json'] as const;
const FAIL_ON = ['breaking', 'any', 'never'] as const;

export interface DiffIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** NO_COLOR (any non-empty value) wins; FORCE_COLOR forces colour into a pipe. */
function wantsColor(io: DiffIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export function thresholdMet(report: DiffReport, failOn: (typeof FAIL_ON)[number]): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'breaking') return report.summary.breaking > 0;
  return report.bump !== 'none';
}

export async function diffCommand(args: string[], io: DiffIo): Promise<number> {
  let options;
  try {
    const parsed = parseArgs(args, { values: ['format', 'fail-on', 'spec'], flags: ['shared-only'] });
    if (parsed.options.help) {
      io.stdout.write(DIFF_USAGE + '\n');
      return 0;
    }
    if (parsed.positionals.length !== 2)
      throw new UsageError(
        `expected OLD and NEW, got ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`,
      );
    options = {
      sides: parsed.positionals as [string, string],
      format: oneOf(optionString(parsed, 'format', 'text'), FORMATS, 'format'),
      failOn: oneOf(optionString(parsed, 'fail-on', 'breaking'), FAIL_ON, 'fail-on'),
      specDir: optionString(parsed, 'spec', 'spec'),
      sharedOnly: parsed.options['shared-only'] === true,
    };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`tbk-gen diff: ${e.message}\n\n${DIFF_USAGE}\n`);
    return 2;
  }
  const load = { cwd: io.cwd, specDir: options.specDir };
  const [before, after] = await Promise.all(options.sides.map((input) => loadSide(input, load)));
  // OLD's problems, then NEW's; each side lists the causes before its summary line.
  for (const d of [...before!.diagnostics, ...after!.diagnostics]) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!before!.side || !after!.side) {
    const bad = [
      before!.side ? undefined : `OLD (${options.sides[0]})`,
      after!.side ? undefined : `NEW (${options.sides[1]})`,
    ].filter(Boolean);
    io.stderr.write(`tbk-gen diff: cannot compare: ${bad.join(' and ')} unusable\n`);
    return 2;
  }
  const warnings: Diagnostic[] = [];
  const report = diffSpecs(before!.side, after!.side, { sharedOnly: options.sharedOnly, diagnostics: warnings });
  for (const d of warnings) io.stderr.write(formatDiagnostic(d) + '\n');
  if (options.format === 'json') io.stdout.write(renderJson(report));
  else if (options.format === 'md') io.stdout.write(renderMarkdown(report));
  else io.stdout.write(renderText(report, { color: wantsColor(io) }));
  return thresholdMet(report, options.failOn) ? 1 : 0;
}

export function runDiff(args: string[]): Promise<number> {
  return diffCommand(args, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
