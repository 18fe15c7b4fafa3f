import { describe, expect, it } from 'vitest';
import { AUTH_VALUES } from '../../generator/src/vocabulary/auth.js';
import { isDeclaredOptional, isRequired, readRequiredText } from '../../generator/src/vocabulary/required.js';
import { SAMPLE_KINDS } from '../../generator/src/vocabulary/sample-kinds.js';
import {
  compactTopType,
  isStructTypeName,
  isTopScalar,
  parseTopType,
  splitTopType,
  topScalarAlias,
} from '../../generator/src/vocabulary/top-types.js';
import type { AuthMode } from '../../templates/runtime/metadata.js';
import type { Auth } from '../../generator/src/vocabulary/auth.js';

describe('TOP types', () => {
  it.each([
    ['String', { element: 'String', list: false, scalar: 'String' }],
    ['Foo[]', { element: 'Foo', list: true }],
    ['byte[]', { element: 'byte[]', list: false, scalar: 'byte[]' }],
    ['byte[][]', { element: 'byte[]', list: true, scalar: 'byte[]' }],
    ['Number[]', { element: 'Number', list: true, scalar: 'Number' }],
    ['Field List', { element: 'Field List', list: false, scalar: 'Field List' }],
    ['LkItemDTO', { element: 'LkItemDTO', list: false }],
  ])('splitTopType(%j)', (type, want) => {
    expect(splitTopType(type)).toEqual(want);
  });

  it.each([
    ['UvIdGenerateRes []', 'UvIdGenerateRes[]'],
    ['  NTbkItem   [] ', 'NTbkItem[]'],
    ['MaterialUrlList\n\n        []', 'MaterialUrlList[]'],
    ['Field   List', 'Field List'],
    ['byte []', 'byte[]'],
  ])('compactTopType(%j) is %j', (raw, want) => {
    expect(compactTopType(raw)).toBe(want);
  });

  it('parses a type as printed', () => {
    expect(parseTopType(' NTbkItem [] ')).toEqual({ element: 'NTbkItem', list: true });
    expect(parseTopType('byte []')).toEqual({ element: 'byte[]', list: false, scalar: 'byte[]' });
  });

  it('tells lists, scalars and structs apart', () => {
    expect(splitTopType('Foo[]')).toMatchObject({ element: 'Foo', list: true });
    expect(splitTopType('byte[]')).toMatchObject({ element: 'byte[]', list: false });
    expect(isStructTypeName('LkItemDTO')).toBe(true);
    expect(isStructTypeName('Number')).toBe(false);
    expect(isStructTypeName('Field List')).toBe(false);
    expect(isStructTypeName('lowercase')).toBe(false);
    expect(isTopScalar('Price')).toBe(true);
    expect(isTopScalar('price')).toBe(false);
  });

  it.each([
    ['string', 'String'],
    ['Long', 'Number'],
    ['int', 'Number'],
    ['Field list', 'Field List'],
    ['BYTE[]', 'byte[]'],
    ['json', 'Json'],
    ['Map', undefined],
  ])('topScalarAlias(%j) is %j', (spelling, want) => {
    expect(topScalarAlias(spelling)).toBe(want);
  });
});

describe('是否必须 and the required rule', () => {
  it.each([
    ['必须', true],
    ['是', true],
    ['true', true],
    ['可选', false],
    ['否', false],
    ['false', false],
    ['必填', undefined],
    ['', undefined],
    ['toString', undefined],
  ])('%j states %j', (text, want) => {
    expect(readRequiredText(text)).toBe(want);
  });

  it('makes only a stated true required', () => {
    expect(isRequired({ required: true })).toBe(true);
    expect(isRequired({ required: false })).toBe(false);
    expect(isRequired({})).toBe(false);
  });

  it.each([
    ['request', { required: true }, false],
    ['request', { required: false }, true],
    ['request', {}, true],
    ['response', { required: true }, true],
    ['response', {}, true],
  ] as const)('declares a %s field %j optional: %s', (flavour, field, want) => {
    expect(isDeclaredOptional(field, flavour)).toBe(want);
  });
});

describe('auth and sample kinds', () => {
  it('lists the auth values the shipped metadata knows', () => {
    const same: AuthMode[] = [...AUTH_VALUES];
    const back: Auth[] = ['none', 'optional', 'required', 'unknown'] satisfies AuthMode[];
    expect(same).toEqual(back);
  });

  it('lists the sample kinds in the doc page order', () => {
    expect(SAMPLE_KINDS).toEqual(['json', 'xml', 'simplify_json', 'error_json', 'error_xml']);
  });
});
