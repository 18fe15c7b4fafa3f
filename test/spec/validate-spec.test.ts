import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import type { CatalogSpec, MethodSpec } from '../../generator/src/spec/model.js';
import { readSpecFolder, serializeCatalog, serializeMethodSpec } from '../../generator/src/spec/spec-files.js';
import { loadSchemaValidators, SCHEMA_CACHE_DIR } from '../../generator/src/spec/schema-validators.js';
import {
  validateCatalog,
  validateMethodSpec,
  validateMethodValue,
  validateSpecFolder,
} from '../../generator/src/spec/validate-spec.js';

const FILE = 'spec/methods/taobao.tbk.x.get.yaml';

function spec(): MethodSpec {
  return {
    method: 'taobao.tbk.x.get',
    title: '淘宝客-推广者-X',
    auth: 'required',
    request: [
      { name: 'adzone_id', type: 'Number', required: true, example: '123', limits: { max_value: 9 } },
      { name: 'fields', type: 'Field List', required: false },
      { name: 'pic', type: 'byte[]', required: false },
    ],
    response: [
      { name: 'results', type: 'Item[]', description: 'items' },
      { name: 'total', type: 'Number' },
    ],
    types: {
      Item: [
        { name: 'item_id', type: 'String' },
        { name: 'tags', type: 'String[]', inferred: true },
        { name: 'shop', type: 'Shop' },
      ],
      Shop: [{ name: 'shop_id', type: 'Number' }],
    },
    samples: { json: '{"tbk_x_get_response":{}}' },
    errors: [{ code: 'isv.invalid-parameter', message: 'bad' }],
    sources: [{ file: 'spec/pages/x.txt', format: 'seed-text', sha256: 'a'.repeat(64) }],
    override: 'spec/overrides/taobao.tbk.x.get.yaml',
  };
}

const text = serializeMethodSpec(spec());
const lines = text.split('\n');
/** 1-based line of the first line containing `needle` (after `from`). */
const lineOf = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const show = (list: ReturnType<typeof validateMethodSpec>) => list.map(formatDiagnostic);

describe('validateMethodSpec', () => {
  it('accepts a spec in the model shape', () => {
    expect(validateMethodSpec(FILE, text)).toEqual([]);
    expect(validateMethodValue(FILE, JSON.parse(JSON.stringify(spec())), text)).toEqual([]);
  });

  it('reports schema violations at the offending YAML node', () => {
    const bad = text
      .replace('auth: required', 'auth: maybe')
      .replace('type: Field List', 'type: UvIdGenerateRes []')
      .replace('    example: "123"', '    example: "123"\n    colour: red')
      .replace(/sha256: a+/, 'sha256: xyz');
    const l = bad.split('\n');
    const at = (needle: string) => l.findIndex((x) => x.includes(needle)) + 1;
    expect(show(validateMethodSpec(FILE, bad))).toEqual([
      `${FILE}:${at('auth: maybe')}:7: error TBK220 schema: auth: must be one of none, optional, required, unknown`,
      `${FILE}:${at('colour: red')}:5: error TBK220 schema: request[0]: unknown key "colour"`,
      `${FILE}:${at('UvIdGenerateRes []')}:11: error TBK220 schema: request[1].type: "UvIdGenerateRes []" does not have the expected form ^(Field List|byte\\[\\]|[A-Za-z_][A-Za-z0-9_]*)(\\[\\])?$`,
      `${FILE}:${at('sha256: xyz')}:13: error TBK220 schema: sources[0].sha256: "xyz" does not have the expected form ^[0-9a-f]{64}$`,
    ]);
  });

  it('reports a missing key at the map that lacks it, and a wrong value type', () => {
    const bad = text
      .replace(/^auth: required\n/m, '')
      .replace('  - name: total\n    type: Number', '  - name: total\n    type: 7');
    const found = validateMethodSpec(FILE, bad);
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [1, 'schema: (top level): missing key "auth"'],
      [bad.split('\n').findIndex((x) => x.includes('type: 7')) + 1, 'schema: response[1].type: must be string'],
    ]);
  });

  it('finds struct types that are not defined, misspelt scalars, duplicates and unused types', () => {
    const bad = text
      .replace('type: Shop\n', 'type: Shopp\n')
      .replace(
        '  - name: total\n    type: Number',
        '  - name: total\n    type: Nmber\n  - name: results\n    type: String',
      )
      .replace('  - name: pic\n    type: byte[]', '  - name: pic\n    type: string');
    const l = bad.split('\n');
    const at = (needle: string, from = 0) => l.findIndex((x, i) => i >= from && x.includes(needle)) + 1;
    expect(show(validateMethodSpec(FILE, bad))).toEqual([
      `${FILE}:${at('type: string')}:11: error TBK222 request.pic: unknown type "string" (did you mean String?)`,
      `${FILE}:${at('type: Nmber')}:11: error TBK222 response.total: unknown type "Nmber" (did you mean Number?)`,
      `${FILE}:${at('name: results', at('name: total'))}:11: error TBK223 duplicate field "results" in response (first at line ${at('name: results')})`,
      `${FILE}:${at('type: Shopp')}:13: error TBK221 types.Item.shop: struct type "Shopp" is not defined under \`types\` (did you mean Shop?)`,
      `${FILE}:${at('  Shop:')}:3: warning TBK224 type Shop is defined but no field uses it`,
    ]);
  });

  it('checks that a file under methods/ is named after its method', () => {
    expect(show(validateMethodSpec('spec/methods/taobao.tbk.y.get.yaml', text))).toEqual([
      `spec/methods/taobao.tbk.y.get.yaml:1:9: error TBK225 file name taobao.tbk.y.get.yaml does not match method taobao.tbk.x.get`,
    ]);
    // Feature fixtures elsewhere may be named after what they show.
    expect(validateMethodSpec('test/golden/nested-list.yaml', text)).toEqual([]);
  });

  it('reports YAML syntax errors with TBK200 and nothing else', () => {
    const found = validateMethodSpec(FILE, `${text}request: [\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.code === 'TBK200' && d.level === 'error')).toBe(true);
  });

  it('locates problems of a value without parsing unless needed (same messages as from text)', () => {
    const value = JSON.parse(JSON.stringify(spec())) as MethodSpec;
    value.response[1]!.type = 'Nmber';
    const bad = serializeMethodSpec(value);
    expect(validateMethodValue(FILE, value, bad)).toEqual(validateMethodSpec(FILE, bad));
    expect(validateMethodValue(FILE, value, bad)[0]!.line).toBe(lineOf('name: total') + 1);
  });
});

describe('validateCatalog and validateSpecFolder', () => {
  const catalog: CatalogSpec = {
    snapshots: [{ id: 'spec/pages/a.txt', file: 'spec/pages/a.txt', kind: 'seed-nav', titles: 2 }],
    titles: [
      { title: '淘宝客-推广者-X', method: 'taobao.tbk.x.get', snapshots: ['spec/pages/a.txt'], spec: true },
      {
        title: '淘宝客-推广者-Y',
        method: 'taobao.tbk.y.get',
        snapshots: ['spec/pages/a.txt'],
        spec: true,
        also_titled: ['淘宝客-推广者-Z'],
      },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'tbk-validate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the catalog against the schema and against the method files', () => {
    const catalogText = serializeCatalog(catalog);
    const l = catalogText.split('\n');
    const found = validateCatalog('spec/catalog.yaml', catalogText, new Set(['taobao.tbk.x.get']));
    expect(show(found)).toEqual([
      `spec/catalog.yaml:${l.findIndex((x) => x.includes('title: 淘宝客-推广者-Y')) + 1 + 4}:11: warning TBK226 catalog out of step with the method files: "淘宝客-推广者-Y" says taobao.tbk.y.get has a spec, but there is no methods/taobao.tbk.y.get.yaml`,
    ]);
    const broken = catalogText.replace('kind: seed-nav', 'kind: rumour');
    expect(validateCatalog('spec/catalog.yaml', broken, new Set())[0]).toMatchObject({ code: 'TBK220', line: 4 });
  });

  it('validates every method file of a folder and its catalog', async () => {
    mkdirSync(join(dir, 'methods'));
    writeFileSync(join(dir, 'methods', 'taobao.tbk.x.get.yaml'), text);
    const y = { ...spec(), method: 'taobao.tbk.y.get', auth: 'sometimes' } as unknown as MethodSpec;
    writeFileSync(join(dir, 'methods', 'taobao.tbk.y.get.yaml'), serializeMethodSpec(y));
    writeFileSync(join(dir, 'catalog.yaml'), serializeCatalog(catalog));
    const folder = await readSpecFolder(dir);
    const found = validateSpecFolder(folder);
    expect(found.map((d) => [d.file, d.code])).toEqual([[join(dir, 'methods', 'taobao.tbk.y.get.yaml'), 'TBK220']]);
  });
});

describe('loadSchemaValidators', () => {
  const cacheDir = join(SCHEMA_CACHE_DIR, `test-${process.pid}`);
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('compiles the schema once, caches the code, and the cached validators judge alike', () => {
    const compiled = loadSchemaValidators(cacheDir);
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^schema-[0-9a-f]{16}\.cjs$/)]);
    const cached = loadSchemaValidators(cacheDir);
    expect(cached.method).not.toBe(compiled.method);
    const bad = { ...spec(), auth: 'maybe', colour: 'red' };
    for (const v of [compiled, cached]) {
      expect(v.method(JSON.parse(JSON.stringify(spec())))).toBe(true);
      expect(v.method(bad)).toBe(false);
      expect(v.method.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
        ' additionalProperties',
        '/auth enum',
      ]);
      expect(v.catalog({ snapshots: [], titles: [] })).toBe(true);
      expect(v.catalog({ snapshots: [] })).toBe(false);
    }
  });
});
