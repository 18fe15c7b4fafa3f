/**
 * `spec/overrides/<method>.yaml`: hand-written patches for known doc mistakes, applied after
 * normalising so they survive re-scraping (format in docs/scrape.md). Every entry says why.
 *
 *   method: taobao.tbk.sc.organization.member.mod
 *   set:             [{ path: response.biz_error_desc.type, value: String, reason: … }]
 *   add:             [{ to: response, field: { name, type, … }, after: result, reason: … }]
 *   remove:          [{ path: request.foo, reason: … }]
 *   accept_mismatch: [{ path: response.x, reason: … }]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.js';
import type { SpecField } from '../spec/model.js';
import { parseYamlWithPositions } from '../positions/yaml-positions.js';
import { CODES } from './normaliser-codes.js';

interface Entry {
  reason: string;
  /** Line of the entry in the override file. */
  line: number;
}
export interface SetEntry extends Entry {
  path: string;
  /** `null` removes the property. */
  value: unknown;
}
export interface AddEntry extends Entry {
  /** `request`, `response` or `types.<Type>`. */
  to: string;
  field: SpecField;
  after?: string;
}
export interface RemoveEntry extends Entry {
  path: string;
}
export type AcceptEntry = RemoveEntry;

export interface Override {
  /** The file as diagnostics show it (the spec folder as the user named it). */
  file: string;
  /**
   * The file as a patched spec's `override:` records it: `<spec folder name>/overrides/<file>`,
   * the same wherever the folder is and however `--spec` spells it (default: `file`).
   */
  recordAs?: string;
  method: string;
  set: SetEntry[];
  add: AddEntry[];
  remove: RemoveEntry[];
  accept_mismatch: AcceptEntry[];
}

const SECTIONS = ['set', 'add', 'remove', 'accept_mismatch'] as const;
const ENTRY_KEYS: Record<(typeof SECTIONS)[number], string[]> = {
  set: ['path', 'value', 'reason'],
  add: ['to', 'field', 'after', 'reason'],
  remove: ['path', 'reason'],
  accept_mismatch: ['path', 'reason'],
};

/** Parse one override file; shape problems are TBK230 errors at the offending node. */
export function parseOverride(
  file: string,
  text: string,
  expectedMethod?: string,
): { override?: Override; diagnostics: Diagnostic[] } {
  const parsed = parseYamlWithPositions(file, text);
  const diagnostics = [...parsed.diagnostics];
  if (diagnostics.length) return { diagnostics };
  const fail = (node: Node | undefined, message: string) => {
    const at = parsed.positionOf(node);
    diagnostics.push({
      file,
      line: at.line,
      column: at.column,
      level: 'error',
      code: CODES.overrideFileInvalid,
      message,
    });
  };
  const root = parsed.document.contents;
  if (!isMap(root)) {
    fail(undefined, 'an override file is a map: method, set, add, remove, accept_mismatch');
    return { diagnostics };
  }
  const method = root.get('method');
  if (typeof method !== 'string' || !method) fail(root, 'an override file names its `method`');
  else if (expectedMethod && method !== expectedMethod)
    fail(root.get('method', true), `method ${method} does not match the file name (${expectedMethod}.yaml)`);
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (key !== 'method' && !(SECTIONS as readonly string[]).includes(key))
      fail(pair.key as Node, `unknown key "${key}" (method, ${SECTIONS.join(', ')})`);
  }
  const override: Override = {
    file,
    method: typeof method === 'string' ? method : '',
    set: [],
    add: [],
    remove: [],
    accept_mismatch: [],
  };
  for (const section of SECTIONS) {
    const list = root.get(section, true) as Node | undefined;
    if (list === undefined) continue;
    if (!isSeq(list)) {
      fail(list, `\`${section}\` is a list of entries`);
      continue;
    }
    for (const item of list.items as Node[]) {
      const entry = readEntry(section, item, fail, parsed.positionOf(item).line);
      if (entry) (override[section] as unknown[]).push(entry);
    }
  }
  return diagnostics.length ? { diagnostics } : { override, diagnostics };
}

function readEntry(
  section: (typeof SECTIONS)[number],
  node: Node,
  fail: (n: Node | undefined, m: string) => void,
  line: number,
): unknown {
  if (!isMap(node)) {
    fail(node, `a \`${section}\` entry is a map of ${ENTRY_KEYS[section].join(', ')}`);
    return undefined;
  }
  const map = node;
  const value = map.toJSON() as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!ENTRY_KEYS[section].includes(key)) {
      fail(map.get(key, true), `unknown key "${key}" in a \`${section}\` entry (${ENTRY_KEYS[section].join(', ')})`);
      ok = false;
    }
  }
  if (typeof value.reason !== 'string' || !value.reason.trim()) {
    fail(map, `every \`${section}\` entry gives its \`reason\` (the doc mistake it fixes)`);
    ok = false;
  }
  if (section === 'add') {
    const field = value.field as Partial<SpecField> | undefined;
    if (typeof value.to !== 'string' || !/^(request|response|types\.[^.]+)$/.test(value.to)) {
      fail(map, '`to` is request, response or types.<Type>');
      ok = false;
    }
    if (!field || typeof field !== 'object' || typeof field.name !== 'string' || typeof field.type !== 'string') {
      fail(map.get('field', true) ?? map, '`field` needs at least a name and a type');
      ok = false;
    }
    if (value.after !== undefined && typeof value.after !== 'string') {
      fail(map.get('after', true), '`after` names a field');
      ok = false;
    }
  } else if (typeof value.path !== 'string' || !value.path) {
    fail(map, `a \`${section}\` entry needs a \`path\` (e.g. response.biz_error_desc.type)`);
    ok = false;
  } else if (section === 'set' && !('value' in value)) {
    fail(map, 'a `set` entry needs a `value` (null removes the property)');
    ok = false;
  }
  return ok ? { ...value, line } : undefined;
}

/** Every `<dir>/*.yaml`, keyed by method. A missing folder means no overrides. */
export async function readOverrides(
  dir: string,
  shownDir: string = dir,
  recordedDir: string = shownDir,
): Promise<{ overrides: Map<string, Override>; diagnostics: Diagnostic[] }> {
  const overrides = new Map<string, Override>();
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).sort();
  } catch {
    return { overrides, diagnostics };
  }
  for (const name of names) {
    const file = `${shownDir}/${name}`;
    const result = parseOverride(file, await readFile(join(dir, name), 'utf8'), name.slice(0, -'.yaml'.length));
    diagnostics.push(...result.diagnostics);
    if (result.override)
      overrides.set(result.override.method, { ...result.override, recordAs: `${recordedDir}/${name}` });
  }
  return { overrides, diagnostics };
}
