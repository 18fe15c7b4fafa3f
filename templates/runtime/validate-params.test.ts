import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MethodMeta } from './metadata.js';
import { multipart } from './multipart.js';
import { checkInteger } from './param-checks.js';
import { checkParams, validateParams } from './validate-params.js';

const meta: MethodMeta = {
  method: 'taobao.tbk.test.validate',
  auth: 'none',
  rootKey: 'tbk_test_validate_response',
  request: [
    { name: 'adzone_id', kind: 'number', required: true, minValue: 1 },
    { name: 'page_size', kind: 'number', minValue: 1, maxValue: 100 },
    { name: 'q', kind: 'string', maxLength: 5 },
    { name: 'has_coupon', kind: 'boolean' },
    { name: 'min_price', kind: 'price', minValue: 0 },
    { name: 'item_ids', kind: 'number', list: true, maxListSize: 3 },
    { name: 'item_dto', kind: 'struct', struct: 'LkItemDTO', list: true, maxListSize: 2 },
    { name: 'ext', kind: 'json' },
    { name: 'pic', kind: 'file' },
  ],
  multipart,
  response: [],
  types: {
    LkItemDTO: [
      { name: 'item_id', kind: 'number', required: true },
      { name: 'note', kind: 'string', maxLength: 3 },
    ],
  },
};

describe('validateParams', () => {
  it('accepts typed values and the text forms of doc examples', () => {
    expect(
      validateParams(meta, {
        adzone_id: 9223372036854775807n,
        page_size: '100',
        q: 'abc',
        has_coupon: 'true',
        min_price: '0.01',
        item_ids: '1,2,3',
        item_dto: [{ item_id: '5', note: 'ok' }],
        ext: { any: ['thing'] },
        pic: { data: Readable.from([]), filename: 'a.jpg' },
      }),
    ).toEqual([]);
    expect(
      validateParams(meta, { adzone_id: 1, item_dto: '[{"item_id":1}]', has_coupon: false, min_price: 3 }),
    ).toEqual([]);
  });

  it('reports every problem at once, naming each param', () => {
    const problems = validateParams(meta, {
      page_size: 500,
      q: { not: 'a string' },
      has_coupon: 'yes',
      min_price: 'cheap',
      item_ids: [1, 2, 3, 4.5],
      item_dto: [{ note: 'too long' }, { item_id: 1 }, { item_id: 2 }],
      pic: 'not a file',
    });
    expect(problems).toEqual([
      { param: 'adzone_id', message: 'required param is missing' },
      { param: 'page_size', message: 'is 500, more than the maximum 100' },
      { param: 'q', message: 'expects a string, got an object' },
      { param: 'has_coupon', message: 'expects a boolean, got "yes"' },
      { param: 'min_price', message: 'expects a decimal (number or decimal text), got "cheap"' },
      { param: 'item_ids', message: 'has 4 items, more than the maximum 3' },
      { param: 'item_ids[3]', message: 'expects an integer (number, bigint or integer text), got 4.5' },
      { param: 'item_dto', message: 'has 3 items, more than the maximum 2' },
      { param: 'item_dto[0].item_id', message: 'required param is missing' },
      { param: 'item_dto[0].note', message: 'is 8 characters long, more than the maximum 3' },
      {
        param: 'pic',
        message: 'expects a file (Blob, Uint8Array, Readable, ReadableStream or { data, filename }), got "not a file"',
      },
    ]);
  });

  it.each([
    ['a non-integer string for a Number', { adzone_id: '12a' }, 'adzone_id', 'expects an integer'],
    ['a float for a Number', { adzone_id: 1.5 }, 'adzone_id', 'expects an integer'],
    ['a number below the minimum', { adzone_id: 0 }, 'adzone_id', 'is 0, less than the minimum 1'],
    ['a string over maxLength', { adzone_id: 1, q: '123456' }, 'q', 'is 6 characters long'],
    ['whitespace for a required param', { adzone_id: '  ' }, 'adzone_id', 'required param is missing'],
    [
      'an array for a struct list item',
      { adzone_id: 1, item_dto: [[1]] },
      'item_dto[0]',
      'expects an object (LkItemDTO)',
    ],
    ['a scalar for a list', { adzone_id: 1, item_dto: 5 }, 'item_dto', 'expects a list'],
    ['an invalid Date', { adzone_id: 1, q: new Date('x') }, 'q', 'got an invalid Date'],
  ])('refuses %s', (_name, params, param, message) => {
    const problems = validateParams(meta, params);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.param).toBe(param);
    expect(problems[0]!.message).toContain(message);
  });

  it('refuses params that are not an object', () => {
    expect(validateParams(meta, null)).toEqual([
      { param: '(params)', message: 'expects an object of params, got null' },
    ]);
  });

  it('checks values of the kinds it is given a check for, and every value for being present', () => {
    const params = { page_size: 500, q: 'too long a text', has_coupon: 'yes', item_ids: [1, 2, 3, 4] };
    expect(checkParams(meta, params, { number: checkInteger })).toEqual([
      { param: 'adzone_id', message: 'required param is missing' },
      { param: 'page_size', message: 'is 500, more than the maximum 100' },
      { param: 'item_ids', message: 'has 4 items, more than the maximum 3' },
    ]);
    expect(checkParams(meta, params, {})).toEqual([
      { param: 'adzone_id', message: 'required param is missing' },
      { param: 'item_ids', message: 'has 4 items, more than the maximum 3' },
    ]);
  });
});
