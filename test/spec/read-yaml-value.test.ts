/**
 * The fast spec reader gives the value `yaml` gives, for every spec file and for the plain
 * scalars where YAML schemas disagree; what js-yaml refuses is located by the positioned parser.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlWithPositions } from '../../generator/src/positions/yaml-positions.js';
import { readYamlValue } from '../../generator/src/spec/read-yaml-value.js';

const SPEC = join(import.meta.dirname, '../../spec');
const files = [
  join(SPEC, 'catalog.yaml'),
  ...(await readdir(join(SPEC, 'methods'))).filter((n) => n.endsWith('.yaml')).map((n) => join(SPEC, 'methods', n)),
];

describe('readYamlValue', () => {
  it('reads every spec file as yaml does', async () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const fast = readYamlValue(file, text);
      expect(fast.diagnostics, file).toEqual([]);
      expect(fast.document, `${file} took the slow path`).toBeUndefined();
      expect(fast.value, file).toEqual(parseYamlWithPositions(file, text).value);
    }
  });

  const scalars = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'true',
    'True',
    'TRUE',
    'false',
    'null',
    'Null',
    '~',
    '',
    '012',
    '0o17',
    '0x1F',
    '1e3',
    '1.5e-3',
    '.5',
    '-.5',
    '+1',
    '.inf',
    '-.Inf',
    '.nan',
    '1_000',
    '2222_334666',
    '2001-12-14',
    '2001-12-14T21:59:43.10-05:00',
    '12:30',
    '12:30:00',
    '=',
    '<<',
    '9007199254740993',
    '-0',
    '0.0',
    '1.',
    '0b101',
    '中文',
    "'quoted'",
    '"double"',
  ];
  it.each(scalars)('reads the plain scalar %j as yaml does', (scalar) => {
    for (const text of [`k: ${scalar}\n`, `- ${scalar}\n`, `${scalar || '""'}: v\n`]) {
      const slow = parseYamlWithPositions('x.yaml', text);
      const fast = readYamlValue('x.yaml', text);
      expect(fast.diagnostics).toEqual(slow.diagnostics);
      expect(fast.value, text).toEqual(slow.value);
    }
  });

  it('reads an empty file as null, as yaml does', () => {
    expect(readYamlValue('x.yaml', '').value).toBe(parseYamlWithPositions('x.yaml', '').value);
  });

  it('leaves a duplicate key to the positioned parser, which names its line', () => {
    const text = 'method: a\ntitle: t\nmethod: b\n';
    const read = readYamlValue('x.yaml', text);
    expect(read.value).toBeUndefined();
    expect(read.diagnostics).toEqual(parseYamlWithPositions('x.yaml', text).diagnostics);
    expect(read.diagnostics).toMatchObject([{ code: 'TBK200', line: 3, level: 'error' }]);
  });

  it('leaves a syntax error to the positioned parser', () => {
    const text = 'method: a\nrequest:\n  - name: x\n   type: [unclosed\n';
    const read = readYamlValue('x.yaml', text);
    expect(read.value).toBeUndefined();
    expect(read.diagnostics).toEqual(parseYamlWithPositions('x.yaml', text).diagnostics);
    expect(read.diagnostics).toMatchObject([{ code: 'TBK200', level: 'error' }]);
  });
});
