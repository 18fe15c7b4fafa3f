import { describe, expect, it } from 'vitest';
import { parseXmlSample, xmlToValue } from '../../generator/src/normalise/xml-sample.js';

describe('XML samples', () => {
  it('reads elements, entities, CDATA and self-closing tags into the JSON shape', () => {
    const text =
      '<?xml version="1.0" encoding="utf-8" ?>\n<!-- sample -->\n<a_response>\n  <t>x &amp; y &lt;z&gt; &#20013;</t>\n  <c><![CDATA[<b>raw</b>]]></c>\n  <e/>\n  <list><item><n>1</n></item><item><n>2</n></item></list>\n</a_response>';
    const parsed = parseXmlSample(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(xmlToValue(parsed.root)).toEqual({
      a_response: { t: 'x & y <z> 中', c: '<b>raw</b>', e: '', list: { item: [{ n: '1' }, { n: '2' }] } },
    });
  });

  it.each([
    ['<a><b>1</a>', 'unexpected closing tag </a>', 0],
    ['<a>\n<b>1</b>\n', 'element <a> is not closed', 2],
    ['<a></a><b></b>', 'expected one root element, found 2', 0],
    ['<a><!-- open', 'unterminated declaration or comment', 0],
    ['<a>\n<1b></1b></a>', 'bad tag <1b>', 1],
  ])('reports %j as not well-formed', (text, message, lineOffset) => {
    expect(parseXmlSample(text)).toEqual({ ok: false, message, lineOffset });
  });
});
