/**
 * A small XML parser for TOP responses: elements, attributes, text, CDATA, comments,
 * processing instructions, a DOCTYPE without internal entities, the five predefined entities
 * and character references. TOP XML is simple (no namespaces, no mixed content), so the tree
 * keeps, per element, its child elements and its concatenated text.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text and CDATA directly inside the element, entities decoded. */
  text: string;
}

const NAME_AT = /[A-Za-z_:][-\w.:]*/y;
const ATTRIBUTE_AT = /\s+([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references of XML text. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? '';
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return String.fromCodePoint(code);
  });
}

/** Parses an XML document and returns its root element. Throws `SyntaxError` with a position. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const fail = (message: string, at = pos): never => {
    throw new SyntaxError(`${message} in XML at position ${at}`);
  };
  const skipPast = (end: string, what: string): void => {
    const i = text.indexOf(end, pos);
    if (i < 0) fail(`unterminated ${what}`);
    pos = i + end.length;
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    const top = stack[stack.length - 1];
    if (top) top.text += decodeXmlEntities(chunk);
    else if (chunk.trim() !== '') fail('text outside the root element');
    if (lt < 0) break;
    pos = lt;
    if (text.startsWith('<!--', pos)) skipPast('-->', 'comment');
    else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos);
      if (end < 0 || !top) fail(top ? 'unterminated CDATA section' : 'CDATA outside the root element');
      top!.text += text.slice(pos + 9, end);
      pos = end + 3;
    } else if (text.startsWith('<?', pos)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<!DOCTYPE', pos)) {
      const bracket = text.indexOf('[', pos);
      const close = text.indexOf('>', pos);
      if (bracket >= 0 && bracket < close) skipPast(']', 'DOCTYPE');
      skipPast('>', 'DOCTYPE');
    } else if (text.startsWith('</', pos)) {
      NAME_AT.lastIndex = pos + 2;
      const name = NAME_AT.exec(text)?.[0];
      const open = stack.pop();
      if (name === undefined || open === undefined || open.name !== name) {
        fail(`closing tag </${name ?? ''}> does not match ${open ? `<${open.name}>` : 'any open element'}`);
      }
      pos = NAME_AT.lastIndex;
      skipPast('>', 'closing tag');
    } else {
      pos = readStartTag(pos + 1);
    }
  }
  if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]!.name}>`);
  if (!root) return fail('no root element');
  return root;

  function readStartTag(start: number): number {
    NAME_AT.lastIndex = start;
    const name = NAME_AT.exec(text)?.[0];
    if (name === undefined) return fail('invalid tag name', start);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    let at = NAME_AT.lastIndex;
    for (;;) {
      ATTRIBUTE_AT.lastIndex = at;
      const m = ATTRIBUTE_AT.exec(text);
      if (m === null) break;
      element.attributes[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? '');
      at = ATTRIBUTE_AT.lastIndex;
    }
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const selfClosing = text.startsWith('/>', at);
    if (!selfClosing && text[at] !== '>') return fail(`malformed start tag <${name}>`, at);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) return fail('more than one root element', start - 1);
    else root = element;
    if (!selfClosing) stack.push(element);
    return at + (selfClosing ? 2 : 1);
  }
}
