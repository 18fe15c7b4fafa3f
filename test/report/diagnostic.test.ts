import { describe, expect, it } from 'vitest';
import { countByLevel, formatDiagnostic, sortDiagnostics } from '../../generator/src/report/diagnostic.js';

describe('formatDiagnostic', () => {
  it('prints file:line: level CODE message', () => {
    expect(
      formatDiagnostic({
        file: 'spec/pages/rendered-pages/004.txt',
        line: 75,
        level: 'warning',
        code: 'TBK104',
        message: 'repaired',
      }),
    ).toBe('spec/pages/rendered-pages/004.txt:75: warning TBK104 repaired');
  });
  it('adds the column when known', () => {
    expect(
      formatDiagnostic({ file: 'a.yaml', line: 5, column: 15, level: 'error', code: 'TBK201', message: 'x' }),
    ).toBe('a.yaml:5:15: error TBK201 x');
  });
  it('sorts by file, then line, and counts levels', () => {
    const list = [
      { file: 'b', line: 1, level: 'error' as const, code: 'A', message: '' },
      { file: 'a', line: 9, level: 'warning' as const, code: 'A', message: '' },
      { file: 'a', line: 2, level: 'notice' as const, code: 'A', message: '' },
    ];
    expect(sortDiagnostics(list).map((d) => `${d.file}${d.line}`)).toEqual(['a2', 'a9', 'b1']);
    expect(countByLevel(list)).toEqual({ error: 1, warning: 1, notice: 1 });
  });
});
