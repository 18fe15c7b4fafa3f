import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCatalogJson } from '../../generator/src/read/doc-record/read-catalog-json.js';
import { readDocRecord } from '../../generator/src/read/doc-record/read-doc-record.js';
import { formatDiagnostic } from '../../generator/src/report/diagnostic.js';

const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = path.resolve(repoRoot, 'spec/pages');

// The `data` object of getApiCatelogConfig.json, in the shape the corpus README describes;
// entries taken from the dump's overview (method, title, docId).
const CATALOG = `{
  "treeCategories": [
    {
      "catelogTrees": [
        {
          "id": 12,
          "name": "用户API",
          "catelogList": [
            { "id": 1, "name": "taobao.user.seller.get", "subName": "查询卖家用户信息", "docId": 21349, "docType": 2, "tips": "" }
          ]
        },
        {
          "id": 38,
          "name": "淘宝客API",
          "catelogList": [
            { "id": 101, "name": "taobao.tbk.item.convert", "subName": "淘宝客-推广者-商品链接转换", "docId": 24516, "docType": 2, "tips": "" },
            { "id": 102, "name": "taobao.tbk.spread.get", "subName": "淘宝客-公用-长链转短链", "docId": "27832", "docType": 2, "tips": "" },
            { "id": 103, "name": "taobao.tbk.uvid.encrypt", "subName": "", "docId": 68029, "docType": 2, "tips": "" },
            { "id": 104, "subName": "淘宝客-推广者-万能解析", "docId": 70532, "docType": 2, "tips": "" }
          ]
        }
      ]
    }
  ]
}
`;

describe('catalog JSON', () => {
  it('reads category 38 into one catalog-json snapshot with real lines', () => {
    const result = readCatalogJson('cache/catalog.json', CATALOG);
    expect(result.pages).toEqual([]);
    expect(result.catalogs).toEqual([
      {
        id: 'cache/catalog.json',
        file: 'cache/catalog.json',
        kind: 'catalog-json',
        entries: [
          { title: '淘宝客-推广者-商品链接转换', method: 'taobao.tbk.item.convert', docId: 24516, line: 16 },
          { title: '淘宝客-公用-长链转短链', method: 'taobao.tbk.spread.get', docId: 27832, line: 17 },
          { title: '淘宝客-推广者-万能解析', docId: 70532, line: 19 },
        ],
      },
    ]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'cache/catalog.json:18: warning TBK092 catelogList[2] has no subName (the API title): entry dropped',
      'cache/catalog.json:19: warning TBK092 catelogList[3] (淘宝客-推广者-万能解析) has no name (the method): kept with its title only',
    ]);
  });

  it('reads the handler envelope too, and the record reader passes catalogs on', () => {
    const envelope = `{"success":true,"code":"","errMsg":"","data":${CATALOG}}`;
    const direct = readCatalogJson('a.json', envelope);
    expect(direct.catalogs[0]!.entries.map((e) => e.method)).toEqual([
      'taobao.tbk.item.convert',
      'taobao.tbk.spread.get',
      undefined,
    ]);
    const viaRecord = readDocRecord('a.json', envelope);
    expect(viaRecord).toEqual(direct);
  });

  it('reports a catalog without category 38', () => {
    const text =
      '{\n  "treeCategories": [ { "catelogTrees": [ { "id": 12, "name": "用户API", "catelogList": [] } ] } ]\n}\n';
    const result = readCatalogJson('c.json', text);
    expect(result.catalogs).toEqual([]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'c.json:1: error TBK091 no category 38 (淘宝客API) in treeCategories[].catelogTrees[] (found: 12 用户API): nothing read',
    ]);
  });

  it('reports text that is not a catalog, malformed JSON and an empty file', () => {
    expect(readCatalogJson('d.json', '{ "name": "taobao.tbk.spread.get" }').diagnostics.map(formatDiagnostic)).toEqual([
      'd.json:1: error TBK090 no treeCategories[] in the catalog: nothing read',
    ]);
    expect(
      readCatalogJson('e.json', '{\n  "treeCategories": [\n    { "catelogTrees": [ } ]\n').diagnostics.map(
        formatDiagnostic,
      ),
    ).toEqual(['e.json:3:25: error TBK070 malformed JSON: expected a value, found character "}"; catalog not read']);
    expect(readCatalogJson('f.json', ' \n').diagnostics.map(formatDiagnostic)).toEqual([
      'f.json:1: error TBK071 empty file: no catalog to read',
    ]);
  });

  it('gives no snapshot for the Go generator catelog.json, which lists no API', () => {
    const file = path.join(corpus, 'doc-records-reduced/catelog.json');
    const result = readCatalogJson(file, readFileSync(file, 'utf8'));
    expect(result.catalogs).toEqual([]);
    expect(result.pages).toEqual([]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${file}:1: notice TBK093 category descriptor 淘宝客API (pkg tbk) lists no APIs: no catalog snapshot`,
    ]);
  });
});
