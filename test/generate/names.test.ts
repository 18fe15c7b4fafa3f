/**
 * Names (generator/src/ir/names.ts): the one module deciding every generated name. Reserved
 * words get a `$` suffix; collisions are errors naming both sources, never a silent `Foo2`.
 */
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../generator/src/ir/build-ir.js';
import { findNameCollisions, nameMethod, nameStruct, propertyKey, wrapperKeyOf } from '../../generator/src/ir/names.js';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { serializeMethodSpec, type SpecFolder } from '../../generator/src/spec/spec-files.js';

describe('nameMethod', () => {
  it.each([
    ['taobao.tbk.uvid.encrypt', 'TbkUvidEncrypt', 'tbk-uvid-encrypt', 'tbk_uvid_encrypt_response'],
    [
      'taobao.tbk.dg.material.optional',
      'TbkDgMaterialOptional',
      'tbk-dg-material-optional',
      'tbk_dg_material_optional_response',
    ],
    ['taobao.tbk.itemid.coupon.get', 'TbkItemidCouponGet', 'tbk-itemid-coupon-get', 'tbk_itemid_coupon_get_response'],
    ['taobao.tbk.sc.invitecode.get', 'TbkScInvitecodeGet', 'tbk-sc-invitecode-get', 'tbk_sc_invitecode_get_response'],
    ['taobao.tbk.delete.class', 'TbkDeleteClass', 'tbk-delete-class', 'tbk_delete_class_response'],
    ['alibaba.tbk.order_get', 'AlibabaTbkOrderGet', 'alibaba-tbk-order-get', 'alibaba_tbk_order_get_response'],
  ])('%s → %s, %s.ts, %s', (method, base, stem, rootKey) => {
    const n = nameMethod(method);
    expect(n).toEqual({
      method,
      base,
      requestClass: `${base}Request`,
      paramsType: `${base}Params`,
      responseInterface: `${base}Response`,
      fixtureConst: `${base[0]!.toLowerCase()}${base.slice(1)}Fixture`,
      fileStem: stem,
      rootKey,
    });
  });
});

describe('nameStruct and propertyKey', () => {
  it.each([
    ['UvIdGenerateRes', 'output', 'UvIdGenerateRes'],
    ['MapData', 'input', 'MapDataInput'],
    ['Date', 'output', 'Date$'],
    ['Record', 'output', 'Record$'],
    ['Object', 'input', 'Object$Input'],
    ['default', 'output', 'default$'],
    ['constructor', 'output', 'constructor$'],
  ] as const)('struct %s (%s) → %s', (name, variant, expected) => {
    expect(nameStruct(name, variant)).toBe(expected);
  });

  it.each([
    ['tk_domain', 'tk_domain'],
    ['class', 'class'],
    ['default', 'default'],
    ['x-trace-id', "'x-trace-id'"],
    ['1st', "'1st'"],
    ["it's", "'it\\'s'"],
    ['__proto__', "['__proto__']"],
  ])('property %s → %s', (wire, key) => {
    expect(propertyKey(wire)).toBe(key);
  });

  it('takes list wrapper keys from the gateway convention', () => {
    expect(['NTbkItem', 'FooDTO', 'UvIdGenerateRes', 'String', 'Number'].map(wrapperKeyOf)).toEqual([
      'n_tbk_item',
      'foo_d_t_o',
      'uv_id_generate_res',
      'string',
      'number',
    ]);
  });

  it('reports each name claimed twice once, with the first claim', () => {
    const at = (name: string, line: number) => ({ name, what: `thing on ${line}`, file: 'a.yaml', line });
    expect(findNameCollisions([at('A', 1), at('B', 2), at('A', 3), at('A', 4)])).toEqual([
      { name: 'A', first: at('A', 1), second: at('A', 3) },
      { name: 'A', first: at('A', 1), second: at('A', 4) },
    ]);
  });
});

function spec(method: string, extra: Partial<MethodSpec> = {}): MethodSpec {
  return { method, auth: 'none', request: [], response: [], types: {}, samples: {}, errors: [], sources: [], ...extra };
}

function folderOf(specs: MethodSpec[]): SpecFolder {
  const folder: SpecFolder = { dir: 'spec', methods: new Map(), files: new Map(), texts: new Map(), diagnostics: [] };
  for (const s of specs) {
    folder.methods.set(s.method, s);
    folder.files.set(s.method, `spec/methods/${s.method}.yaml`);
    folder.texts.set(s.method, serializeMethodSpec(s));
  }
  return folder;
}

describe('collisions are errors naming both sources', () => {
  it('two methods with one class name (dots and underscores read alike)', () => {
    const { diagnostics } = buildIr(folderOf([spec('taobao.tbk.item.get'), spec('taobao.tbk.item_get')]));
    const lines = diagnostics.map(formatDiagnostic);
    expect(lines).toContain(
      'spec/methods/taobao.tbk.item_get.yaml:1: error TBK302 exported name TbkItemGetRequest of request class of taobao.tbk.item_get collides with request class of taobao.tbk.item.get (spec/methods/taobao.tbk.item.get.yaml:1)',
    );
    expect(lines.some((l) => l.includes('file name tbk-item-get.ts of module file of taobao.tbk.item_get'))).toBe(true);
  });

  it('a method namespace that equals another method class', () => {
    const { diagnostics } = buildIr(folderOf([spec('taobao.tbk.foo'), spec('taobao.tbk.foo.request')]));
    expect(diagnostics.map(formatDiagnostic)).toContain(
      'spec/methods/taobao.tbk.foo.request.yaml:1: error TBK302 exported name TbkFooRequest of struct namespace of taobao.tbk.foo.request collides with request class of taobao.tbk.foo (spec/methods/taobao.tbk.foo.yaml:1)',
    );
  });

  it('a method name that shadows a runtime export', () => {
    const reserved = [
      {
        name: 'TopClientRequest',
        what: 'a runtime export (templates/runtime/index.ts)',
        file: 'templates/runtime/index.ts',
        line: 5,
      },
    ];
    const { diagnostics } = buildIr(folderOf([spec('taobao.top.client')]), { reservedRootNames: reserved });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'spec/methods/taobao.top.client.yaml:1: error TBK302 exported name TopClientRequest of request class of taobao.top.client collides with a runtime export (templates/runtime/index.ts) (templates/runtime/index.ts:5)',
    ]);
  });

  it('a struct named like the method response, or like an imported runtime type', () => {
    const s = spec('taobao.tbk.uvid.encrypt', {
      response: [
        { name: 'a', type: 'TbkUvidEncryptResponse' },
        { name: 'b', type: 'Long' },
        { name: 'n', type: 'Number' },
      ],
      types: { Long: [{ name: 'x', type: 'String' }], TbkUvidEncryptResponse: [{ name: 'y', type: 'String' }] },
    });
    const lines = buildIr(folderOf([s])).diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      'spec/methods/taobao.tbk.uvid.encrypt.yaml:15: error TBK303 name TbkUvidEncryptResponse of struct TbkUvidEncryptResponse (response) collides with response interface of taobao.tbk.uvid.encrypt (spec/methods/taobao.tbk.uvid.encrypt.yaml:1)',
      'spec/methods/taobao.tbk.uvid.encrypt.yaml:12: error TBK303 name Long of struct Long (response) collides with a runtime type the module imports (spec/methods/taobao.tbk.uvid.encrypt.yaml:1)',
    ]);
  });

  it('a method name that is not a dotted lowercase name', () => {
    const lines = buildIr(folderOf([spec('Taobao.Tbk-Get')])).diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      'spec/methods/Taobao.Tbk-Get.yaml:1: error TBK300 method "Taobao.Tbk-Get" is not a dotted lowercase name (e.g. taobao.tbk.uvid.encrypt)',
    ]);
  });
});
