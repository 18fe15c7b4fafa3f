/**
 * JSON text → a tree that remembers where every key and value starts (1-based line and
 * column), so the doc-record and catalog readers can give params and diagnostics real lines.
 * `JSON.parse` keeps no positions and reports errors as an offset in an engine-specific
 * message; this parser reports `line:column` and never throws.
 */

export interface JsonPosition {
  line: number;
  column: number;
}

export interface JsonMember extends JsonPosition {
  key: string;
  value: JsonNode;
}

export type JsonNode =
  | (JsonPosition & { kind: 'object'; members: JsonMember[] })
  | (JsonPosition & { kind: 'array'; items: JsonNode[] })
  | (JsonPosition & { kind: 'string'; value: string })
  | (JsonPosition & { kind: 'number'; value: number; raw: string })
  | (JsonPosition & { kind: 'boolean'; value: boolean })
  | (JsonPosition & { kind: 'null' });

export type JsonObjectNode = Extract<JsonNode, { kind: 'object' }>;
export type JsonArrayNode = Extract<JsonNode, { kind: 'array' }>;

/**
 * A key repeated in one object. The rule (docs/readers.md "Doc-site JSON records"): the first
 * occurrence is kept and the later one dropped from the tree, so every reader sees one value.
 */
export interface JsonDuplicate extends JsonPosition {
  key: string;
  first: JsonPosition;
  /** Whether the repeated value is the same JSON text as the first. */
  sameValue: boolean;
}

export type JsonParseResult =
  | { ok: true; root: JsonNode; duplicates: JsonDuplicate[] }
  | { ok: false; message: string; line: number; column: number };

/** Deeper nesting than any doc record; guards the recursion against hostile input. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    parser.skipSpace();
    if (parser.atEnd()) throw new JsonSyntaxError('no JSON value (empty text)', parser.offset);
    const root = parser.value(0);
    parser.skipSpace();
    if (!parser.atEnd())
      throw new JsonSyntaxError(`unexpected ${parser.describeNext()} after the JSON value`, parser.offset);
    return { ok: true, root, duplicates: parser.duplicates };
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return { ok: false, message: err.message, ...parser.positionOf(err.offset) };
  }
}

class Parser {
  offset = 0;
  readonly duplicates: JsonDuplicate[] = [];
  private lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    // A byte-order mark is not part of the JSON text; skip it like whitespace.
    if (text.charCodeAt(0) === 0xfeff) this.offset = 1;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  positionOf(offset: number): JsonPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  describeNext(): string {
    if (this.atEnd()) return 'end of text (truncated file?)';
    return `character ${JSON.stringify(this.text[this.offset])}`;
  }

  skipSpace(): void {
    while (!this.atEnd()) {
      const c = this.text[this.offset];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      this.offset++;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.offset);
    const { line, column } = this.positionOf(this.offset);
    const c = this.text[this.offset];
    if (c === '{') return { line, column, kind: 'object', members: this.members(depth) };
    if (c === '[') return { line, column, kind: 'array', items: this.items(depth) };
    if (c === '"') return { line, column, kind: 'string', value: this.string() };
    if (this.word('true')) return { line, column, kind: 'boolean', value: true };
    if (this.word('false')) return { line, column, kind: 'boolean', value: false };
    if (this.word('null')) return { line, column, kind: 'null' };
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match) {
      this.offset += match[0].length;
      return { line, column, kind: 'number', value: Number(match[0]), raw: match[0] };
    }
    throw new JsonSyntaxError(`expected a value, found ${this.describeNext()}`, this.offset);
  }

  /** Consumes `word` when the text continues with it. */
  private word(word: string): boolean {
    if (!this.text.startsWith(word, this.offset)) return false;
    this.offset += word.length;
    return true;
  }

  private members(depth: number): JsonMember[] {
    const members: JsonMember[] = [];
    // Key → its member and where the JSON text of its value starts and ends, for duplicate keys.
    const seen = new Map<string, { member: JsonMember; start: number; end: number }>();
    this.offset++; // {
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return members;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"')
        throw new JsonSyntaxError(`expected a "key", found ${this.describeNext()}`, this.offset);
      const { line, column } = this.positionOf(this.offset);
      const key = this.string();
      this.skipSpace();
      if (this.text[this.offset] !== ':')
        throw new JsonSyntaxError(`expected ":" after key "${key}", found ${this.describeNext()}`, this.offset);
      this.offset++;
      this.skipSpace();
      const start = this.offset;
      const member: JsonMember = { line, column, key, value: this.value(depth + 1) };
      const first = seen.get(key);
      if (first) {
        this.duplicates.push({
          line,
          column,
          key,
          first: { line: first.member.line, column: first.member.column },
          sameValue: this.text.slice(first.start, first.end) === this.text.slice(start, this.offset),
        });
      } else {
        seen.set(key, { member, start, end: this.offset });
        members.push(member);
      }
      this.skipSpace();
      const next = this.text[this.offset];
      this.offset++;
      if (next === '}') return members;
      if (next !== ',')
        throw new JsonSyntaxError(
          `expected "," or "}" in object, found ${this.describeAt(this.offset - 1)}`,
          this.offset - 1,
        );
    }
  }

  private items(depth: number): JsonNode[] {
    const items: JsonNode[] = [];
    this.offset++; // [
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.offset];
      this.offset++;
      if (next === ']') return items;
      if (next !== ',')
        throw new JsonSyntaxError(
          `expected "," or "]" in array, found ${this.describeAt(this.offset - 1)}`,
          this.offset - 1,
        );
    }
  }

  private describeAt(offset: number): string {
    return offset >= this.text.length
      ? 'end of text (truncated file?)'
      : `character ${JSON.stringify(this.text[offset])}`;
  }

  /** A raw line break in a string: most often a file cut off in the middle of a string. */
  private badCharacterInString(start: number): JsonSyntaxError {
    const c = this.text[this.offset];
    if (c !== '\n' && c !== '\r') return new JsonSyntaxError('control character inside a string', this.offset);
    if (this.text.slice(this.offset).trim() === '')
      return new JsonSyntaxError('text ends inside a string (truncated file?)', this.offset);
    return new JsonSyntaxError('string not closed before the end of its line', start);
  }

  private string(): string {
    const start = this.offset;
    this.offset++; // opening quote
    let out = '';
    let run = this.offset;
    for (;;) {
      if (this.atEnd()) throw new JsonSyntaxError('unterminated string', start);
      const c = this.text.charCodeAt(this.offset);
      if (c === 0x22) break; // "
      if (c < 0x20) throw this.badCharacterInString(start);
      if (c !== 0x5c) {
        this.offset++;
        continue;
      }
      out += this.text.slice(run, this.offset);
      const e = this.text[this.offset + 1] ?? '';
      if (e === 'u') {
        const hex = this.text.slice(this.offset + 2, this.offset + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape', this.offset);
        out += String.fromCharCode(parseInt(hex, 16));
        this.offset += 6;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
        this.offset += 2;
      } else {
        throw new JsonSyntaxError(`bad escape "\\${e}"`, this.offset);
      }
      run = this.offset;
    }
    out += this.text.slice(run, this.offset);
    this.offset++; // closing quote
    return out;
  }
}

/** The member `key` of an object node (keys are unique: a repeated key keeps its first). */
export function memberOf(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (node?.kind !== 'object') return undefined;
  return node.members.find((member) => member.key === key);
}

export function hasMember(node: JsonNode | undefined, key: string): boolean {
  return memberOf(node, key) !== undefined;
}
