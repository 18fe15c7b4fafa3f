/**
 * How a string is written in the spec's YAML: exactly as the `yaml` package writes it with
 * `lineWidth: 0` and plain strings by default (so nothing is ever folded), after the strings
 * needsQuotes (yaml-scalars.ts) picks were marked double-quoted. The rules are the package's
 * (stringify/stringifyString.js of yaml 2.x), restated for the one case the spec uses: no
 * comments, no flow collections, never the document root, lines never folded. The oracle test
 * (test/spec/yaml-emit.test.ts) holds this to the package's bytes.
 */
import { Document } from 'yaml';
import { needsQuotes } from './yaml-scalars.js';

/** One level of block indentation (the package's default `indent: 2`). */
export const INDENT_STEP = '  ';

/** Control characters and lone surrogates: the package double-quotes these whatever the style. */
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** What may not start, end or appear in a plain scalar (indicators, `: `, ` #`, edge blanks). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** A line starting like a directive or a document marker. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Plain forms the YAML 1.2 core schema reads as null, a boolean or a number: from the package's own schema. */
const CORE_RESOLVERS: readonly RegExp[] = new Document(null).schema.tags.flatMap((tag) =>
  tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test ? [tag.test] : [],
);

/** A run of line breaks that is neither at the end nor followed by another (for a block's trailing blanks). */
const INNER_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** Below this length (of its JSON form) a double-quoted string keeps `\n` escapes on one line. */
const MIN_MULTI_LINE_LENGTH = 40;

/**
 * `value` as a scalar whose node sits at `indent` (the indentation of its children: a map's
 * key and value get their map's indentation plus one step). `key` is true for a mapping key; a
 * key's form depends on `indent` only through whether it is a top-level key (yaml-emit.ts caches
 * keys on that).
 */
export function emitString(value: string, indent: string, key: boolean): string {
  if (needsQuotes(value) || FORCE_DOUBLE.test(value)) return doubleQuoted(value, indent, key);
  if (key && value.includes('\n')) return quoted(value, indent, key);
  if (NOT_PLAIN.test(value))
    return key || !value.includes('\n') ? quoted(value, indent, key) : literalBlock(value, indent);
  if (value.includes('\n')) return literalBlock(value, indent);
  // A top-level key starting `---` or `...` would read as a document marker; deeper keys are indented.
  if (key && indent === INDENT_STEP && DOCUMENT_MARKER.test(value)) return quoted(value, indent, key);
  return CORE_RESOLVERS.some((test) => test.test(value)) ? quoted(value, indent, key) : value;
}

/** Single quotes when the text has a double quote and no single one; double quotes otherwise. */
function quoted(value: string, indent: string, key: boolean): string {
  const single = value.includes('"') && !value.includes("'");
  return single ? singleQuoted(value, indent, key) : doubleQuoted(value, indent, key);
}

function singleQuoted(value: string, indent: string, key: boolean): string {
  // A single-quoted scalar cannot keep blanks around a line break, nor a key a line break.
  if ((key && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, indent, key);
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

/**
 * YAML's short escapes for the controls JSON writes as `\u00NN`; the others become `\xNN`.
 * (JSON escapes nothing else but lone surrogates, which stay `\uDNNN`.)
 */
const YAML_ESCAPES: Readonly<Record<string, string>> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e' };

/**
 * JSON's escaping with YAML's short escapes; a line break of a long value (not a key, not the
 * last character) is written as a real line break: a blank line per `\n`, the next line
 * indented, with spaces that folding would eat escaped.
 */
function doubleQuoted(value: string, indent: string, key: boolean): string {
  const json = JSON.stringify(value);
  const breakLines = !key && json.length >= MIN_MULTI_LINE_LENGTH;
  let out = '';
  let from = 0;
  const take = (to: number) => {
    out += json.slice(from, to);
    from = to;
  };
  let i = 0;
  while (i < json.length) {
    const ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped, or folding would drop it.
      take(i);
      out += '\\ ';
      from = i + 1;
      i += 1;
      continue;
    }
    if (ch !== '\\') {
      i += 1;
      continue;
    }
    const next = json[i + 1];
    if (next === 'u') {
      take(i);
      const code = json.slice(i + 2, i + 6);
      out += YAML_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6));
      i += 6;
      from = i;
    } else if (next === 'n' && breakLines && json[i + 2] !== '"') {
      take(i);
      out += '\n\n';
      let at = i + 2;
      while (json[at] === '\\' && json[at + 1] === 'n' && json[at + 2] !== '"') {
        out += '\n';
        at += 2;
      }
      out += indent;
      if (json[at] === ' ') out += '\\';
      i = at;
      from = at;
    } else {
      i += 2;
    }
  }
  return from ? out + json.slice(from) : json;
}

/**
 * A multi-line string as a literal block (`|`): the chomping indicator from its trailing line
 * breaks (`-` none, `+` more than one or only breaks, clip for one), an indentation indicator
 * when it starts with spaces.
 */
function literalBlock(text: string, indent: string): string {
  // A block cannot end in a line of blanks.
  if (/\n[\t ]+$/.test(text)) return quoted(text, indent, false);
  let body = text;
  let endStart = body.length;
  while (endStart > 0 && (body[endStart - 1] === '\n' || body[endStart - 1] === '\t' || body[endStart - 1] === ' '))
    endStart -= 1;
  let end = body.slice(endStart);
  const endBreak = end.indexOf('\n');
  const chomp = endBreak === -1 ? '-' : body === end || endBreak !== end.length - 1 ? '+' : '';
  if (end) {
    body = body.slice(0, endStart);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(INNER_NEWLINES, `$&${indent}`);
  }
  let leadingSpace = false;
  let lastLeadingBreak = -1;
  for (let i = 0; i < body.length; i += 1) {
    if (body[i] === ' ') leadingSpace = true;
    else if (body[i] === '\n') lastLeadingBreak = i;
    else break;
  }
  let start = body.slice(0, lastLeadingBreak + 1);
  if (start) {
    body = body.slice(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  // The indicator counts from the parent's indentation, one step less than `indent`.
  const header = (leadingSpace ? String(INDENT_STEP.length) : '') + chomp;
  return `|${header}\n${indent}${start}${body.replace(/\n+/g, `$&${indent}`)}${end}`;
}
