import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, parseXml } from './xml.js';

describe('parseXml', () => {
  it('reads the prolog, nesting, attributes, entities, CDATA and comments', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="utf-8" ?>\n<!-- top -->\n<r a="1" b=\'x&amp;y\'>\n' +
        '  <url>https://x/?a=1&amp;b=2&#x4e2d;&#25991;</url>\n' +
        '  <c><![CDATA[<not> & markup]]></c>\n  <empty/>\n  <e2></e2>\n</r>\n',
    );
    expect(root.name).toBe('r');
    expect(root.attributes).toEqual({ a: '1', b: 'x&y' });
    expect(root.children.map((c) => c.name)).toEqual(['url', 'c', 'empty', 'e2']);
    expect(root.children[0]!.text).toBe('https://x/?a=1&b=2中文');
    expect(root.children[1]!.text).toBe('<not> & markup');
    expect(root.children[2]!).toEqual({ name: 'empty', attributes: {}, children: [], text: '' });
  });

  it('skips a DOCTYPE with an internal subset', () => {
    expect(parseXml('<!DOCTYPE r [ <!ELEMENT r ANY> ]><r>t</r>').text).toBe('t');
  });

  it.each([
    ['<a><b></a></b>', 'does not match'],
    ['<a>', 'unclosed element <a>'],
    ['<a/><b/>', 'more than one root'],
    ['text<a/>', 'text outside the root'],
    ['', 'no root element'],
    ['<a><!-- x</a>', 'unterminated comment'],
    ['<a b=1></a>', 'malformed start tag'],
  ])('rejects %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(SyntaxError);
    expect(() => parseXml(text)).toThrow(message);
  });
});

describe('decodeXmlEntities', () => {
  it('decodes the predefined entities and character references only', () => {
    expect(decodeXmlEntities('&lt;&gt;&quot;&apos;&amp;lt;&#65;&#x1F600;&nbsp;')).toBe('<>"\'&lt;A😀&nbsp;');
  });
});
