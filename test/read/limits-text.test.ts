import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLimitsText } from '../../generator/src/read/limits-text.js';
import { splitRow } from '../../generator/src/read/pipe-table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, 'spec/pages');

describe('parseLimitsText', () => {
  it.each([
    ['默认值：1', { default: '1' }],
    ['默认值:20', { default: '20' }],
    ['默认值： 0 ', { default: '0' }],
    ['默认值：common', { default: 'common' }],
    ['最大列表长度：20', { limits: { maxListSize: 20 } }],
    ['最大长度：64', { limits: { maxLength: 64 } }],
    ['最大值：100', { limits: { maxValue: 100 } }],
    ['最小值：-1', { limits: { minValue: -1 } }],
    ['最小值：0.01', { limits: { minValue: 0.01 } }],
    ['最大值：２０', { limits: { maxValue: 20 } }],
    ['最小值：1 最大值：100', { limits: { minValue: 1, maxValue: 100 } }],
    ['最小值：1，最大值：100', { limits: { minValue: 1, maxValue: 100 } }],
    ['默认值：1<br>最大值：100', { default: '1', limits: { maxValue: 100 } }],
    ['默认值：10 最大列表长度：20', { default: '10', limits: { maxListSize: 20 } }],
  ])('reads %j', (text, want) => {
    expect(parseLimitsText(text)).toEqual(want);
  });

  it.each([
    [''],
    ['   '],
    // Seed 000: the description shifted into the 更多限制 column.
    ['淘客业务域,1-导购 2-流量 3-社群 4-代理 5-返利'],
    ['mm_xxx_xxx_xxx的第三位'],
    // Descriptions of the markdown dump that carry colons and the word 默认.
    ['链接形式：1：PC，2：无线，默认：１'],
    ['类型，必选 默认为1:'],
    ['说明 默认值：1'],
    ['最大值：很多'],
    ['默认值：'],
    ['默认值：1 默认值：2'],
  ])('rejects %j', (text) => {
    expect(parseLimitsText(text)).toBeUndefined();
  });

  it('reads every 更多限制 cell of the markdown dump and no description cell', () => {
    const lines = readFileSync(path.join(CORPUS, 'markdown-dump/tbk-doc-dump.md'), 'utf8').split(/\r?\n/);
    let inRequest = false;
    const limits: string[] = [];
    const descriptions: string[] = [];
    for (const line of lines) {
      if (!line.startsWith('|')) {
        inRequest = false;
        continue;
      }
      const cells = splitRow(line);
      if (cells[0] === '参数名称') {
        inRequest = cells[4] === '更多限制';
        continue;
      }
      // Rows whose cells are broken over several lines are the dump reader's business.
      if (!inRequest || cells.length !== 6 || /^-+$/.test(cells[0]!)) continue;
      if (cells[4] !== '') limits.push(cells[4]!);
      if (cells[5] !== '') descriptions.push(cells[5]!);
    }
    expect(limits).toHaveLength(49);
    expect(new Set(limits).size).toBe(7);
    for (const text of limits) expect(parseLimitsText(text), text).toBeDefined();
    expect(descriptions).toHaveLength(521);
    for (const text of descriptions) expect(parseLimitsText(text), text).toBeUndefined();
    expect(parseLimitsText('最小值：1 最大值：100')).toEqual({ limits: { minValue: 1, maxValue: 100 } });
  });
});
