import { describe, expect, it } from 'vitest';
import { kindsWithoutSamples } from '../../test/testing/fixtures/kinds-fixture.js';
import type { MethodFixture } from '../runtime/metadata.js';
import { synthesizeResponse } from './synthesize-value.js';

describe('synthesizeResponse', () => {
  it('gives every declared field once, lists with one element, strings marked synthetic', () => {
    expect(synthesizeResponse(kindsWithoutSamples)).toEqual({
      total_results: 1,
      results: [
        {
          num_iid: 1,
          title: 'synthetic:title',
          zk_final_price: '1.00',
          small_images: ['synthetic:small_images'],
          shop: { shop_id: 1, shop_title: 'synthetic:shop_title' },
        },
      ],
      tags: ['synthetic:tags'],
      ext_info: '{"synthetic":"ext_info"}',
      is_ok: true,
    });
  });

  it('is deterministic', () => {
    expect(synthesizeResponse(kindsWithoutSamples)).toEqual(synthesizeResponse(kindsWithoutSamples));
  });

  it('takes the example of a request param of the same name', () => {
    const fixture: MethodFixture = {
      ...kindsWithoutSamples,
      meta: {
        ...kindsWithoutSamples.meta,
        response: [
          { name: 'adzone_id', kind: 'number' },
          { name: 'fields', kind: 'string' },
        ],
      },
      example: { adzone_id: '9007199254740993', fields: 'num_iid,title' },
    };
    expect(synthesizeResponse(fixture)).toEqual({ adzone_id: 9007199254740993n, fields: 'num_iid,title' });
  });

  it('expands a self-referencing struct once', () => {
    const fixture: MethodFixture = {
      meta: {
        method: 'taobao.tbk.tree.get',
        auth: 'none',
        rootKey: 'tbk_tree_get_response',
        request: [],
        response: [{ name: 'root', kind: 'struct', struct: 'Node' }],
        types: {
          Node: [
            { name: 'name', kind: 'string' },
            { name: 'children', kind: 'struct', struct: 'Node', list: true },
          ],
        },
      },
      example: {},
      samples: {},
    };
    expect(synthesizeResponse(fixture)).toEqual({ root: { name: 'synthetic:name' } });
  });
});
