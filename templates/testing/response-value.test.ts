import { describe, expect, it } from 'vitest';
import { kindsFixture, kindsJsonSample } from '../../test/testing/fixtures/kinds-fixture.js';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { LosslessNumber } from '../runtime/json-lossless.js';
import { readJsonSample, readXmlSample } from './response-value.js';

describe('readJsonSample', () => {
  it('drops the root key and the list wrappers', () => {
    const value = readJsonSample(refundFixture.meta, refundFixture.samples.json!);
    const data = value['data'] as Record<string, unknown>;
    expect(Array.isArray(data['result'])).toBe(true);
    expect((data['result'] as Record<string, unknown>[])[0]!['refund_fee']).toBe('3.50');
  });

  it('reads the simplified sample to the same value as the plain one', () => {
    const { meta, samples } = refundFixture;
    expect(readJsonSample(meta, samples.simplify_json!)).toEqual(readJsonSample(meta, samples.json!));
  });

  it('keeps a Number beyond 2^53 as its digits', () => {
    const value = readJsonSample(kindsFixture.meta, kindsJsonSample);
    const first = (value['results'] as Record<string, unknown>[])[0]!;
    expect(first['num_iid']).toEqual(new LosslessNumber('9007199254740993123'));
    expect(first['small_images']).toEqual(['a.jpg', 'b.jpg']);
  });

  it('takes a one-element wrapper without array as a one-element list', () => {
    const value = readJsonSample(kindsFixture.meta, '{"r":{"tags":{"string":"only"}}}');
    expect(value['tags']).toEqual(['only']);
  });

  it('refuses text that is not one object under one root key', () => {
    expect(() => readJsonSample(kindsFixture.meta, '{"a":{},"b":{}}')).toThrow(/one root key/);
    expect(() => readJsonSample(kindsFixture.meta, '[1]')).toThrow(/one root key/);
  });
});

describe('readXmlSample', () => {
  it('types Number and Boolean text, keeps other text, and lists wrapper children', () => {
    const xml =
      '<tbk_kinds_get_response><total_results>9007199254740993</total_results><is_ok>false</is_ok>' +
      '<results><n_tbk_item><title>t</title></n_tbk_item><n_tbk_item><title>u</title></n_tbk_item></results>' +
      '<unknown><a>1</a><a>2</a></unknown></tbk_kinds_get_response>';
    expect(readXmlSample(kindsFixture.meta, xml)).toEqual({
      total_results: 9007199254740993n,
      is_ok: false,
      results: [{ title: 't' }, { title: 'u' }],
      unknown: { a: ['1', '2'] },
    });
  });
});
