/**
 * Fixture data (generator/src/ir/build-fixtures.ts, example-params.ts), projected from the IR:
 * the example params a fixture request is built from must pass the runtime's local validation,
 * so unusable doc examples are replaced (required params) or left out (optional ones).
 */
import { describe, expect, it } from 'vitest';
import { buildIrMethod } from '../../generator/src/ir/build-ir.js';
import { exampleParam } from '../../generator/src/ir/example-params.js';
import type { IrMethod } from '../../generator/src/ir/model.js';
import { readIr } from '../../generator/src/ir/read-ir.js';
import type { MethodSpec, SpecField } from '../../generator/src/spec/model.js';
import { listGoldens, scratchDir, writeSpecFolder } from './golden-specs.js';

function spec(request: SpecField[], types: MethodSpec['types'] = {}): MethodSpec {
  return {
    method: 'taobao.tbk.x.get',
    auth: 'none',
    request,
    response: [],
    types,
    samples: {},
    errors: [],
    sources: [],
  };
}

/** The IR of a method spec built without a spec text (every line 0). */
function irOf(s: MethodSpec): IrMethod {
  return buildIrMethod('x.yaml', s, '', [])!;
}

const param = (field: Partial<SpecField> & { type: string }, types?: MethodSpec['types']): string | undefined => {
  const f: SpecField = { name: 'p', ...field };
  const m = irOf(spec([f], types));
  return exampleParam(m, m.params[0]!);
};

describe('example params', () => {
  it.each([
    ['a usable Number example is kept', { type: 'Number', example: '123', required: true }, '123'],
    [
      'a Number example that is not an integer is replaced when required',
      { type: 'Number', example: 'mm_1_2_3', required: true },
      '1',
    ],
    ['… and left out when optional', { type: 'Number', example: 'mm_1_2_3' }, undefined],
    ['a synthetic Number respects min_value', { type: 'Number', required: true, limits: { min_value: 5 } }, '5'],
    [
      'a Number example outside its range is replaced',
      { type: 'Number', example: '500', required: true, limits: { max_value: 100 } },
      '1',
    ],
    ['Boolean examples must be true or false', { type: 'Boolean', example: '是', required: true }, 'true'],
    ['Price examples must be decimal text', { type: 'Price', example: '9.90元', required: true }, '1.00'],
    ['Json examples must parse', { type: 'Json', example: '{a:1}', required: true }, '{}'],
    ['a whitespace-only example counts as none', { type: 'String', example: '   ', required: true }, 'example'],
    [
      'a String over max_length is replaced by a short one',
      { type: 'String', example: 'abcdef', required: true, limits: { max_length: 3 } },
      'exa',
    ],
    [
      'a Date example is kept as text',
      { type: 'Date', example: '2024-01-01 00:00:00', required: true },
      '2024-01-01 00:00:00',
    ],
    [
      'a list example is comma-joined text, each item checked',
      { type: 'Number[]', example: '1, 2,3', required: true },
      '1,2,3',
    ],
    [
      'a list over max_list_size is replaced',
      { type: 'String[]', example: 'a,b,c', required: true, limits: { max_list_size: 2 } },
      'example',
    ],
    ['a file param gets placeholder content', { type: 'byte[]', required: true }, 'example'],
    ['an optional param without example is left out', { type: 'String' }, undefined],
  ] as const)('%s', (_label, field, expected) => {
    expect(param(field as SpecField)).toBe(expected);
  });

  it('keeps a struct example that is JSON of the right shape', () => {
    expect(param({ type: 'Dto', example: '{"a":"x"}' }, { Dto: [{ name: 'a', type: 'String' }] })).toBe('{"a":"x"}');
    expect(param({ type: 'Dto[]', example: '{"a":"x"}' }, { Dto: [{ name: 'a', type: 'String' }] })).toBeUndefined();
  });

  it('synthesizes a required struct from its required fields, recursively', () => {
    const types: MethodSpec['types'] = {
      Item: [
        { name: 'item_id', type: 'String', required: true, example: '653' },
        { name: 'sku_id', type: 'Number' },
        { name: 'count', type: 'Number', required: true },
        { name: 'target', type: 'Target', required: true },
      ],
      Target: [{ name: 'ids', type: 'String[]', required: true, example: 'x' }],
    };
    expect(param({ type: 'Item[]', required: true, example: 'see doc' }, types)).toBe(
      '[{"item_id":"653","count":1,"target":{"ids":["x"]}}]',
    );
  });
});

describe('buildFixtureData, readIr', () => {
  it('carries the samples present, the accepted mismatches and the metadata', () => {
    const s: MethodSpec = {
      ...spec([{ name: 'adzone_id', type: 'Number', required: true, example: '12' }]),
      samples: { json: '{"x_response":{}}', xml: '', error_json: '{"error_response":{}}' },
      accepted_mismatches: [
        { path: 'response.biz_error_desc', reason: 'the doc types it Boolean, the sample holds text' },
      ],
    };
    const { fixture } = irOf(s);
    expect(fixture.example).toEqual({ adzone_id: '12' });
    expect(fixture.samples).toEqual({ json: '{"x_response":{}}', error_json: '{"error_response":{}}' });
    expect(fixture.acceptedMismatches).toEqual([
      { path: 'response.biz_error_desc', reason: 'the doc types it Boolean, the sample holds text' },
    ]);
    expect(fixture.meta).toMatchObject({
      method: 'taobao.tbk.x.get',
      rootKey: 'tbk_x_get_response',
      request: [{ name: 'adzone_id', kind: 'number', required: true }],
    });
  });

  it('reads a spec folder into fixtures sorted by method', async () => {
    const goldens = await listGoldens();
    const specDir = await writeSpecFolder(await scratchDir('fixtures'), goldens);
    const { ir, read: diagnostics } = await readIr(specDir);
    const fixtures = ir.methods.map((m) => m.fixture);
    expect(diagnostics).toEqual([]);
    expect(fixtures.map((f) => f.meta.method)).toEqual(goldens.map((g) => g.method).sort());
    const nested = fixtures.find((f) => f.meta.method === 'taobao.tbk.golden.nested.list')!;
    expect(nested.meta.response[1]).toEqual({
      name: 'results',
      kind: 'struct',
      struct: 'NTbkItem',
      list: true,
      wrapper: 'n_tbk_item',
    });
  });
});
