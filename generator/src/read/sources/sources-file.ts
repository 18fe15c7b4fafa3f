/**
 * `spec/sources.yaml`: the page sources `tbk-gen scrape` reads when none are named on the
 * command line. Entries `{ path, format?, optional? }`; paths are relative to the repository
 * root (the working directory of `npm run scrape`). An optional entry may be absent (a clone
 * without the shared corpus beside it).
 */
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../../report/diagnostic.js';
import { parseYamlWithPositions } from '../../positions/yaml-positions.js';
import { isSourceFormat, SOURCE_FORMATS } from './detect-format.js';
import type { SourceFormat } from '../page-model.js';
import { SourcesCode } from './sources-codes.js';

export interface SourceEntry {
  path: string;
  format?: SourceFormat;
  optional?: boolean;
  /** Where the entry was written, for messages about it (a sources file and line). */
  origin?: { file: string; line: number };
}

const ENTRY_KEYS = new Set(['path', 'format', 'optional']);

/** Parse a sources file; problems are TBK210 errors at the offending entry. */
export function parseSourcesFile(file: string, text: string): { entries: SourceEntry[]; diagnostics: Diagnostic[] } {
  const parsed = parseYamlWithPositions(file, text);
  const diagnostics = [...parsed.diagnostics];
  const entries: SourceEntry[] = [];
  if (diagnostics.length) return { entries, diagnostics };
  const fail = (node: Node | undefined, message: string) => {
    const at = parsed.positionOf(node);
    diagnostics.push({
      file,
      line: at.line,
      column: at.column,
      level: 'error',
      code: SourcesCode.sourcesFileInvalid,
      message,
    });
  };
  const root = parsed.document.contents;
  const list = isMap(root) ? root.get('sources', true) : undefined;
  if (!isSeq(list)) {
    fail(isMap(root) ? root : undefined, 'a sources file needs a `sources:` list of { path, format?, optional? }');
    return { entries, diagnostics };
  }
  for (const item of list.items) {
    const node = item as Node;
    if (!isMap(node)) {
      fail(node, 'a source entry is a map { path, format?, optional? }');
      continue;
    }
    const value = node.toJSON() as Record<string, unknown>;
    const line = parsed.positionOf(node).line;
    for (const key of Object.keys(value))
      if (!ENTRY_KEYS.has(key))
        fail(node.get(key, true), `unknown key "${key}" in a source entry (path, format, optional)`);
    if (typeof value.path !== 'string' || !value.path.trim()) {
      fail(node, 'a source entry needs a `path`');
      continue;
    }
    if (value.format !== undefined && !isSourceFormat(value.format)) {
      fail(node.get('format', true), `unknown format "${String(value.format)}" (one of ${SOURCE_FORMATS.join(', ')})`);
      continue;
    }
    if (value.optional !== undefined && typeof value.optional !== 'boolean') {
      fail(node.get('optional', true), '`optional` is true or false');
      continue;
    }
    const entry: SourceEntry = { path: value.path, origin: { file, line } };
    if (value.format) entry.format = value.format;
    if (value.optional) entry.optional = true;
    entries.push(entry);
  }
  return { entries, diagnostics };
}

export async function readSourcesFile(
  file: string,
  absolute: string = file,
): Promise<{ entries: SourceEntry[]; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no sources file here' : (e as Error).message;
    return {
      entries: [],
      diagnostics: [
        {
          file,
          line: 0,
          level: 'error',
          code: SourcesCode.sourcesFileInvalid,
          message: `cannot read the sources file: ${reason}`,
        },
      ],
    };
  }
  return parseSourcesFile(file, text);
}
