import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeParams } from './encode-params.js';
import type { MethodMeta } from './metadata.js';
import { multipart } from './multipart.js';

const meta: MethodMeta = {
  method: 'taobao.tbk.test.encode',
  auth: 'none',
  rootKey: 'tbk_test_encode_response',
  request: [
    { name: 'adzone_id', kind: 'number', required: true },
    { name: 'q', kind: 'string' },
    { name: 'start_time', kind: 'string' },
    { name: 'fields', kind: 'string' },
    { name: 'has_coupon', kind: 'boolean' },
    { name: 'min_price', kind: 'price' },
    { name: 'ext', kind: 'json' },
    { name: 'item_ids', kind: 'number', list: true },
    { name: 'item_dto', kind: 'struct', struct: 'LkItemDTO', list: true },
    { name: 'page', kind: 'struct', struct: 'Page' },
    { name: 'pic_stream', kind: 'file' },
  ],
  multipart,
  response: [],
  types: {
    LkItemDTO: [
      { name: 'item_id', kind: 'number' },
      { name: 'end_time', kind: 'string' },
    ],
    Page: [{ name: 'no', kind: 'number' }],
  },
};

describe('encodeParams', () => {
  it('encodes every kind by the agreed mapping', () => {
    const { text, files } = encodeParams(meta, {
      adzone_id: 1707359271433894971n,
      q: '女装 & 配饰',
      start_time: new Date(Date.UTC(2024, 0, 1, 0, 0, 0)),
      fields: ['num_iid', 'title'],
      has_coupon: false,
      min_price: 9.9,
      ext: { a: [1, 2], big: 9007199254740993n },
      item_ids: [1, 2n, '3'],
      item_dto: [{ item_id: 42, end_time: new Date(Date.UTC(2024, 5, 30, 16, 0, 0)) }],
      page: { no: 2 },
    });
    expect(text).toEqual({
      adzone_id: '1707359271433894971',
      q: '女装 & 配饰',
      start_time: '2024-01-01 08:00:00',
      fields: 'num_iid,title',
      has_coupon: 'false',
      min_price: '9.9',
      ext: '{"a":[1,2],"big":9007199254740993}',
      item_ids: '1,2,3',
      item_dto: '[{"item_id":42,"end_time":"2024-07-01 00:00:00"}]',
      page: '{"no":2}',
    });
    expect(files).toEqual({});
  });

  it('keeps a __proto__ key of a struct param (JSON.parse makes it an own property)', () => {
    const ext = JSON.parse('{"__proto__":{"a":1},"b":2}') as object;
    expect(encodeParams(meta, { ext, page: [ext] }).text).toEqual({
      ext: '{"__proto__":{"a":1},"b":2}',
      page: '[{"__proto__":{"a":1},"b":2}]',
    });
  });

  it('writes integers as plain digits, however large', () => {
    expect(encodeParams(meta, { adzone_id: 1e21, item_ids: [2 ** 70, -0] }).text).toEqual({
      adzone_id: '1000000000000000000000',
      item_ids: '1180591620717411303424,0',
    });
  });

  it('drops null, undefined, empty and whitespace-only values', () => {
    const { text } = encodeParams(meta, {
      adzone_id: 1,
      q: '  ',
      fields: [],
      ext: null,
      min_price: undefined,
      start_time: '',
    });
    expect(text).toEqual({ adzone_id: '1' });
  });

  it('passes pre-encoded text through and sends params unknown to the metadata', () => {
    const { text } = encodeParams(meta, {
      item_dto: '[{"item_id":1}]',
      item_ids: '1,2',
      extra_flag: true,
      extra_obj: { k: 1n },
      extra_list: [{ a: 1 }],
    });
    expect(text).toEqual({
      item_dto: '[{"item_id":1}]',
      item_ids: '1,2',
      extra_flag: 'true',
      extra_obj: '{"k":1}',
      extra_list: '[{"a":1}]',
    });
  });

  it('puts file params aside, unsigned, whatever their shape', () => {
    const blob = new Blob(['x']);
    const stream = Readable.from([Buffer.from('y')]);
    const wrapped = { data: new Uint8Array([1]), filename: 'a.png', contentType: 'image/png' };
    expect(encodeParams(meta, { adzone_id: 1, pic_stream: blob }).files).toEqual({ pic_stream: blob });
    expect(encodeParams(meta, { adzone_id: 1, pic_stream: stream }).files['pic_stream']).toBe(stream);
    const both = encodeParams(meta, { adzone_id: 1, pic_stream: wrapped });
    expect(both.files['pic_stream']).toBe(wrapped);
    expect(both.text).toEqual({ adzone_id: '1' });
  });
});
