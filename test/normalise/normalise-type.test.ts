import { describe, expect, it } from 'vitest';
import { normaliseType } from '../../generator/src/normalise/normalise-type.js';

describe('normaliseType', () => {
  it.each([
    ['String', 'String'],
    ['UvIdGenerateRes []', 'UvIdGenerateRes[]'],
    ['  NTbkItem   [] ', 'NTbkItem[]'],
    ['MaterialUrlList\n\n        []', 'MaterialUrlList[]'],
    ['LkItemDTO[]', 'LkItemDTO[]'],
    ['byte[]', 'byte[]'],
    ['Field List', 'Field List'],
    ['String[]', 'String[]'],
  ])('%j → %j without a report', (raw, type) => {
    expect(normaliseType(raw)).toEqual({ type });
  });

  it.each([
    ['string', 'String'],
    ['Long', 'Number'],
    ['integer []', 'Number[]'],
    ['Field list', 'Field List'],
    ['byte []', 'byte[]'],
    ['BYTE[]', 'byte[]'],
    ['json', 'Json'],
  ])('%j → %j, reported as corrected', (raw, type) => {
    const got = normaliseType(raw);
    expect(got.type).toBe(type);
    if (raw.replace(/\s/g, '') !== type) expect(got.corrected).toContain(raw.trim());
    expect(got.odd).toBeUndefined();
  });

  it.each(['数字', 'Map<String,Long>', 'a-b'])('%j is kept as printed and reported as odd', (raw) => {
    const got = normaliseType(raw);
    expect(got.type).toBe(raw);
    expect(got.odd).toContain(raw);
  });

  it('reports an empty type', () => {
    expect(normaliseType('  ').odd).toBe('no type given');
  });
});
