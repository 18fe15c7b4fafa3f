import { describe, expect, it } from 'vitest';
import { findSampleMismatches } from '../../templates/harness/sample-fields.js';
import type { MethodFixture } from '../../templates/runtime/metadata.js';
import { kindsFixture } from './fixtures/kinds-fixture.js';
import { refundFixture } from './fixtures/refund-fixture.js';

const kinds = (samples: MethodFixture['samples']): MethodFixture => ({ ...kindsFixture, samples });
const json = (inner: string) => `{"tbk_kinds_get_response":${inner}}`;
const paths = (fixture: MethodFixture) => findSampleMismatches(fixture).map((m) => `${m.sample} ${m.path}`);

describe('findSampleMismatches', () => {
  it('finds nothing in samples that match their metadata', () => {
    expect(findSampleMismatches(refundFixture)).toEqual([]);
    expect(findSampleMismatches(kindsFixture)).toEqual([]);
  });

  it('accepts what decodes exactly: numbers in String fields, digit strings in Number fields, objects in Json fields', () => {
    const sample = json(
      '{"total_results":"12","results":{"n_tbk_item":[{"title":123,"zk_final_price":5.10}]},"ext_info":{"a":1},"is_ok":"true"}',
    );
    expect(paths(kinds({ json: sample }))).toEqual([]);
  });

  // Seed 004: taobao.tbk.sc.organization.member.mod types biz_error_desc Boolean; its samples hold a sentence.
  it('names a declared scalar holding another type by its declaration', () => {
    const fixture: MethodFixture = {
      ...kindsFixture,
      meta: { ...kindsFixture.meta, response: [{ name: 'biz_error_desc', kind: 'boolean' }] },
      samples: {
        json: json('{"biz_error_desc":"请求账号身份不为主账号"}'),
        xml: '<tbk_kinds_get_response><biz_error_desc>请求账号身份不为主账号</biz_error_desc></tbk_kinds_get_response>',
      },
    };
    expect(findSampleMismatches(fixture)).toEqual([
      {
        path: 'response.biz_error_desc',
        sample: 'json',
        at: 'biz_error_desc',
        problem: 'a Boolean field holds "请求账号身份不为主账号"',
      },
      {
        path: 'response.biz_error_desc',
        sample: 'xml',
        at: 'biz_error_desc',
        problem: 'a Boolean field holds "请求账号身份不为主账号"',
      },
    ]);
  });

  it.each([
    ['an undeclared nested field', '{"results":{"n_tbk_item":[{"extra":1}]}}', 'types.NTbkItem.extra'],
    ['a decimal in a Number field', '{"total_results":1.5}', 'response.total_results'],
    [
      'a word in a Price field',
      '{"results":{"n_tbk_item":[{"zk_final_price":"free"}]}}',
      'types.NTbkItem.zk_final_price',
    ],
    ['text in a struct field', '{"results":{"n_tbk_item":[{"shop":"s"}]}}', 'types.NTbkItem.shop'],
    ['a single value in a list field', '{"tags":"x"}', 'response.tags'],
    ['an object in a String field', '{"results":{"n_tbk_item":[{"title":{"a":1}}]}}', 'types.NTbkItem.title'],
    ['a number in a Boolean field', '{"is_ok":1}', 'response.is_ok'],
  ])('finds %s', (_name, inner, path) => {
    expect(paths(kinds({ json: json(inner) }))).toEqual([`json ${path}`]);
  });

  it('checks XML text and structure', () => {
    const xml =
      '<tbk_kinds_get_response><total_results>x</total_results><results><n_tbk_item><shop>s</shop></n_tbk_item></results>' +
      '<is_ok><a/></is_ok><request_id>r</request_id></tbk_kinds_get_response>';
    expect(paths(kinds({ xml }))).toEqual([
      'xml response.total_results',
      'xml types.NTbkItem.shop',
      'xml response.is_ok',
    ]);
  });

  it('reads simplified samples with or without the root key', () => {
    expect(paths(kinds({ simplify_json: '{"tags":["a"],"total_results":"n"}' }))).toEqual([
      'simplify_json response.total_results',
    ]);
    expect(paths(kinds({ simplify_json: json('{"tags":["a"]}') }))).toEqual([]);
  });

  it('reports an unreadable sample', () => {
    expect(paths(kinds({ json: '{"tbk_kinds_get_response":{"x":oops}}' }))).toEqual(['json samples.json']);
  });
});
