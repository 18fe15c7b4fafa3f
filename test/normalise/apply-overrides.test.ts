import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';
import { applyOverride, applyOverrides } from '../../generator/src/normalise/apply-overrides.js';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { parseOverride, readOverrides, type Override } from '../../generator/src/normalise/override-file.js';
import { settleMismatches } from '../../generator/src/normalise/settle-mismatches.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SEED_004 = 'spec/pages/rendered-pages/004_278e02791b663900.txt';
const MEMBER_MOD = 'taobao.tbk.sc.organization.member.mod';
const OVERRIDE_004 = `spec/overrides/${MEMBER_MOD}.yaml`;

function spec(): MethodSpec {
  return {
    method: 'taobao.tbk.x.get',
    title: '淘宝客-推广者-X',
    auth: 'none',
    request: [
      { name: 'adzone_id', type: 'Number', required: true, example: '123' },
      { name: 'page_size', type: 'Number', required: false, default: '20', limits: { max_value: 100 } },
    ],
    response: [
      { name: 'results', type: 'Item[]' },
      { name: 'total', type: 'Number' },
    ],
    types: { Item: [{ name: 'item_id', type: 'String' }] },
    samples: { json: '{}' },
    errors: [],
    sources: [{ file: 'x.txt', format: 'seed-text', sha256: '0'.repeat(64) }],
  };
}

function override(text: string, file = 'spec/overrides/taobao.tbk.x.get.yaml'): Override {
  const parsed = parseOverride(file, text, 'taobao.tbk.x.get');
  expect(parsed.diagnostics).toEqual([]);
  return parsed.override!;
}

describe('parseOverride', () => {
  it('reads every section with the line of each entry', () => {
    const o = override(
      [
        'method: taobao.tbk.x.get',
        'set:',
        '  - { path: response.total.type, value: String, reason: sample shows text }',
        'remove:',
        '  - path: request.page_size',
        '    reason: gone from the gateway',
        'add:',
        '  - { to: types.Item, field: { name: title, type: String }, after: item_id, reason: sample shows it }',
        'accept_mismatch:',
        '  - { path: response.total, reason: "the sample is a placeholder" }',
      ].join('\n'),
    );
    expect(o.set).toEqual([{ path: 'response.total.type', value: 'String', reason: 'sample shows text', line: 3 }]);
    expect(o.remove).toEqual([{ path: 'request.page_size', reason: 'gone from the gateway', line: 5 }]);
    expect(o.add).toEqual([
      {
        to: 'types.Item',
        field: { name: 'title', type: 'String' },
        after: 'item_id',
        reason: 'sample shows it',
        line: 8,
      },
    ]);
    expect(o.accept_mismatch).toEqual([{ path: 'response.total', reason: 'the sample is a placeholder', line: 10 }]);
  });

  it('reports shape problems as TBK230 errors at their line', () => {
    const file = 'spec/overrides/taobao.tbk.x.get.yaml';
    const { override: o, diagnostics } = parseOverride(
      file,
      [
        'method: taobao.tbk.y.get',
        'set:',
        '  - path: response.total.type',
        '    value: String',
        '  - { path: title, reason: no value given }',
        'add:',
        '  - { to: body, field: { name: x }, reason: r }',
        'fix: []',
      ].join('\n'),
      'taobao.tbk.x.get',
    );
    expect(o).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [1, 'TBK230', 'method taobao.tbk.y.get does not match the file name (taobao.tbk.x.get.yaml)'],
      [8, 'TBK230', 'unknown key "fix" (method, set, add, remove, accept_mismatch)'],
      [3, 'TBK230', 'every `set` entry gives its `reason` (the doc mistake it fixes)'],
      [5, 'TBK230', 'a `set` entry needs a `value` (null removes the property)'],
      [7, 'TBK230', '`to` is request, response or types.<Type>'],
      [7, 'TBK230', '`field` needs at least a name and a type'],
    ]);
    expect(diagnostics.every((d) => d.file === file && d.level === 'error')).toBe(true);
  });

  it('reports invalid YAML with its position', () => {
    const { diagnostics } = parseOverride('o.yaml', 'method: a\nmethod: b\n');
    expect(diagnostics[0]).toMatchObject({ file: 'o.yaml', line: 2, level: 'error', code: 'TBK200' });
  });
});

describe('applyOverride', () => {
  it('sets, removes, adds and accepts; records the override; leaves the input alone', () => {
    const input = spec();
    const before = JSON.stringify(input);
    const { spec: out, diagnostics } = applyOverride(
      input,
      override(
        [
          'method: taobao.tbk.x.get',
          'set:',
          '  - { path: response.total.type, value: String, reason: r }',
          '  - { path: request.page_size.limits.max_value, value: 50, reason: r }',
          '  - { path: request.adzone_id.example, value: null, reason: r }',
          '  - { path: auth, value: required, reason: r }',
          'remove:',
          '  - { path: types.Item.item_id, reason: r }',
          'add:',
          '  - { to: types.Item, field: { name: title, type: String }, reason: r }',
          '  - { to: request, field: { name: site_id, type: Number, required: true }, after: adzone_id, reason: r }',
          'accept_mismatch:',
          '  - { path: response.results, reason: the sample shows one item }',
        ].join('\n'),
      ),
    );
    expect(JSON.stringify(input)).toBe(before);
    expect(out.auth).toBe('required');
    expect(out.request).toEqual([
      { name: 'adzone_id', type: 'Number', required: true },
      { name: 'site_id', type: 'Number', required: true },
      { name: 'page_size', type: 'Number', required: false, default: '20', limits: { max_value: 50 } },
    ]);
    expect(out.response[1]).toEqual({ name: 'total', type: 'String' });
    expect(out.types.Item).toEqual([{ name: 'title', type: 'String' }]);
    expect(out.accepted_mismatches).toEqual([{ path: 'response.results', reason: 'the sample shows one item' }]);
    expect(out.override).toBe('spec/overrides/taobao.tbk.x.get.yaml');
    expect(diagnostics.map((d) => `${d.line} ${d.level} ${d.code} ${d.message}`)).toEqual([
      '3 notice TBK234 override: response.total.type Number → String',
      '4 notice TBK234 override: request.page_size.limits.max_value 100 → 50',
      '5 notice TBK234 override: request.adzone_id.example 123 → (none)',
      '6 notice TBK234 override: auth none → required',
      '8 notice TBK234 override: removed types.Item.item_id',
      '10 notice TBK234 override: added types.Item.title',
      '11 notice TBK234 override: added request.site_id',
      '13 notice TBK234 override: accepted the sample mismatch at response.results',
    ]);
  });

  it('warns TBK232 for every entry that no longer changes anything, and then records no override', () => {
    const { spec: out, diagnostics } = applyOverride(
      spec(),
      override(
        [
          'method: taobao.tbk.x.get',
          'set:',
          '  - { path: response.total.type, value: Number, reason: r }',
          'remove:',
          '  - { path: request.gone, reason: r }',
          'add:',
          '  - { to: response, field: { name: total, type: Number }, reason: r }',
        ].join('\n'),
      ),
    );
    expect(out.override).toBeUndefined();
    expect(diagnostics.map((d) => `${d.line} ${d.level} ${d.code} ${d.message}`)).toEqual([
      '3 warning TBK232 override no longer changes anything (response.total.type is already Number); delete it',
      '5 warning TBK232 override no longer changes anything (request.gone is not in the spec); delete it',
      '7 warning TBK232 override no longer changes anything (response.total is already there); delete it',
    ]);
  });

  it('warns TBK231 when the target is gone or the entry cannot apply', () => {
    const { diagnostics } = applyOverride(
      spec(),
      override(
        [
          'method: taobao.tbk.x.get',
          'set:',
          '  - { path: response.missing.type, value: String, reason: r }',
          '  - { path: response.total.colour, value: red, reason: r }',
          'add:',
          '  - { to: response, field: { name: total, type: String }, reason: r }',
          'accept_mismatch:',
          '  - { path: response.missing, reason: r }',
        ].join('\n'),
      ),
    );
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([
      [3, 'TBK231'],
      [4, 'TBK231'],
      [6, 'TBK231'],
      [8, 'TBK231'],
    ]);
  });
});

describe('applyOverrides', () => {
  it('warns TBK233 for an override of a method nobody documents, not for one kept on disk', () => {
    const a = override('method: taobao.tbk.x.get\nset: [{ path: title, value: T, reason: r }]');
    const b = { ...a, file: 'spec/overrides/taobao.tbk.gone.yaml', method: 'taobao.tbk.gone' };
    const c = { ...a, file: 'spec/overrides/taobao.tbk.kept.yaml', method: 'taobao.tbk.kept' };
    const result = applyOverrides(
      [spec()],
      new Map([
        [a.method, a],
        [b.method, b],
        [c.method, c],
      ]),
      new Set(['taobao.tbk.kept']),
    );
    expect(result.specs[0]!.title).toBe('T');
    expect(result.diagnostics.filter((d) => d.code === 'TBK233')).toEqual([
      {
        file: 'spec/overrides/taobao.tbk.gone.yaml',
        line: 1,
        level: 'warning',
        code: 'TBK233',
        message: 'override for taobao.tbk.gone, which no source documents and no spec holds',
      },
    ]);
  });
});

describe('the override of seed 004 (biz_error_desc typed Boolean, documented as a sentence)', () => {
  const page = readSeedText(SEED_004, readFileSync(resolve(root, SEED_004), 'utf8'));
  const built = buildSpecs(page.pages);
  const scraped = built.specs.find((s) => s.method === MEMBER_MOD)!;
  const dir = mkdtempSync(join(tmpdir(), 'tbk-overrides-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is still needed: the scraped spec types biz_error_desc Boolean and the normaliser warns', () => {
    expect(scraped.response.find((f) => f.name === 'biz_error_desc')!.type).toBe('Boolean');
    expect(built.diagnostics.filter((d) => d.code === 'TBK120' && d.level === 'warning')).toHaveLength(1);
  });

  it('turns the type into String, records itself, and settles the normaliser warning', async () => {
    const { overrides, diagnostics: readProblems } = await readOverrides(
      resolve(root, 'spec/overrides'),
      'spec/overrides',
    );
    expect(readProblems).toEqual([]);
    // The other overrides are for corpus methods, which this seed-only run does not build.
    const others = new Set([...overrides.keys()].filter((m) => m !== MEMBER_MOD));
    const applied = applyOverrides(built.specs, overrides, others);
    const fixed = applied.specs.find((s) => s.method === MEMBER_MOD)!;
    expect(fixed.response.find((f) => f.name === 'biz_error_desc')).toEqual({
      name: 'biz_error_desc',
      type: 'String',
      example: '请求账号身份不为主账号',
      description: '失败原因描述',
    });
    expect(fixed.override).toBe(OVERRIDE_004);
    expect(applied.diagnostics).toEqual([
      {
        file: OVERRIDE_004,
        line: 5,
        level: 'notice',
        code: 'TBK234',
        message: 'override: response.biz_error_desc.type Boolean → String',
      },
    ]);
    const settled = settleMismatches(built.diagnostics, page.pages, applied.specs).filter((d) => d.code === 'TBK120');
    expect(settled).toHaveLength(1);
    expect(settled[0]!.level).toBe('notice');
    expect(settled[0]!.message).toMatch(
      /biz_error_desc.*\(settled by spec\/overrides\/taobao\.tbk\.sc\.organization\.member\.mod\.yaml\)$/,
    );
    // Without the override the warning stays a warning.
    expect(
      settleMismatches(built.diagnostics, page.pages, built.specs).filter((d) => d.code === 'TBK120')[0]!.level,
    ).toBe('warning');
  });

  it('is reported for deletion once the doc is fixed', async () => {
    mkdirSync(join(dir, 'overrides'));
    writeFileSync(join(dir, 'overrides', `${MEMBER_MOD}.yaml`), readFileSync(resolve(root, OVERRIDE_004)));
    const { overrides } = await readOverrides(join(dir, 'overrides'), 'spec/overrides');
    const fixedDoc = structuredClone(scraped);
    fixedDoc.response.find((f) => f.name === 'biz_error_desc')!.type = 'String';
    const { spec: out, diagnostics } = applyOverride(fixedDoc, overrides.get(MEMBER_MOD)!);
    expect(out.override).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        file: OVERRIDE_004,
        line: 5,
        level: 'warning',
        code: 'TBK232',
        message: 'override no longer changes anything (response.biz_error_desc.type is already String); delete it',
      },
    ]);
  });
});
