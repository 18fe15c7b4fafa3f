import { describe, expect, it } from 'vitest';
import { isSeparatorRow, splitRow } from '../../generator/src/read/pipe-table.js';

describe('pipe tables', () => {
  it.each([
    ['---|---|---|', true],
    ['|---|---|', true],
    ['|---------|------|---------|', true],
    ['---|', true],
    ['|---|', true],
    ['a | b |', false],
    ['-- | x', false],
  ])('isSeparatorRow(%j) = %s', (line, want) => {
    expect(isSeparatorRow(line)).toBe(want);
  });

  it.each([
    ['tk_domain | Number | 必须 | 1 | 淘客业务域 | |', ['tk_domain', 'Number', '必须', '1', '淘客业务域', '']],
    ['| social_crowd_id | Number | 必须 | 12312 | 社群ID |', ['social_crowd_id', 'Number', '必须', '12312', '社群ID']],
    ['名称 | 类型 | 示例值 | 描述 |', ['名称', '类型', '示例值', '描述']],
    ['a | b', ['a', 'b']],
  ])('splitRow(%j)', (line, want) => {
    expect(splitRow(line)).toEqual(want);
  });
});
