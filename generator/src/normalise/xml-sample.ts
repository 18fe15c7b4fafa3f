/**
 * XML response samples: a small strict reader (elements, text, entities, CDATA; attributes are
 * ignored because TOP responses carry none) and the conversion to the JSON-like value that
 * inference walks. A not well-formed sample is reported, never guessed at.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

export type XmlSampleResult = { ok: true; root: XmlElement } | { ok: false; message: string; lineOffset: number };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXmlSample(text: string): XmlSampleResult {
  const stack: XmlElement[] = [{ name: '#document', children: [], text: '' }];
  let i = 0;
  const fail = (message: string): XmlSampleResult => ({
    ok: false,
    message,
    lineOffset: text.slice(0, i).split('\n').length - 1,
  });
  while (i < text.length) {
    const open = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (open < 0) {
      top.text += decode(text.slice(i));
      i = text.length;
      break;
    }
    top.text += decode(text.slice(i, open));
    i = open;
    if (text.startsWith('<?', i)) i = skipPast(text, i, '?>');
    else if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->');
    else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end < 0) return fail('unterminated CDATA section');
      top.text += text.slice(i + 9, end);
      i = end + 3;
    } else {
      const close = text.indexOf('>', i);
      if (close < 0) return fail('unterminated tag');
      const tag = text.slice(i + 1, close).trim();
      i = close + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        if (stack.length < 2 || top.name !== name) return fail(`unexpected closing tag </${name}>`);
        stack.pop();
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const name = (selfClosing ? tag.slice(0, -1) : tag).trim().split(/\s+/)[0] ?? '';
      if (!/^[A-Za-z_][\w.\-:]*$/.test(name)) return fail(`bad tag <${tag}>`);
      const element: XmlElement = { name, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (i > text.length) return fail('unterminated declaration or comment');
  if (stack.length !== 1) return fail(`element <${stack[stack.length - 1]!.name}> is not closed`);
  const roots = stack[0]!.children;
  if (roots.length !== 1) return fail(`expected one root element, found ${roots.length}`);
  return { ok: true, root: roots[0]! };
}

/**
 * An element with child elements becomes an object (a repeated tag becomes an array), one
 * without becomes its trimmed text. `{ root.name: value }` is returned for the root, so the
 * result has the shape of the JSON sample: `<a><b>1</b></a>` → `{ a: { b: '1' } }`.
 */
export function xmlToValue(root: XmlElement): Record<string, unknown> {
  return { [root.name]: elementValue(root) };
}

function elementValue(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text.trim();
  const out: Record<string, unknown> = {};
  for (const child of element.children) {
    const value = elementValue(child);
    const existing = out[child.name];
    if (existing === undefined) out[child.name] = value;
    // A first value is never an array, so an array here is the one built for a repeated tag.
    else if (Array.isArray(existing)) existing.push(value);
    else out[child.name] = [existing, value];
  }
  return out;
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length + 1 : end + terminator.length;
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}
