/**
 * `tbk-gen release [major|minor|patch|auto] [--dry-run]` (docs/publishing.md): compare the spec
 * with the previous release, refuse a bump smaller than the diff requires (exit 1) or a dirty
 * work tree (exit 1), else write the new version and the changelog entry and regenerate the
 * package; then print the tag and the publish command. `--dry-run` prints the plan only.
 * Exit status: 0 done (or planned), 1 refused, 2 bad usage or unusable input.
 */
import { formatDiagnostic, sortDiagnostics } from '../report/diagnostic.js';
import { readPackageIdentity } from '../spec/package-identity.js';
import { CHANGE_SECTIONS, type ReleaseEntry } from '../spec/release-history.js';
import { applyRelease } from '../release/apply-release.js';
import { planRelease, type BumpRequest, type ReleasePlan } from '../release/plan-release.js';
import { ReleaseCode } from '../release/release-codes.js';
import { optionString, readCommandArgs, UsageError } from './cli-args.js';

const USAGE = `usage: tbk-gen release [major|minor|patch|auto] [--dry-run] [--spec DIR] [--out DIR]

Compare the spec with the previous release (the tag <name>@<version>, else the commit that set
the version in <spec>/package.yaml), check that the bump covers what the diff requires, write
the new version and its changelog entry, and regenerate the package.
  auto (default)  the bump the diff requires (below 1.0.0: breaking → minor, others → patch)
  --dry-run       print what would be done; write nothing
  --spec DIR      spec folder (default spec)
  --out DIR       package folder (default generated)

exit status: 0 released (or planned), 1 refused (dirty tree, bump too small, nothing changed,
tag exists), 2 bad usage or input`;

const BUMPS: readonly BumpRequest[] = ['major', 'minor', 'patch', 'auto'];
const HEADINGS = { breaking: 'breaking', added: 'added', changed: 'changed', docs: 'docs' } as const;

export interface ReleaseIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The release date, YYYY-MM-DD (default: today, UTC). */
  date?: string;
}

/** The entry as indented text, for the terminal. */
export function describeEntry(entry: ReleaseEntry): string[] {
  const lines: string[] = [];
  for (const section of CHANGE_SECTIONS) {
    if (!entry[section].length) continue;
    lines.push(`  ${HEADINGS[section]}:`);
    for (const m of entry[section]) {
      lines.push(`    ${m.method}${m.title ? ` — ${m.title}` : ''}`);
      for (const c of m.changes) lines.push(`      ${c}`);
    }
  }
  return lines.length ? lines : ['  (no API change)'];
}

function nextSteps(plan: ReleasePlan, outDir: string): string[] {
  return [
    `tag: ${plan.tag}`,
    `publish: npm publish ${outDir}   (or: cd ${outDir} && npm publish)`,
    'next:',
    '  review   git diff',
    `  commit   git add -A && git commit -m "Release ${plan.tag}"`,
    `  tag      git tag ${plan.tag}   (on the commit that lands)`,
    `  publish  npm publish ${outDir}`,
  ];
}

export async function releaseCommand(args: string[], io: ReleaseIo): Promise<number> {
  const read = readCommandArgs(
    'release',
    USAGE,
    args,
    { values: ['spec', 'out'], flags: ['dry-run'] },
    (parsed) => {
      if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
      const bump = (parsed.positionals[0] ?? 'auto') as BumpRequest;
      if (!BUMPS.includes(bump)) throw new UsageError(`the bump is one of ${BUMPS.join(', ')} (got "${bump}")`);
      return {
        bump,
        dryRun: parsed.options['dry-run'] === true,
        specDir: optionString(parsed, 'spec', 'spec'),
        outDir: optionString(parsed, 'out', 'generated'),
      };
    },
    io,
  );
  if ('exit' in read) return read.exit;
  const { bump, dryRun, specDir, outDir } = read.options;

  const identity = await readPackageIdentity(specDir);
  for (const d of sortDiagnostics(identity.diagnostics)) io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (identity.diagnostics.some((d) => d.level === 'error')) return 2;
  if (!identity.file || identity.text === undefined) {
    io.stderr.write(
      `${specDir}/package.yaml:0: error ${ReleaseCode.noRepositoryOrIdentity} no package identity: a release needs ${specDir}/package.yaml (name, version, …)\n`,
    );
    return 2;
  }
  const date = io.date ?? new Date().toISOString().slice(0, 10);
  const plan = await planRelease({
    cwd: io.cwd,
    specDir,
    identityFile: identity.file,
    identity: identity.identity,
    bump,
    date,
  });
  if ('refused' in plan) {
    for (const d of plan.refused.diagnostics ?? []) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`tbk-gen release: ${plan.refused.code} ${plan.refused.message}\n`);
    return plan.refused.exit;
  }
  const head = `${identity.identity.name} ${plan.from} → ${plan.to} (${plan.bump} bump; the diff requires ${plan.required}: ${plan.reason})`;
  if (dryRun) {
    io.stdout.write(
      [
        `release (dry run): ${head}`,
        'changelog entry:',
        ...describeEntry(plan.entry),
        `would write: ${identity.file} (version ${plan.to}), ${specDir}/releases.yaml (entry ${plan.to}), package-lock.json (workspace version), ${outDir}/ (regenerated)`,
        ...nextSteps(plan, outDir),
        '',
      ].join('\n'),
    );
    return 0;
  }
  const applied = await applyRelease(plan, {
    specDir,
    outDir,
    identityFile: identity.file,
    identityText: identity.text,
  });
  const errors = applied.result.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) {
    for (const d of sortDiagnostics(errors)) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`tbk-gen release: the package could not be generated; nothing was changed\n`);
    return 2;
  }
  io.stdout.write(
    [
      `released: ${head}`,
      ...describeEntry(plan.entry),
      `wrote ${applied.written.join(', ')}; regenerated ${outDir}/ (${applied.result.files.size} files, CHANGELOG.md names ${plan.to})`,
      ...nextSteps(plan, outDir),
      '',
    ].join('\n'),
  );
  return 0;
}

export function runRelease(args: string[]): Promise<number> {
  return releaseCommand(args, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}
