/**
 * Line numbers of a method spec's fields, for IR nodes and messages. `readSpecFolder` has
 * already parsed every file once; composing a second YAML document per file only to learn
 * positions cost ~2 ms a file, so this scans the text instead. It is exact for the block style
 * `serializeMethodSpec` writes (and one-line flow items `- { name: … }`); in any other layout a
 * field falls back to the line of its section key, which is still the right neighbourhood.
 */
export interface SpecLineIndex {
  /** Line of the `method:` key (1 when absent). */
  method: number;
  request: number[];
  response: number[];
  /** Per struct: the line of its key under `types:` and of each field item. */
  types: Record<string, { line: number; fields: number[] }>;
  /** Lines of the section keys, the fallback for fields the scan did not place. */
  sections: Record<string, number>;
}

const TOP_KEY = /^([A-Za-z_][\w]*):/;

export function indexSpecLines(text: string): SpecLineIndex {
  const index: SpecLineIndex = {
    method: 1,
    request: [],
    response: [],
    types: Object.create(null) as SpecLineIndex['types'],
    sections: {},
  };
  const lines = text.split('\n');
  let section = '';
  let itemIndent = -1;
  let struct: { line: number; fields: number[] } | undefined;
  let structIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const lineNo = i + 1;
    const top = TOP_KEY.exec(line);
    if (top) {
      section = top[1]!;
      index.sections[section] = lineNo;
      if (section === 'method') index.method = lineNo;
      itemIndent = -1;
      struct = undefined;
      structIndent = -1;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (!body || body.startsWith('#')) continue;
    if (section === 'request' || section === 'response') {
      if (!body.startsWith('- ')) continue;
      if (itemIndent < 0) itemIndent = indent;
      if (indent === itemIndent) index[section].push(lineNo);
    } else if (section === 'types') {
      const key = /^("?)([^"]+)\1:\s*(\[\])?\s*$/.exec(body);
      if (key && !body.startsWith('- ') && (structIndent < 0 || indent === structIndent)) {
        structIndent = indent;
        struct = { line: lineNo, fields: [] };
        index.types[key[2]!] = struct;
        itemIndent = -1;
        continue;
      }
      if (!struct || !body.startsWith('- ')) continue;
      if (itemIndent < 0) itemIndent = indent;
      if (indent === itemIndent) struct.fields.push(lineNo);
    }
  }
  return index;
}

/** Line of item `i` of a section, falling back to the section key, then to line 1. */
export function itemLine(index: SpecLineIndex, section: 'request' | 'response', i: number): number {
  return index[section][i] ?? index.sections[section] ?? 1;
}

export function structLine(index: SpecLineIndex, name: string, i?: number): number {
  const struct = index.types[name];
  if (i === undefined) return struct?.line ?? index.sections['types'] ?? 1;
  return struct?.fields[i] ?? struct?.line ?? index.sections['types'] ?? 1;
}
