import { describe, expect, it } from 'vitest';
import { findLosses, suspectSources } from '../../generator/src/pipeline/find-losses.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { editFields, makeSpec } from '../diff/make-spec.js';

const base = makeSpec();
const lossesOf = (after: MethodSpec) => findLosses(base, after).map((l) => `${l.path}: ${l.what}`);

describe('findLosses', () => {
  it.each<[string, MethodSpec, string[]]>([
    ['nothing changed', makeSpec(), []],
    ['a title that is gone', makeSpec({ title: undefined }), ['title: its value "淘宝客-推广者-示例查询"']],
    ['a description that is gone', makeSpec({ description: undefined }), ['description: its value "demo"']],
    ['a sample that is gone', makeSpec({ samples: {} }), ['samples.json: json sample removed']],
    [
      'an error code that is gone',
      makeSpec({ errors: [] }),
      ['errors.isv.invalid-parameter: error code isv.invalid-parameter removed'],
    ],
    [
      'a param that is gone',
      editFields(base, 'request', (f) => f.slice(0, 1)),
      ['request.q: param removed (was String)'],
    ],
    [
      'a param example that is gone',
      editFields(base, 'request', (f) => [{ ...f[0]!, example: undefined }, f[1]!]),
      ['request.adzone_id: its value "123"'],
    ],
    [
      'a struct field that is gone',
      editFields(base, 'types.NTbkItem', (f) => f.slice(0, 1)),
      ['response.results.title: response field removed (was String)'],
    ],
    [
      'the fields of a struct that are no longer known',
      editFields(base, 'types.NTbkItem', () => []),
      ['response.results: the fields of its struct type'],
    ],
    ['a known auth that became unknown', makeSpec({ auth: undefined }), ['auth: auth none']],
  ])('%s', (_name, after, want) => {
    expect(lossesOf(after)).toEqual(want);
  });

  it('a doc id that is gone', () => {
    expect(findLosses(makeSpec({ doc_id: 24515 }), makeSpec()).map((l) => `${l.path}: ${l.what}`)).toEqual([
      'doc_id: its value "24515"',
    ]);
  });

  it.each<[string, MethodSpec]>([
    ['a title stated differently', makeSpec({ title: '淘宝客-推广者-示例查询（新）' })],
    ['a description stated differently', makeSpec({ description: 'demo, reworded' })],
    ['a changed sample', makeSpec({ samples: { json: '{"a":1}' } })],
    ['a param with another type', editFields(base, 'request', (f) => [{ ...f[0]!, type: 'String' }, f[1]!])],
    ['an added param', editFields(base, 'request', (f) => [...f, { name: 'page_no', type: 'Number' }])],
    ['auth stated differently', makeSpec({ auth: 'required' })],
  ])('%s is a change, not a loss', (_name, after) => {
    expect(lossesOf(after)).toEqual([]);
  });
});

describe('suspectSources', () => {
  const a = { file: 'spec/pages/a.txt', format: 'seed-text' as const, sha256: '1'.repeat(64) };
  const b = { file: 'spec/pages/b.md', format: 'markdown-dump' as const, sha256: '2'.repeat(64) };
  it('names the sources that changed, lost the page, or were not read, and no others', () => {
    expect(suspectSources([a, b], [a, b], new Set([a.file, b.file]))).toEqual([]);
    expect(suspectSources([a, b], [a, { ...b, sha256: '3'.repeat(64) }], new Set([a.file, b.file]))).toEqual([
      'spec/pages/b.md (changed)',
    ]);
    expect(suspectSources([a, b], [a], new Set([a.file, b.file]))).toEqual([
      "spec/pages/b.md (no longer holds this method's page)",
    ]);
    expect(suspectSources([a, b], [a], new Set([a.file]))).toEqual(['spec/pages/b.md (not read in this run)']);
  });
});
