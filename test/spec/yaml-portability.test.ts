/**
 * The spec is read by other tools than this project: every file under spec/ must give the same
 * values to a YAML 1.1 parser as to the project's YAML 1.2 one. Checked with the `yaml`
 * package in YAML 1.1 mode and with PyYAML's safe_load (python3 with PyYAML; CI installs
 * Debian's python3-yaml).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listFiles } from '../../generator/src/files/list-files.js';
import { needsQuotes } from '../../generator/src/spec/yaml-scalars.js';
import { serializeMethodSpec } from '../../generator/src/spec/spec-files.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const files = [
  ...(await listFiles(path.join(ROOT, 'spec'), { all: true, skip: (p) => p === 'pages' }))
    .filter((p) => /\.ya?ml$/.test(p))
    .map((p) => `spec/${p}`),
  'spec/pages/provenance.yaml',
];
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const PYTHON_LOAD = `
import json, sys, yaml
out = {}
for name in sys.argv[1:]:
    with open(name, encoding='utf-8') as f:
        try:
            out[name] = {'value': yaml.safe_load(f)}
        except Exception as e:
            out[name] = {'error': str(e)}
print(json.dumps(out, ensure_ascii=False, default=lambda v: {'not-a-json-value': repr(v)}))
`;

/** A python3 with PyYAML: the one on PATH, else Debian's (where `apt-get install python3-yaml` puts it). */
function findPyYaml(): string | undefined {
  return ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0,
  );
}

describe('spec files read the same in every YAML parser', () => {
  it('covers every method spec, the catalog, sources, overrides and the pages provenance', () => {
    expect(files.filter((f) => f.startsWith('spec/methods/')).length).toBe(112);
    expect(files).toContain('spec/catalog.yaml');
    expect(files).toContain('spec/sources.yaml');
  });

  it('gives a YAML 1.1 parser the values the project reads', () => {
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(asJson(parse(text, { version: '1.1' })), file).toEqual(asJson(parse(text)));
    }
  });

  const python = findPyYaml();
  const pyYaml = python !== undefined;
  if (!pyYaml && process.env.CI)
    throw new Error('CI needs python3 with PyYAML for this test (Debian: apt-get install python3-yaml)');
  if (!pyYaml)
    console.warn(
      '\n*** yaml-portability: python3 with PyYAML not found; the PyYAML comparison does NOT run here (apt-get install python3-yaml) ***\n',
    );

  it.runIf(pyYaml)('gives PyYAML safe_load the values the project reads', () => {
    const run = spawnSync(python!, ['-c', PYTHON_LOAD, ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stdout) as Record<string, { value?: unknown; error?: string }>;
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(loaded[file]?.error, file).toBeUndefined();
      expect(loaded[file]?.value, file).toEqual(asJson(parse(text)));
    }
  });
});

describe('needsQuotes', () => {
  it.each([
    ['2222_334666', true],
    ['1_000', true],
    ['0777', true],
    ['0x1F', true],
    ['12:30', true],
    ['1:20:30.5', true],
    ['yes', true],
    ['No', true],
    ['on', true],
    ['OFF', true],
    ['y', true],
    ['~', true],
    ['null', true],
    ['', true],
    ['2001-12-14', true],
    ['2022-12-25 23:59:59', true],
    ['2019-11-10  21:59:59', true],
    ['.inf', true],
    ['1e5', true],
    ['<<', true],
    ['=', true],
    ['a\tb', true],
    [' lead', true],
    ['trail ', true],
    ['bell\u0007', true],
    ['bom\ufeff', true],
    ['line\nbreak', false],
    ['tab\tin\nblock', false],
    ['淘宝客', false],
    ['2222-334666', false],
    ['yesterday', false],
    ['v2.0', false],
    ['12:60', false],
    ['mm_1_2_3', false],
    ['taobao.tbk.uvid.encrypt', false],
  ])('%j → %s', (text, quoted) => {
    expect(needsQuotes(text)).toBe(quoted);
  });

  it('writes such strings so that both parsers give them back', () => {
    const tricky = ['2222_334666', 'yes', '12:30', '2001-12-14', 'a\tb', ' x ', 'bell\u0007', '=', 'tab\tin\nblock'];
    const spec = {
      method: 'taobao.tbk.x.get',
      request: tricky.map((example, i) => ({ name: `p${i}`, type: 'String', example })),
      response: [],
      types: {},
    };
    const text = serializeMethodSpec(spec as unknown as MethodSpec);
    for (const version of ['1.1', '1.2'] as const) {
      const back = parse(text, { version }) as MethodSpec;
      expect(back.request.map((p) => p.example)).toEqual(tricky);
    }
  });
});
