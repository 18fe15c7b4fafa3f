import { describe, expect, it } from 'vitest';
import { kindsFixture, kindsJsonSample } from '../../test/testing/fixtures/kinds-fixture.js';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { decodeResponse } from '../runtime/decode-response.js';
import { parseJsonLossless, type JsonValue } from '../runtime/json-lossless.js';
import { parseXml, type XmlElement } from '../runtime/xml.js';
import { renderResponse, XML_PROLOG } from './render-response.js';
import { readJsonSample, readXmlSample } from './response-value.js';
import { synthesizeResponse } from './synthesize-value.js';

/** Element names, trimmed text and children: the XML without layout. */
function shape(e: XmlElement): unknown {
  return e.children.length ? { [e.name]: e.children.map(shape) } : { [e.name]: e.text.trim() };
}

function rootOf(text: string): Record<string, JsonValue> {
  return parseJsonLossless(text) as Record<string, JsonValue>;
}

describe('renderResponse', () => {
  const { meta, samples } = refundFixture;
  const value = readJsonSample(meta, samples.json!);

  it('renders the doc JSON sample back from its decoded value', () => {
    expect(rootOf(renderResponse(meta, value, 'json'))).toEqual(rootOf(samples.json!));
  });

  it('renders the doc simplified sample (root key kept, wrappers dropped)', () => {
    expect(rootOf(renderResponse(meta, value, 'simplify'))).toEqual(rootOf(samples.simplify_json!));
  });

  it('renders the doc XML sample, with the TOP prolog', () => {
    const xml = renderResponse(meta, value, 'xml');
    expect(xml.startsWith(XML_PROLOG)).toBe(true);
    expect(shape(parseXml(xml))).toEqual(shape(parseXml(samples.xml!)));
  });

  it('reads the XML sample to the same value as the JSON sample, apart from scalar text', () => {
    const fromXml = readXmlSample(meta, samples.xml!);
    expect(rootOf(renderResponse(meta, fromXml, 'json'))).toEqual(rootOf(samples.json!));
  });

  it('keeps numbers beyond 2^53 and decimal text exactly', () => {
    const kinds = readJsonSample(kindsFixture.meta, kindsJsonSample);
    const json = renderResponse(kindsFixture.meta, kinds, 'json');
    expect(json).toBe(kindsJsonSample);
    expect(renderResponse(kindsFixture.meta, kinds, 'xml')).toContain('<num_iid>9007199254740993123</num_iid>');
  });

  it('escapes XML text and writes lists as repeated wrapper elements', () => {
    const xml = renderResponse(kindsFixture.meta, readJsonSample(kindsFixture.meta, kindsJsonSample), 'xml');
    expect(xml).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(xml).toContain('<results><n_tbk_item><num_iid>');
    expect(xml).toContain('<small_images><string>a.jpg</string><string>b.jpg</string></small_images>');
    expect(xml).toContain('<tags><string>x</string><string>y</string></tags>');
  });

  it('appends request_id as the last member of the root', () => {
    const json = renderResponse(meta, { result_msg: 'ok' }, 'json', 'abc');
    expect(json).toBe('{"tbk_order_refund_get_response":{"result_msg":"ok","request_id":"abc"}}');
    expect(renderResponse(meta, { result_msg: 'ok' }, 'xml', 'abc')).toBe(
      `${XML_PROLOG}<tbk_order_refund_get_response><result_msg>ok</result_msg><request_id>abc</request_id></tbk_order_refund_get_response>`,
    );
  });

  it('writes a scalar field holding an object as JSON text in XML', () => {
    const xml = renderResponse(kindsFixture.meta, { ext_info: { a: [1, 2] }, tags: [{ b: 1 }] }, 'xml');
    expect(xml).toContain('<ext_info>{"a":[1,2]}</ext_info>');
    expect(xml).toContain('<tags><string>{"b":1}</string></tags>');
  });

  it('keeps fields missing from the metadata as they are', () => {
    const json = renderResponse(meta, { newer_field: { deep: [1] } }, 'json');
    expect(json).toBe('{"tbk_order_refund_get_response":{"newer_field":{"deep":[1]}}}');
  });
});

describe('renderResponse and the runtime decoder', () => {
  const cases = [
    ['the refund sample', refundFixture.meta, readJsonSample(refundFixture.meta, refundFixture.samples.json!)],
    ['the kinds sample', kindsFixture.meta, readJsonSample(kindsFixture.meta, kindsJsonSample)],
    ['a synthetic value', kindsFixture.meta, synthesizeResponse(kindsFixture)],
  ] as const;

  it.each(cases)('decode every rendering of %s to the same object', (_name, meta, value) => {
    const [json, ...others] = (['json', 'simplify', 'xml'] as const).map((f) =>
      decodeResponse(meta, renderResponse(meta, value, f)),
    );
    for (const other of others) expect(other).toEqual(json);
  });

  it('decode the rendering of a sample like the sample', () => {
    const { meta, samples } = refundFixture;
    const value = readJsonSample(meta, samples.json!);
    expect(decodeResponse(meta, renderResponse(meta, value, 'xml'))).toEqual(decodeResponse(meta, samples.json!));
  });
});
