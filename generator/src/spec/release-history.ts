/**
 * `spec/releases.yaml`: the release history of the package, newest first, one entry per
 * `tbk-gen release` (its changes per method, grouped as the changelog shows them). It is the
 * committed input `generated/CHANGELOG.md` is rendered from, so the changelog survives every
 * `npm run gen` and `check` holds it to the history. `release` prepends entries; the wording of
 * the changes may be edited by hand. Problems are TBK510–TBK511.
 */
import { readOptionalFile } from './read-optional-file.js';
import { join } from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import { compareVersions, parseVersion } from './package-version.js';
import { serializeYaml } from './yaml-emit.js';
import { SpecCode } from './spec-codes.js';

export const HISTORY_FILE = 'releases.yaml';

/** The changelog's sections, in the order it prints them. */
export const CHANGE_SECTIONS = ['breaking', 'added', 'changed', 'docs'] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

export interface MethodChanges {
  method: string;
  title?: string;
  changes: string[];
}

export interface ReleaseEntry {
  version: string;
  /** YYYY-MM-DD (UTC) of the release run. */
  date: string;
  /** The version released before, when there was one. */
  previous?: string;
  /** What the spec was compared with: the tag, or the commit that recorded the previous version. */
  compared_with: string;
  /** The diff's totals in words. */
  summary: string;
  breaking: MethodChanges[];
  added: MethodChanges[];
  changed: MethodChanges[];
  docs: MethodChanges[];
}

export interface HistoryRead {
  releases: ReleaseEntry[];
  diagnostics: Diagnostic[];
}

const HEADER = [
  '# Release history of the package, newest first. Written by `tbk-gen release`, which prepends one',
  '# entry per release; generated/CHANGELOG.md is rendered from it. The wording of the changes may be',
  '# edited by hand; keep the versions.',
].join('\n');

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function readReleaseHistory(specDir: string): Promise<HistoryRead> {
  const file = join(specDir, HISTORY_FILE);
  const read = await readOptionalFile(file);
  if ('absent' in read) return { releases: [], diagnostics: [] };
  if ('error' in read) return { releases: [], diagnostics: [read.error] };
  return parseReleaseHistory(file, read.text);
}

export function parseReleaseHistory(file: string, text: string): HistoryRead {
  const parsed = parseYamlWithPositions(file, text);
  const diagnostics = [...parsed.diagnostics];
  const fail = (node: Node | undefined, code: string, message: string): void => {
    const at = parsed.positionOf(node);
    diagnostics.push({ file, line: at.line, column: at.column, level: 'error', code, message });
  };
  if (diagnostics.length) return { releases: [], diagnostics };
  const root = parsed.document.contents;
  const list = isMap(root) ? root.get('releases', true) : undefined;
  if (!isSeq(list)) {
    fail(
      root ?? undefined,
      SpecCode.historyInvalid,
      'a release history is a map with a `releases:` list, newest first',
    );
    return { releases: [], diagnostics };
  }
  const releases: ReleaseEntry[] = [];
  for (const item of list.items) {
    const entry = readEntry(item as Node, fail);
    if (!entry) continue;
    const newer = releases.at(-1);
    if (newer && compareVersions(parseVersion(newer.version)!, parseVersion(entry.version)!) <= 0) {
      fail(
        isMap(item) ? item.get('version', true) : undefined,
        SpecCode.historyOrder,
        `releases are newest first: ${entry.version} comes after ${newer.version}`,
      );
    }
    releases.push(entry);
  }
  return { releases: diagnostics.length ? [] : releases, diagnostics };
}

type Fail = (node: Node | undefined, code: string, message: string) => void;

function readEntry(node: Node, fail: Fail): ReleaseEntry | undefined {
  if (!isMap(node))
    return void fail(
      node,
      SpecCode.historyInvalid,
      'a release is a map: version, date, compared_with, summary, breaking, added, changed, docs',
    );
  const value = node.toJSON() as Record<string, unknown>;
  const at = (key: string): Node => (node.get(key, true) as Node | undefined) ?? node;
  const known = new Set(['version', 'date', 'previous', 'compared_with', 'summary', ...CHANGE_SECTIONS]);
  let ok = true;
  const bad = (key: string, message: string): void => {
    ok = false;
    fail(at(key), SpecCode.historyInvalid, message);
  };
  for (const key of Object.keys(value))
    if (!known.has(key)) bad(key, `unknown key "${key}" in a release (${[...known].join(', ')})`);
  if (typeof value['version'] !== 'string' || !parseVersion(value['version']))
    bad('version', 'a release needs a `version` MAJOR.MINOR.PATCH');
  if (value['previous'] !== undefined && (typeof value['previous'] !== 'string' || !parseVersion(value['previous'])))
    bad('previous', '`previous` is a version MAJOR.MINOR.PATCH');
  if (typeof value['date'] !== 'string' || !DATE.test(value['date']))
    bad('date', 'a release needs a `date` YYYY-MM-DD');
  for (const key of ['compared_with', 'summary'])
    if (typeof value[key] !== 'string') bad(key, `a release needs \`${key}\` (text)`);
  for (const section of CHANGE_SECTIONS) {
    const list = value[section] ?? [];
    if (!Array.isArray(list) || !list.every(isMethodChanges))
      bad(section, `\`${section}\` is a list of { method, title?, changes: [text, …] }`);
  }
  if (!ok) return undefined;
  const entry: ReleaseEntry = {
    version: value['version'] as string,
    date: value['date'] as string,
    compared_with: value['compared_with'] as string,
    summary: value['summary'] as string,
    breaking: [],
    added: [],
    changed: [],
    docs: [],
  };
  if (typeof value['previous'] === 'string') entry.previous = value['previous'];
  for (const section of CHANGE_SECTIONS) entry[section] = (value[section] as MethodChanges[] | undefined) ?? [];
  return entry;
}

function isMethodChanges(v: unknown): v is MethodChanges {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  const keysOk = Object.keys(m).every((k) => k === 'method' || k === 'title' || k === 'changes');
  return (
    keysOk &&
    typeof m['method'] === 'string' &&
    (m['title'] === undefined || typeof m['title'] === 'string') &&
    Array.isArray(m['changes']) &&
    m['changes'].every((c) => typeof c === 'string')
  );
}

/** The history as YAML, keys in a fixed order, with the header comment. */
export function serializeReleaseHistory(releases: readonly ReleaseEntry[]): string {
  const ordered = releases.map((r) => ({
    version: r.version,
    date: r.date,
    ...(r.previous ? { previous: r.previous } : {}),
    compared_with: r.compared_with,
    summary: r.summary,
    ...Object.fromEntries(
      CHANGE_SECTIONS.map((s) => [
        s,
        r[s].map((m) => ({ method: m.method, ...(m.title ? { title: m.title } : {}), changes: m.changes })),
      ]),
    ),
  }));
  // Read the same by YAML 1.1 parsers: a plain 2026-01-02 is a date to them (yaml-scalars.ts).
  return `${HEADER}\n${serializeYaml({ releases: ordered })}`;
}
