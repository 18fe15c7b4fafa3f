/**
 * HTML text → a DOM (htmlparser2's `domhandler` nodes) with the line of every element, in time
 * linear in the size of the page. A spec-conformant HTML parser (parse5, cheerio's default)
 * walks its stack of open elements for every start tag, so a page of 50k nested `<div>` took
 * 20 s; htmlparser2 keeps its stack too, so nesting is refused past MAX_HTML_DEPTH while
 * parsing, before the cost can grow. No doc page nests anywhere near that deep (the saved
 * pages' nav is four levels, a table cell five).
 */
import { DomHandler, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { toLf } from '../split-lines.js';

/** Deepest element nesting read; a deeper page is refused (TBK041). */
export const MAX_HTML_DEPTH = 256;

export type HtmlDom =
  | { ok: true; document: Document; lineOf(offset: number): number; text: string }
  | { ok: false; line: number; message: string };

class TooDeep {
  constructor(readonly offset: number) {}
}

/** Counts open elements (implied closes included) and stops the parse past the limit. */
class DepthLimitedHandler extends DomHandler {
  depth = 0;
  /** The parser feeding this handler, for the offset of the element past the limit. */
  feeder: Parser | undefined;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth++;
    if (this.depth > MAX_HTML_DEPTH) throw new TooDeep(this.feeder?.startIndex ?? 0);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parseHtml(raw: string): HtmlDom {
  // As the HTML standard's input preprocessing does, CR LF and a lone CR are line breaks
  // (and, as in the text readers, CR CR LF is one).
  const text = toLf(raw);
  const lineOf = lineIndex(text);
  const handler = new DepthLimitedHandler(undefined, { withStartIndices: true });
  const parser = new Parser(handler, { decodeEntities: true });
  handler.feeder = parser;
  try {
    parser.end(text);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return {
      ok: false,
      line: lineOf(error.offset),
      message: `elements nested deeper than ${MAX_HTML_DEPTH} levels: not a doc page (none nests this deep); not read`,
    };
  }
  return { ok: true, document: handler.root, lineOf, text };
}

/** 1-based line of a character offset, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
