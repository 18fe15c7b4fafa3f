import { describe, expect, it } from 'vitest';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import { makePage, p } from './hand-pages.js';

const codes = (pages: Parameters<typeof buildSpecs>[0]) =>
  buildSpecs(pages).diagnostics.map((d) => [d.line, d.level, d.code]);

describe('buildSpecs: one page', () => {
  it('maps every page fact onto the spec', () => {
    const page = makePage({
      file: 'records/x.json',
      format: 'doc-record',
      method: 'taobao.tbk.x.get',
      title: '淘宝客-公用-X',
      description: '  查询X  ',
      docId: 123,
      auth: { value: 'required', evidence: 'label required', line: 1 },
      request: [
        p('page_size', 'Number', {
          required: false,
          example: '20',
          default: '20',
          limits: { maxValue: 100, minValue: 1 },
          description: '页大小',
        }),
        p('q', 'String', { required: true, limitsText: '最大长度：64' }),
        p('item_dto', 'LkItemDTO []', {
          required: false,
          children: [p('item_id', 'String', { required: true, example: 'abc' })],
        }),
      ],
      response: [p('total', 'Number', { required: false, example: '1' })],
      errors: [{ code: 'isv.x', message: ' 错误 ', solution: '', line: 1 }],
      changeDiff: { gmtModified: 1737097510000, inputDiff: ['[+] item_dto->manage_pub_id'], outputDiff: [] },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(diagnostics).toEqual([]);
    expect(specs).toEqual([
      {
        method: 'taobao.tbk.x.get',
        title: '淘宝客-公用-X',
        description: '查询X',
        doc_id: 123,
        auth: 'required',
        request: [
          {
            name: 'page_size',
            type: 'Number',
            required: false,
            example: '20',
            default: '20',
            limits: { max_value: 100, min_value: 1 },
            description: '页大小',
          },
          { name: 'q', type: 'String', required: true, limits: { max_length: 64 } },
          { name: 'item_dto', type: 'LkItemDTO[]', required: false },
        ],
        // Response fields carry no required flag (spec/model.ts).
        response: [{ name: 'total', type: 'Number', example: '1' }],
        types: { LkItemDTO: [{ name: 'item_id', type: 'String', required: true, example: 'abc' }] },
        samples: {},
        errors: [{ code: 'isv.x', message: '错误' }],
        sources: [{ file: 'records/x.json', format: 'doc-record', sha256: '0'.repeat(64) }],
        change_diff: { gmt_modified: 1737097510000, input: ['[+] item_dto->manage_pub_id'], output: [] },
      },
    ]);
  });

  it('builds no spec from a page without a method, and says so', () => {
    const { specs, diagnostics } = buildSpecs([makePage({ file: 'x.txt', line: 3 })]);
    expect(specs).toEqual([]);
    expect(diagnostics).toEqual([
      {
        file: 'x.txt',
        line: 3,
        level: 'error',
        code: 'TBK100',
        message: 'page names no API method; no spec can be built from it',
      },
    ]);
  });

  it('sorts specs by method', () => {
    const pages = ['taobao.tbk.b', 'taobao.tbk.a.z', 'taobao.tbk.a'].map((method) => makePage({ method }));
    expect(buildSpecs(pages).specs.map((s) => s.method)).toEqual(['taobao.tbk.a', 'taobao.tbk.a.z', 'taobao.tbk.b']);
  });

  it('reports odd and corrected type spellings at their row', () => {
    const page = makePage({
      method: 'taobao.tbk.x',
      request: [p('a', 'string', { line: 4 }), p('b', '数字', { line: 5 })],
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.request.map((f) => f.type)).toEqual(['String', '数字']);
    expect(diagnostics.map((d) => [d.line, d.level, d.code, d.message])).toEqual([
      [4, 'notice', 'TBK102', 'a: type "string" read as "String"'],
      [5, 'warning', 'TBK101', 'b: unknown type spelling "数字" kept as printed'],
    ]);
  });

  it('ignores nested rows under a scalar type, and reports a struct nobody expands', () => {
    const page = makePage({
      method: 'taobao.tbk.x',
      request: [p('a', 'String', { line: 4, children: [p('b', 'String')] }), p('opt', 'TopOption', { line: 6 })],
    });
    expect(codes([page])).toEqual([
      [4, 'warning', 'TBK103'],
      [6, 'warning', 'TBK141'],
    ]);
    expect(buildSpecs([page]).specs[0]!.types).toEqual({ TopOption: [] });
  });

  it('unions a struct printed with different field subsets, reporting a field typed two ways', () => {
    const page = makePage({
      method: 'taobao.tbk.x',
      response: [
        p('a', 'LinkInfoDTO', { children: [p('url', 'String', { line: 11 }), p('type', 'Number', { line: 12 })] }),
        p('b', 'LinkInfoDTO', {
          children: [p('seller_id', 'String', { line: 21 }), p('type', 'String', { line: 22 })],
        }),
      ],
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.types.LinkInfoDTO!.map((f) => `${f.name}:${f.type}`)).toEqual([
      'url:String',
      'type:Number',
      'seller_id:String',
    ]);
    expect(diagnostics.map((d) => [d.line, d.code, d.message])).toEqual([
      [22, 'TBK150', 'LinkInfoDTO.type is typed String here and Number at line 12; Number kept'],
    ]);
  });

  it('never places flattened request rows by the response sample, nor joins request structs by a guessed name', () => {
    const json = JSON.stringify({ tbk_x_response: { opt: { inner: { a: 1 } } } });
    const rows = [p('inner', 'Inner', { line: 5 }), p('a', 'Number', { line: 6 })];
    const page = makePage({
      method: 'taobao.tbk.x',
      request: [p('opt', 'Opt', { line: 4, children: rows, childrenFlattened: true })],
      samples: { json },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.types.Opt!.map((f) => f.name)).toEqual(['inner', 'a']);
    expect(specs[0]!.types.Inner).toEqual([]);
    // The sample's `opt` is learned as a response field; its struct names, guessed from the
    // keys, must not join the request's Opt and Inner.
    expect(specs[0]!.response).toEqual([{ name: 'opt', type: 'TbkXResponseOpt', inferred: true }]);
    expect(specs[0]!.types.TbkXResponseOpt).toEqual([{ name: 'inner', type: 'TbkXResponseOptInner', inferred: true }]);
    expect(specs[0]!.types.TbkXResponseOptInner).toEqual([{ name: 'a', type: 'Number', example: '1', inferred: true }]);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([
      [4, 'TBK131'],
      [5, 'TBK141'],
      [51, 'TBK140'],
      [51, 'TBK140'],
      [51, 'TBK140'],
    ]);
  });

  it('drops struct types nothing reaches', () => {
    const pages = [
      makePage({
        file: 'r.json',
        format: 'doc-record',
        method: 'taobao.tbk.x',
        response: [p('data', 'NewName', { children: [p('a', 'String')] })],
      }),
      makePage({
        file: 'd.md',
        format: 'markdown-dump',
        method: 'taobao.tbk.x',
        response: [p('data', 'OldName', { children: [p('a', 'String')] })],
      }),
    ];
    const spec = buildSpecs(pages).specs[0]!;
    expect(Object.keys(spec.types)).toEqual(['NewName']);
    expect(spec.disagreements!.map((d) => d.path)).toEqual(['response.data.type']);
  });
});

describe('buildSpecs: table types against sample values', () => {
  const page = (response: ReturnType<typeof p>[], json: string, kind: 'json' | 'xml' = 'json') =>
    makePage({ file: 'pages/x.txt', method: 'taobao.tbk.x', response, samples: { [kind]: json } });

  it("warns about seed 004's Boolean biz_error_desc holding a sentence and keeps the type", () => {
    const json =
      '{ "tbk_x_response":{ "result":false, "biz_error_desc":"请求账号身份不为主账号", "biz_error_code":101 } }';
    const { specs, diagnostics } = buildSpecs([
      page(
        [
          p('result', 'Boolean', { line: 189 }),
          p('biz_error_desc', 'Boolean', { line: 190 }),
          p('biz_error_code', 'Number', { line: 191 }),
        ],
        json,
      ),
    ]);
    expect(specs[0]!.response[1]!.type).toBe('Boolean');
    expect(diagnostics).toEqual([
      {
        file: 'pages/x.txt',
        line: 190,
        level: 'warning',
        code: 'TBK120',
        message:
          'response.biz_error_desc: the table types it Boolean but the json sample value is "请求账号身份不为主账号"; type kept',
      },
    ]);
  });

  it('accepts what clients read: numeric strings for numbers, numbers for strings, "true" for booleans', () => {
    const json =
      '{ "tbk_x_response":{ "a":"6.00", "b":123, "c":"true", "d":{"k":1}, "e":null, "f":"2024-01-01 00:00:00" } }';
    const rows = [
      p('a', 'Price'),
      p('b', 'String'),
      p('c', 'Boolean'),
      p('d', 'Json'),
      p('e', 'Number'),
      p('f', 'Date'),
    ];
    expect(buildSpecs([page(rows, json)]).diagnostics).toEqual([]);
  });

  it('reports structs, lists and numbers the sample contradicts, nested ones by type name', () => {
    const json = JSON.stringify({
      tbk_x_response: { a: 'text', b: 'x', c: { foo: [{ n: 'many' }] }, d: { n: 'not a number' } },
    });
    const rows = [
      p('a', 'Foo', { line: 1 }),
      p('b', 'Foo[]', { line: 2 }),
      p('c', 'Foo', { line: 3 }),
      p('d', 'Bar', { line: 4, children: [p('n', 'Number', { line: 5 })] }),
    ];
    const { diagnostics } = buildSpecs([page(rows, json)]);
    expect(diagnostics.filter((d) => d.code === 'TBK120').map((d) => [d.line, d.message])).toEqual([
      [1, 'response.a: the table types it Foo but the json sample value is "text"; type kept'],
      [2, 'response.b: the table types it Foo[] but the json sample value is "x"; type kept'],
      [3, 'response.c: the table types it Foo but the json sample value is {"foo":[{"n":"many"}]}; type kept'],
      [5, 'Bar.n: the table types it Number but the json sample value is "not a number"; type kept'],
    ]);
  });

  it('checks XML texts when there is no JSON sample', () => {
    const xml = '<tbk_x_response><n>12</n><ok>yes</ok></tbk_x_response>';
    const { diagnostics } = buildSpecs([
      page([p('n', 'Number', { line: 1 }), p('ok', 'Boolean', { line: 2 })], xml, 'xml'),
    ]);
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'TBK120']]);
  });

  it('reports a sample whose root key is not the method’s, and a list wrapper the type does not give', () => {
    const json = JSON.stringify({ tbk_other_response: { results: { n_tbk_item: [{ a: 1 }] } } });
    const { specs, diagnostics } = buildSpecs([
      page([p('results', 'TbkItem[]', { children: [p('a', 'Number')] })], json),
    ]);
    expect(specs[0]!.types.TbkItem).toEqual([{ name: 'a', type: 'Number' }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['TBK113', 'TBK121']);
  });

  it('reports an XML sample that is not well-formed', () => {
    const { diagnostics } = buildSpecs([page([p('n', 'Number')], '<tbk_x_response><n>1</m></tbk_x_response>', 'xml')]);
    expect(diagnostics.map((d) => [d.level, d.code, d.message])).toEqual([
      [
        'warning',
        'TBK112',
        'xml sample is not well-formed XML (unexpected closing tag </m>); kept as printed, nothing inferred from it',
      ],
    ]);
  });
});
