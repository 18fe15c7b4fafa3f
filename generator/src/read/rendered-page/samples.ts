/**
 * Response and error samples (XML and JSON) of a doc page. The seed pages print them after the
 * SDK samples, either collapsed onto one line (seeds 000, 001, 002, 004) or multi-line (seed
 * 003). They are kept exactly as printed: seed 004's JSON is invalid (an unquoted string value)
 * and is repaired by the normaliser, not here.
 */
import type { SampleKind } from '../../vocabulary/sample-kinds.js';

export type SampleSyntax = 'xml' | 'json';

// A JSON sample starts with `{`; an XML one with a declaration or a snake_case root tag
// ending in `_response` (`<tbk_uvid_encrypt_response>`, `<error_response>`), the only roots the
// gateway answers with. `<?php` or `<div>` do not start a sample: a junk line of 50k `<div>`
// before a seed page once opened an XML sample that never closed and displaced the page's own.
const XML_START = /^<\?xml[^>]*\?>|^<[a-z][a-z0-9_]*_response>/;

export function detectSampleSyntax(text: string): SampleSyntax | undefined {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (XML_START.test(start)) return 'xml';
  return undefined;
}

/** The root key of a sample: the first JSON key or the XML root element name. */
export function findSampleRoot(syntax: SampleSyntax, text: string): string | undefined {
  const match =
    syntax === 'json' ? /^\s*\{\s*"([^"]+)"/.exec(text) : /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)>/.exec(text);
  return match?.[1];
}

/** `json`/`xml` for a success sample, `error_json`/`error_xml` for an `error_response` one. */
export function classifySample(syntax: SampleSyntax, text: string): SampleKind {
  const isError = findSampleRoot(syntax, text) === 'error_response';
  if (syntax === 'json') return isError ? 'error_json' : 'json';
  return isError ? 'error_xml' : 'xml';
}

/** The root key the gateway uses for a method: `taobao.tbk.uvid.encrypt` → `tbk_uvid_encrypt_response`. */
export function expectedRootKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
}

/**
 * Tracks whether a sample printed over several lines is complete: JSON braces balance (outside
 * strings), or the XML root element is closed. Lets the text reader tell where a multi-line
 * sample ends and report one that a truncated page cut short.
 */
export class SampleCloser {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private root: string | undefined;
  closed = false;

  constructor(private readonly syntax: SampleSyntax) {}

  push(line: string): void {
    if (this.closed) return;
    if (this.syntax === 'xml') this.pushXml(line);
    else this.pushJson(line);
  }

  private pushXml(line: string): void {
    this.root ??= findSampleRoot('xml', line);
    if (this.root !== undefined && line.includes(`</${this.root}>`)) this.closed = true;
  }

  private pushJson(line: string): void {
    for (const ch of line) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
      } else if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth += 1;
      else if (ch === '}' || ch === ']') {
        this.depth -= 1;
        if (this.depth <= 0) {
          this.closed = true;
          return;
        }
      }
    }
    // A string never spans lines in a sample: a stray quote must not swallow the page.
    this.inString = false;
    this.escaped = false;
  }
}
