import { describe, expect, it } from 'vitest';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import { MAX_SAMPLE_CHARS, MAX_TEXT_CHARS } from '../../generator/src/normalise/drop-oversized-values.js';
import { makePage, p } from './hand-pages.js';

const huge = '长'.repeat(3_500_000); // 10 MB of UTF-8

describe('values no doc page holds: a 10 MB description, cell or sample', () => {
  it('are dropped with an error at their line, and the spec stays small', () => {
    const page = makePage({
      method: 'taobao.tbk.x.get',
      description: huge,
      request: [p('q', 'String', { description: huge, example: 'ok', line: 12 })],
      response: [p('r', 'String', { example: huge, line: 20 })],
      samples: { json: `{"tbk_x_get_response":{"r":"${huge}"}}` },
      errors: [{ code: 'isv.x', message: huge, solution: 'retry', line: 30 }],
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(JSON.stringify(specs).length).toBeLessThan(10_000);
    const spec = specs[0]!;
    expect(spec.description).toBeUndefined();
    expect(spec.request[0]).toMatchObject({ name: 'q', example: 'ok' });
    expect(spec.request[0]!.description).toBeUndefined();
    expect(spec.samples?.json).toBeUndefined();
    const dropped = diagnostics.filter((d) => d.code === 'TBK104');
    expect(dropped.map((d) => [d.line, d.level])).toEqual([
      [1, 'error'],
      [12, 'error'],
      [20, 'error'],
      [30, 'error'],
      [51, 'error'],
    ]);
    expect(dropped[1]!.message).toBe(
      `request.q.description is 3500000 characters long, more than any doc text (${MAX_TEXT_CHARS}): not doc text; dropped`,
    );
    expect(dropped[4]!.message).toBe(
      `samples.json is 3500031 characters long, more than any doc sample (${MAX_SAMPLE_CHARS}): not doc text; dropped`,
    );
  });

  it('keeps the values of real pages (the longest sample is 11 KB, the longest text 1.7 KB)', () => {
    const page = makePage({
      method: 'taobao.tbk.x.get',
      description: 'd'.repeat(MAX_TEXT_CHARS),
      samples: { json: `{"tbk_x_get_response":{"r":"${'x'.repeat(MAX_SAMPLE_CHARS - 40)}"}}` },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(diagnostics.filter((d) => d.code === 'TBK104')).toEqual([]);
    expect(specs[0]!.description).toHaveLength(MAX_TEXT_CHARS);
  });
});
