/**
 * The TOP type → TypeScript mapping (generator/src/ir/type-map.ts, docs/generator.md "Type
 * mapping"), given/want: a TOP type as the spec holds it or as a page prints it, parsed as
 * build-ir parses it (vocabulary/top-types.ts), → the request param type, the response field
 * type, the runtime's kind and whether it is a list. A struct is named by its spec name here
 * (build-ir passes the struct's TypeScript name, names.ts).
 */
import { describe, expect, it } from 'vitest';
import { requestType, responseType, scalarKind } from '../../generator/src/ir/type-map.js';
import { parseTopType, topScalarAlias, TOP_SCALARS } from '../../generator/src/vocabulary/top-types.js';
import type { ScalarKind } from '../../templates/runtime/metadata.js';

interface Mapped {
  request: string;
  response: string;
  kind: ScalarKind | 'struct';
  list: boolean;
}

function mapType(type: string): Mapped {
  const ref = parseTopType(type);
  const struct = ref.scalar ? undefined : ref.element;
  return {
    request: requestType(ref, struct),
    response: responseType(ref, struct),
    kind: ref.scalar ? scalarKind(ref.scalar) : 'struct',
    list: ref.list,
  };
}

type Row = [given: string, request: string, response: string, kind: ScalarKind | 'struct', list: boolean];

const SCALARS: Row[] = [
  ['String', 'string', 'string', 'string', false],
  ['Number', 'number | bigint | string', 'Long', 'number', false],
  ['Boolean', 'boolean', 'boolean', 'boolean', false],
  ['Date', 'string | Date', 'string', 'string', false],
  ['Price', 'string | number', 'string', 'price', false],
  ['BigDecimal', 'string | number', 'string', 'price', false],
  ['Json', 'string | object', 'string', 'json', false],
  ['Field List', 'string | readonly string[]', 'string', 'string', false],
  ['byte[]', 'FileInput', 'string', 'file', false],
];

const LISTS: Row[] = [
  ['String[]', 'readonly string[] | string', 'string[]', 'string', true],
  ['Number[]', 'readonly (number | bigint | string)[] | string', 'Long[]', 'number', true],
  ['Boolean[]', 'readonly boolean[] | string', 'boolean[]', 'boolean', true],
  ['Date[]', 'readonly (string | Date)[] | string', 'string[]', 'string', true],
  ['Price[]', 'readonly (string | number)[] | string', 'string[]', 'price', true],
  ['BigDecimal[]', 'readonly (string | number)[] | string', 'string[]', 'price', true],
  ['Json[]', 'readonly (string | object)[] | string', 'string[]', 'json', true],
  // A Field List inside a list is one name.
  ['Field List[]', 'readonly string[] | string', 'string[]', 'string', true],
  // A list of files: mapped, but build-ir refuses it (TBK305).
  ['byte[][]', 'readonly FileInput[] | string', 'string[]', 'file', true],
];

const STRUCTS: Row[] = [
  ['LkItemDTO', 'LkItemDTO', 'LkItemDTO', 'struct', false],
  ['LkItemDTO[]', 'readonly LkItemDTO[]', 'LkItemDTO[]', 'struct', true],
];

const SPACING: Row[] = [
  ['NTbkItem []', 'readonly NTbkItem[]', 'NTbkItem[]', 'struct', true],
  ['  UvIdGenerateRes\n  [ ] ', 'readonly UvIdGenerateRes[]', 'UvIdGenerateRes[]', 'struct', true],
  ['Number [ ]', 'readonly (number | bigint | string)[] | string', 'Long[]', 'number', true],
  [' Field   List ', 'string | readonly string[]', 'string', 'string', false],
  ['byte []', 'FileInput', 'string', 'file', false],
];

// Not a TOP scalar in the spec's form: taken for a struct name (build-ir reports it, TBK301).
const UNKNOWNS: Row[] = [
  ['long', 'long', 'long', 'struct', false],
  ['string', 'string', 'string', 'struct', false],
  ['Foo Bar', 'Foo Bar', 'Foo Bar', 'struct', false],
  ['Foo Bar[]', 'readonly (Foo Bar)[]', '(Foo Bar)[]', 'struct', true],
];

describe('TOP type → TypeScript type and runtime kind', () => {
  it('has a row for every TOP scalar and its list', () => {
    expect(SCALARS.map((r) => r[0])).toEqual([...TOP_SCALARS]);
    expect(LISTS.map((r) => r[0])).toEqual(TOP_SCALARS.map((s) => `${s}[]`));
  });

  describe.each([
    ['scalars', SCALARS],
    ['scalar lists', LISTS],
    ['structs', STRUCTS],
    ['odd spacing', SPACING],
    ['unknown names', UNKNOWNS],
  ] as const)('%s', (_group, rows) => {
    it.each(rows)('%j → request %j, response %j, kind %s, list %s', (given, request, response, kind, list) => {
      expect(mapType(given)).toEqual({ request, response, kind, list });
    });
  });
});

// The normaliser reads other spellings of the scalars as the scalar (normalise/normalise-type.ts);
// the spec then holds the scalar, which maps as above.
const ALIASES: [spelling: string, scalar: string, request: string, response: string, kind: ScalarKind][] = [
  ['long', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['Long', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['integer', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['int', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['double', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['float', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['string', 'String', 'string', 'string', 'string'],
  ['NUMBER', 'Number', 'number | bigint | string', 'Long', 'number'],
  ['boolean', 'Boolean', 'boolean', 'boolean', 'boolean'],
  ['date', 'Date', 'string | Date', 'string', 'string'],
  ['price', 'Price', 'string | number', 'string', 'price'],
  ['bigdecimal', 'BigDecimal', 'string | number', 'string', 'price'],
  ['json', 'Json', 'string | object', 'string', 'json'],
  ['Field list', 'Field List', 'string | readonly string[]', 'string', 'string'],
  ['FieldList', 'Field List', 'string | readonly string[]', 'string', 'string'],
  ['BYTE[]', 'byte[]', 'FileInput', 'string', 'file'],
];

describe('scalar aliases, once normalised', () => {
  it.each(ALIASES)('%j is %s → request %j, response %j, kind %s', (spelling, scalar, request, response, kind) => {
    const normalised = topScalarAlias(spelling);
    expect(normalised).toBe(scalar);
    expect(mapType(normalised!)).toEqual({ request, response, kind, list: false });
  });
});
