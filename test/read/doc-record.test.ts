import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocRecord } from '../../generator/src/read/doc-record/read-doc-record.js';
import type { Page, PageParam, ReadResult } from '../../generator/src/read/page-model.js';
import { formatDiagnostic, sortDiagnostics } from '../../generator/src/report/diagnostic.js';
import { parseJsonWithPositions, type JsonNode } from '../../generator/src/positions/json-positions.js';

const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = path.resolve(repoRoot, 'spec/pages');
const fullDir = path.join(corpus, 'doc-records');
const reducedDir = path.join(corpus, 'doc-records-reduced');

const readIn = (dir: string, name: string): ReadResult =>
  readDocRecord(path.join(dir, name), readFileSync(path.join(dir, name), 'utf8'));
const full = (method: string) => onlyPage(readIn(fullDir, `${method}.json`));
const reduced = (name: string) => onlyPage(readIn(reducedDir, name));

function onlyPage(result: ReadResult): Page {
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(result.pages).toHaveLength(1);
  return result.pages[0]!;
}

/** One line per param, indented by depth: `name: Type`, ` !` when required. */
function tree(params: PageParam[], depth = 0): string[] {
  return params.flatMap((p) => [
    `${'  '.repeat(depth)}${p.name}: ${p.type}${p.required ? ' !' : ''}`,
    ...tree(p.children ?? [], depth + 1),
  ]);
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function plain(node: JsonNode): unknown {
  if (node.kind === 'object') return Object.fromEntries(node.members.map((m) => [m.key, plain(m.value)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.kind === 'null' ? null : node.value;
}

describe('JSON with positions', () => {
  it('gives the same values as JSON.parse for every record of the corpus', () => {
    for (const dir of [fullDir, reducedDir]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const parsed = parseJsonWithPositions(text);
        expect(parsed.ok && plain(parsed.root), file).toEqual(JSON.parse(text));
      }
    }
  });
});

describe('full doc records', () => {
  it('reads all five without diagnostics, as doc-record', () => {
    const files = readdirSync(fullDir).sort();
    expect(files).toHaveLength(5);
    for (const file of files) expect(onlyPage(readIn(fullDir, file)).format).toBe('doc-record');
  });

  it.each<[string, number, string[], string, 'none' | 'required']>([
    [
      'taobao.tbk.dg.general.link.convert',
      16,
      ['data', 'biz_error_desc', 'result_msg'],
      '淘宝客-推广者-万能转链',
      'none',
    ],
    ['taobao.tbk.dg.general.link.parse', 4, ['data', 'biz_error_desc', 'result_msg'], '淘宝客-推广者-万能解析', 'none'],
    [
      'taobao.tbk.order.refund.get',
      1,
      ['data', 'result_code', 'biz_error_desc', 'biz_error_code', 'result_msg'],
      '淘宝客-推广者-全量维权退款订单查询',
      'none',
    ],
    [
      'taobao.tbk.sc.general.link.convert',
      17,
      ['data', 'biz_error_desc', 'result_msg'],
      '淘宝客-服务商-万能转链',
      'required',
    ],
    [
      'taobao.tbk.sc.general.link.parse',
      4,
      ['data', 'biz_error_desc', 'result_msg'],
      '淘宝客-服务商-万能解析',
      'required',
    ],
  ])('%s: %i request params, response, title, auth, samples, errors', (method, requestCount, response, title, auth) => {
    const page = full(method);
    expect(page.method?.value).toBe(method);
    expect(page.title?.value).toBe(title);
    expect(page.request).toHaveLength(requestCount);
    expect(page.response.map((p) => p.name)).toEqual(response);
    expect(page.auth?.value).toBe(auth);
    expect(Object.keys(page.samples).sort()).toEqual(['error_json', 'error_xml', 'json', 'simplify_json', 'xml']);
    expect(page.errors).toEqual([]);
    expect(page.docId).toBeUndefined(); // the getDocument `data` object carries no docId
  });

  it('reads request names, types and required flags of taobao.tbk.sc.general.link.convert', () => {
    expect(
      full('taobao.tbk.sc.general.link.convert').request.map((p) => `${p.name}: ${p.type}${p.required ? ' !' : ''}`),
    ).toEqual([
      'biz_scene_id: String',
      'promotion_type: String',
      'material_list: String',
      'relation_id: String',
      'adzone_id: Number !',
      'seller_id_list: String',
      'site_id: Number !',
      'item_id_list: String',
      'page_id_list: String',
      'target_item: TargetItemDTO',
      'item_dto: LkItemDTO[]',
      'page_dto: LkPageDTO[]',
      'shop_dto: LkShopDTO[]',
      'material_dto: LkMaterialDTO[]',
      'special_id: String',
      'uvid: String',
      'qmtid: String',
    ]);
  });

  it('nests subParams: the response tree of taobao.tbk.dg.general.link.parse', () => {
    const page = full('taobao.tbk.dg.general.link.parse');
    expect(tree(page.response)).toEqual([
      'data: TbkLinkDTO',
      '  material_url_list: MaterialUrlList[]',
      '    msg: String',
      '    code: Number',
      '    link_info_dto: LinkInfoDTO',
      '      material_type: Number',
      '      tpwd_origin_url: String',
      '      material_id: String',
      '      tk_biz_type: Number',
      '      origin_pid: String',
      '    input_material_url: String',
      '    extra_info: String',
      'biz_error_desc: Number',
      'result_msg: String',
    ]);
    expect(tree(page.request)).toEqual([
      'relation_id: String',
      'adzone_id: Number !',
      'material_dto: LkMaterialDTO[]',
      '  material_url: String',
      'fields: String',
    ]);
    expect(page.request[1]).toMatchObject({ name: 'adzone_id', line: 416, required: true });
    expect(page.request[2]!.children![0]).toMatchObject({ name: 'material_url', line: 452, required: false });
    expect(page.response.every((p) => p.required === undefined && !p.childrenFlattened)).toBe(true);
  });

  it('nests request struct fields: taobao.tbk.order.refund.get and item_dto of taobao.tbk.dg.general.link.convert', () => {
    expect(tree(full('taobao.tbk.order.refund.get').request)).toEqual([
      'publisher_refund_order_query_option: PublisherRefundOrderQueryOption',
      '  jump_type: Number',
      '  order_scene: Number !',
      '  page_size: Number !',
      '  query_type: Number !',
      '  page_no: Number !',
      '  position_index: String',
      '  start_time: String !',
      '  member_type: Number !',
      '  end_time: String !',
    ]);
    const convert = full('taobao.tbk.dg.general.link.convert');
    expect(tree(convert.request.filter((p) => p.name === 'item_dto' || p.name === 'target_item'))).toEqual([
      'target_item: TargetItemDTO',
      '  item_id_list: String[]',
      'item_dto: LkItemDTO[]',
      '  item_id: String',
      '  sku_id: Number',
      '  is_target_coupon: Number',
      '  coupon_id: String',
      '  external_id: String',
      '  dx: String',
      '  manage_pub_id: Number',
    ]);
  });

  it('keeps samples verbatim at the line of their key, and the record lines of title and method', () => {
    const page = full('taobao.tbk.dg.general.link.parse');
    expect(page.samples.json!.line).toBe(791);
    expect(
      page.samples.json!.value.startsWith(
        '{\n    "tbk_dg_general_link_parse_response":{\n        "data":{\n            "material_url_list":{\n',
      ),
    ).toBe(true);
    expect(
      page.samples.simplify_json!.value.startsWith(
        '{\n    "tbk_dg_general_link_parse_response":{\n        "data":{\n            "material_url_list":[\n',
      ),
    ).toBe(true);
    expect(page.samples.xml!.line).toBe(793);
    expect(page.samples.error_xml!.value).toBe(
      '<error_response>\n    <code>50</code>\n    <msg>Remote service error</msg>\n    <sub_code>isv.invalid-parameter</sub_code>\n    <sub_msg>非法参数</sub_msg>\n</error_response>',
    );
    expect(page.title).toEqual({ value: '淘宝客-推广者-万能解析', line: 2 });
    expect(page.method).toEqual({ value: 'taobao.tbk.dg.general.link.parse', line: 43 });
    // The doc site's own description of this method is the title of another one.
    expect(page.description?.value).toBe('淘宝客-推广者-万能转链');
    expect(page.auth).toEqual({ value: 'none', evidence: 'labels[1] key "no_need" (不需用户授权)', line: 38 });
    expect(full('taobao.tbk.sc.general.link.parse').auth).toEqual({
      value: 'required',
      evidence: 'labels[1] key "required" (必须用户授权)',
      line: 41,
    });
  });

  it('reads gmtModified and changeDiff', () => {
    expect(full('taobao.tbk.dg.general.link.convert')).toMatchObject({
      gmtModified: 1737097510000,
      changeDiff: {
        gmtModified: 1737097510000,
        inputDiff: ['[+] item_dto->manage_pub_id'],
        outputDiff: [
          '[+] data->material_url_list->promotion_info_dto->multiple_items_prices_count',
          '[+] data->material_url_list->multiple_items_coupon_info_list',
          '[+] data->item_url_list->promotion_info_dto->multiple_items_prices_count',
          '[+] data->item_url_list->multiple_items_coupon_info_list',
        ],
      },
    });
    expect(full('taobao.tbk.dg.general.link.parse').changeDiff).toEqual({
      gmtModified: 1733967521000,
      inputDiff: ['[+] fields'],
      outputDiff: ['[+] data->material_url_list->link_info_dto->origin_pid'],
    });
    expect(full('taobao.tbk.sc.general.link.parse').changeDiff).toEqual({
      gmtModified: 1733967521000,
      inputDiff: ['[+] fields'],
      outputDiff: [
        '[+] data->material_url_list->link_info_dto->isv_mktid',
        '[+] data->material_url_list->link_info_dto->origin_pid',
      ],
    });
    expect(full('taobao.tbk.sc.general.link.convert').changeDiff?.inputDiff).toEqual([]);
    const refund = full('taobao.tbk.order.refund.get');
    expect(refund.changeDiff).toBeUndefined();
    expect(refund.gmtModified).toBe(1671522354000);
  });

  it('adds one entry to the catalog snapshot of the record folder', () => {
    const result = readIn(fullDir, 'taobao.tbk.order.refund.get.json');
    expect(result.catalogs).toEqual([
      {
        id: fullDir,
        file: path.join(fullDir, 'taobao.tbk.order.refund.get.json'),
        kind: 'doc-record',
        entries: [{ title: '淘宝客-推广者-全量维权退款订单查询', method: 'taobao.tbk.order.refund.get', line: 2 }],
      },
    ]);
  });
});

describe('reduced doc records', () => {
  it('reads all 48 without diagnostics, as doc-record-reduced, with docId and no samples or auth', () => {
    const files = readdirSync(reducedDir)
      .filter((f) => f.startsWith('taobao_'))
      .sort();
    expect(files).toHaveLength(48);
    for (const file of files) {
      const page = reduced(file);
      expect(page.format).toBe('doc-record-reduced');
      expect(page.method?.value.replace(/\./g, '_')).toBe(file.replace(/\.json$/, ''));
      expect(page.docId).toBeGreaterThan(0);
      expect(page.samples).toEqual({});
      expect(page.auth).toBeUndefined();
      expect(page.request.length + page.response.length).toBeGreaterThan(0);
    }
  });

  // `!` marks a required request param; an absent `required` is false (omitempty).
  it.each<[string, string, number, string, string]>([
    ['taobao_tbk_spread_get.json', 'taobao.tbk.spread.get', 27832, 'requests!', 'results total_results'],
    [
      'taobao_tbk_shop_get.json',
      'taobao.tbk.shop.get',
      24521,
      'end_auction_count end_commission_rate end_credit end_total_action fields! is_tmall page_no page_size platform q! sort start_auction_count start_commission_rate start_credit start_total_action',
      'results total_results',
    ],
    ['taobao_tbk_coupon_get.json', 'taobao.tbk.coupon.get', 31106, 'me item_id activity_id', 'data'],
    ['taobao_tbk_tpwd_create.json', 'taobao.tbk.tpwd.create', 31127, 'url! text logo ext user_id', 'data'],
    [
      'taobao_tbk_dg_material_optional.json',
      'taobao.tbk.dg.material.optional',
      35896,
      'start_dsr page_size page_no platform end_tk_rate start_tk_rate end_price start_price is_overseas is_tmall sort itemloc cat q material_id has_coupon ip adzone_id! need_free_shipment need_prepay include_pay_rate_30 include_good_rate include_rfd_rate npx_level device_encrypt device_value device_type end_ka_tk_rate start_ka_tk_rate lock_rate_end_time lock_rate_start_time longitude latitude city_code seller_ids special_id relation_id page_result_key ucrowd_id ucrowd_rank_items get_topn_rate biz_scene_id promotion_type',
      'total_results result_list page_result_key',
    ],
    ['taobao_tbk_sc_adzone_create.json', 'taobao.tbk.sc.adzone.create', 34751, 'site_id! adzone_name!', 'data'],
    [
      'taobao_tbk_dg_vegas_tlj_stop.json',
      'taobao.tbk.dg.vegas.tlj.stop',
      58713,
      'rights_id! adzone_id!',
      'model msg_info msg_code result_success',
    ],
    ['taobao_tbk_dg_tpwd_report_get.json', 'taobao.tbk.dg.tpwd.report.get', 56693, 'tao_password! adzone_id!', 'data'],
    [
      'taobao_tbk_dg_newuser_order_sum.json',
      'taobao.tbk.dg.newuser.order.sum',
      36836,
      'page_size! adzone_id page_no! site_id activity_id! settle_month',
      'results',
    ],
    [
      'taobao_tbk_rta_consumer_match.json',
      'taobao.tbk.rta.consumer.match',
      55891,
      'adzone_id! offer_list special_id device_value device_type strategy_id_list',
      'data',
    ],
    [
      'taobao_tbk_sc_ucrowd_member_add.json',
      'taobao.tbk.sc.ucrowd.member.add',
      53886,
      'account_type! ucrowd_id! account_list! edit_type!',
      'data',
    ],
    ['taobao_tbk_sku_best_coupon.json', 'taobao.tbk.sku.best.coupon', 54727, 'sku_id! item_id!', 'coupon_info'],
    [
      'taobao_tbk_sc_publisher_info_save.json',
      'taobao.tbk.sc.publisher.info.save',
      37988,
      'relation_from offline_scene online_scene inviter_code! info_type! note register_info',
      'data',
    ],
  ])('%s', (file, method, docId, request, response) => {
    const page = reduced(file);
    expect(page.method?.value).toBe(method);
    expect(page.docId).toBe(docId);
    expect(page.request.map((p) => `${p.name}${p.required ? '!' : ''}`).join(' ')).toBe(request);
    expect(page.request.every((p) => p.required !== undefined)).toBe(true);
    expect(page.response.map((p) => p.name).join(' ')).toBe(response);
  });

  it('nests subParams and puts params at the line of their name', () => {
    const spread = reduced('taobao_tbk_spread_get.json');
    expect(tree(spread.request)).toEqual(['requests: TbkSpreadRequest[] !', '  url: String !']);
    expect(tree(spread.response)).toEqual([
      'results: TbkSpread []',
      '  content: String',
      '  err_msg: String',
      'total_results: Number',
    ]);
    // subParams come before name in these files: the line is the name's, not the object's.
    expect(spread.request[0]).toMatchObject({
      line: 12,
      limits: { maxListSize: 20 },
      description: '请求列表，内部包含多个url',
    });
    expect(spread.request[0]!.children![0]!.line).toBe(6);
    expect(spread).toMatchObject({
      method: { line: 43 },
      title: { value: '淘宝客-公用-长链转短链', line: 44 },
      docId: 27832,
    });
    expect(spread.description?.value).toBe(
      '输入一个原始的链接，转换得到指定的传播方式，如二维码，淘口令，短连接；\n现阶段只支持短连接。',
    );

    const optional = reduced('taobao_tbk_dg_material_optional.json');
    expect(tree(optional.request.filter((p) => p.children))).toEqual([
      'ucrowd_rank_items: Ucrowdrankitems[]',
      '  commirate: Number',
      '  price: BigDecimal',
      '  item_id: String',
    ]);
    expect(optional.request.find((p) => p.name === 'ucrowd_rank_items')).toMatchObject({
      line: 217,
      limits: { maxListSize: 1000 },
    });
    expect(optional.response[1]!.children).toHaveLength(90);
    expect(tree(optional.response).slice(0, 4)).toEqual([
      'total_results: Number',
      'result_list: MapData []',
      '  coupon_start_time: String',
      '  coupon_end_time: String',
    ]);

    expect(tree(reduced('taobao_tbk_dg_vegas_tlj_stop.json').response)).toEqual([
      'model: UpdateStatusResult',
      '  update_success: Boolean',
      'msg_info: String',
      'msg_code: String',
      'result_success: Boolean',
    ]);
    expect(reduced('taobao_tbk_dg_newuser_order_sum.json').request.find((p) => p.name === 'page_size')?.limits).toEqual(
      { maxValue: 100, minValue: 1 },
    );
    expect(reduced('taobao_tbk_sc_adzone_create.json').request[1]?.limits).toEqual({ maxLength: 64 });
  });

  it('adds the record to the catalog snapshot of its folder, with the docId', () => {
    const result = readIn(reducedDir, 'taobao_tbk_coupon_get.json');
    expect(result.catalogs).toEqual([
      {
        id: reducedDir,
        file: path.join(reducedDir, 'taobao_tbk_coupon_get.json'),
        kind: 'doc-record',
        entries: [
          { title: '淘宝客-公用-阿里妈妈推广券详情查询', method: 'taobao.tbk.coupon.get', docId: 31106, line: 74 },
        ],
      },
    ]);
  });

  it('passes catelog.json on to the catalog reader (a notice, no page, no snapshot)', () => {
    const result = readIn(reducedDir, 'catelog.json');
    expect(result.pages).toEqual([]);
    expect(result.catalogs).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.line}: ${d.level} ${d.code}`)).toEqual(['1: notice TBK093']);
  });
});

describe('bad records', () => {
  const read = (name: string) => {
    const file = `test/fixtures/bad-records/${name}`;
    const result = readDocRecord(file, readFileSync(path.join(repoRoot, file), 'utf8'));
    return { ...result, lines: sortDiagnostics(result.diagnostics).map(formatDiagnostic) };
  };

  it.each([
    ['empty.json', 'test/fixtures/bad-records/empty.json:1: error TBK071 empty file: no doc record to read'],
    [
      'truncated.json',
      'test/fixtures/bad-records/truncated.json:17:33: error TBK070 malformed JSON: text ends inside a string (truncated file?); record not read',
    ],
    [
      'malformed.json',
      'test/fixtures/bad-records/malformed.json:10:72: error TBK070 malformed JSON: expected a value, found character ","; record not read',
    ],
    [
      'not-an-object.json',
      'test/fixtures/bad-records/not-an-object.json:1:1: error TBK072 top-level JSON value is array, not an object: nothing read',
    ],
    [
      'no-method-name.json',
      'test/fixtures/bad-records/no-method-name.json:1:1: error TBK073 record has no method name ("name"): record not read',
    ],
    [
      'envelope-failed.json',
      'test/fixtures/bad-records/envelope-failed.json:1: error TBK081 the doc-site handler answered success=false (errMsg: need login): nothing read',
    ],
  ])('%s: one error with file and line, no page, no throw', (name, line) => {
    const result = read(name);
    expect(result.lines).toEqual([line]);
    expect(result.pages).toEqual([]);
    expect(result.catalogs).toEqual([]);
  });

  it('reports a cut-off record at the end of the text', () => {
    const cut = readDocRecord('cut.json', '{\n  "name": "taobao.tbk.spread.get",\n  "requestParams": [\n');
    expect(cut.diagnostics.map(formatDiagnostic)).toEqual([
      'cut.json:4:1: error TBK070 malformed JSON: expected a value, found end of text (truncated file?); record not read',
    ]);
  });

  it('reads what it can of a record with missing fields', () => {
    const { lines, pages } = read('missing-fields.json');
    const f = 'test/fixtures/bad-records/missing-fields.json';
    expect(lines).toEqual([
      `${f}:6: error TBK074 requestParams is object, not an array: the request of taobao.tbk.sc.adzone.create is read as empty`,
      `${f}:15: error TBK075 responseParams[0].subParams[0] has no "name": param dropped with its subParams`,
      `${f}:16: error TBK075 responseParams[0].subParams[1] (model) has no "type": param dropped with its subParams`,
      `${f}:17:17: error TBK075 responseParams[0].subParams[2] is not a param object (found string): dropped`,
      `${f}:21: error TBK075 responseParams[1] has no "name" and "type": param dropped with its subParams`,
    ]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.request).toEqual([]);
    expect(tree(pages[0]!.response)).toEqual(['data: MapData', '  adzone_name: String']);
    expect(pages[0]).toMatchObject({
      format: 'doc-record-reduced',
      docId: 34751,
      title: { value: '淘宝客-服务商-创建推广者位', line: 3 },
    });
  });

  it("reports a duplicate key with its line and the first one's, and keeps the first (docs/readers.md)", () => {
    const record = [
      '{',
      '  "name": "taobao.tbk.spread.get",',
      '  "apiChineseName": "淘宝客-公用-长链转短链",',
      '  "requestParams": [ { "name": "requests", "type": "String", "type": "Number" } ],',
      '  "responseParams": [],',
      '  "name": "taobao.tbk.spread.get",',
      '  "apiChineseName": "DUPLICATE-GARBAGE"',
      '}',
    ].join('\n');
    const result = readDocRecord('dup.json', record);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'dup.json:4:62: warning TBK082 duplicate key "type" (first at line 4, column 44) with another value: the first is kept',
      'dup.json:6:3: notice TBK082 duplicate key "name" (first at line 2, column 3) with the same value: the first is kept',
      'dup.json:7:3: warning TBK082 duplicate key "apiChineseName" (first at line 3, column 3) with another value: the first is kept',
    ]);
    expect(result.pages[0]).toMatchObject({ title: { value: '淘宝客-公用-长链转短链', line: 3 } });
    expect(result.pages[0]!.request.map((p) => p.type)).toEqual(['String']);
    expect(result.catalogs[0]!.entries.map((e) => e.title)).toEqual(['淘宝客-公用-长链转短链']);
  });

  it('reports a record whose params are missing altogether', () => {
    const result = readDocRecord(
      'bare.json',
      '{ "name": "taobao.tbk.spread.get", "apiChineseName": "淘宝客-公用-长链转短链" }',
    );
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'bare.json:1: error TBK074 requestParams is missing: the request of taobao.tbk.spread.get is read as empty',
      'bare.json:1: error TBK074 responseParams is missing: the response of taobao.tbk.spread.get is read as empty',
    ]);
    expect(result.pages[0]).toMatchObject({ request: [], response: [], title: { value: '淘宝客-公用-长链转短链' } });
  });

  it('notes a full record without an authorisation label', () => {
    const bare = readDocRecord(
      'a.json',
      '{ "name": "taobao.tbk.x", "gmtModified": 1, "requestParams": [], "responseParams": [] }',
    );
    expect(bare.diagnostics.map(formatDiagnostic)).toEqual([
      'a.json:1: notice TBK078 full record without labels[]: user authorisation unknown',
    ]);
    const priced = readDocRecord(
      'b.json',
      '{ "name": "taobao.tbk.x", "labels": [{ "key": "2", "displayName": "￥免费" }], "requestParams": [], "responseParams": [] }',
    );
    expect(priced.diagnostics.map(formatDiagnostic)).toEqual([
      'b.json:1: notice TBK078 no authorisation label (no_need / required) in labels[]: user authorisation unknown',
    ]);
    expect([bare.pages[0]!.auth, priced.pages[0]!.auth, priced.pages[0]!.format]).toEqual([
      undefined,
      undefined,
      'doc-record',
    ]);
  });

  it('ignores fields of the wrong kind with a warning each, and keeps the first auth label', () => {
    const { lines, pages } = read('wrong-field-types.json');
    const f = 'test/fixtures/bad-records/wrong-field-types.json';
    expect(lines).toEqual([
      `${f}:5:20: warning TBK076 record.gmtModified should be a number, found string: ignored`,
      `${f}:7:62: warning TBK076 requestParams[0].required should be true or false, found string: ignored`,
      `${f}:7:102: warning TBK076 requestParams[0].maxLength should be a number, found string: ignored`,
      `${f}:11:71: warning TBK076 responseParams[0].subParams should be an array, found object: ignored`,
      `${f}:14:9: warning TBK080 errorCodes[0] has no errorCode: dropped`,
      `${f}:19: warning TBK077 labels[1] says user authorisation "required" but an earlier label (line 18) says "none": the first is kept`,
      `${f}:21:22: warning TBK076 record.rspSampleJson should be a string, found number: ignored`,
      `${f}:22: warning TBK079 changeDiff .inputDiff should be an array, found string: changeDiff ignored`,
    ]);
    const page = pages[0]!;
    expect(page.format).toBe('doc-record');
    expect(page.request).toEqual([
      { name: 'rights_id', type: 'String', example: 'abc', line: 7 },
      { name: 'adzone_id', type: 'Number', required: true, limits: { maxListSize: 20 }, line: 8 },
    ]);
    expect(page.errors).toEqual([
      { code: 'isv.rights-not-exist', message: '权益ID不存在', solution: '检查rights_id', line: 15 },
    ]);
    expect(page.auth?.value).toBe('none');
    expect(page.samples).toEqual({});
    expect(page.changeDiff).toBeUndefined();
    expect(page.gmtModified).toBeUndefined();
  });

  it('reads a record inside its handler envelope: paramOrder, optional auth, error codes, docId', () => {
    const { lines, pages, catalogs } = read('envelope-ordered.json');
    expect(lines).toEqual([]);
    const page = pages[0]!;
    expect(tree(page.request)).toEqual([
      'first: Number !',
      'second: Foo []',
      '  inner: String !',
      'third: String',
      'unordered: Number',
    ]);
    expect(page.request[0]).toMatchObject({ default: '20', limits: { maxValue: 100, minValue: 1 }, line: 14 });
    expect(page.auth).toEqual({ value: 'optional', evidence: 'labels[1] key "optional" (可选用户授权)', line: 25 });
    expect(page.errors).toEqual([{ code: 'isv.invalid-parameter', message: '参数错误', solution: '', line: 21 }]);
    expect(page).toMatchObject({ line: 5, docId: 12345, gmtModified: 1700000000000 });
    expect(page.description).toBeUndefined(); // "" means not given
    expect(page.samples).toEqual({ xml: { value: '<example_ordered_get_response/>', line: 28 } });
    expect(catalogs[0]!.entries).toEqual([
      { title: '淘宝客-公用-参数排序示例', method: 'taobao.tbk.example.ordered.get', docId: 12345, line: 7 },
    ]);
  });

  it('never throws on a record cut anywhere or on noise, and always says why nothing was read', () => {
    const text = readFileSync(path.join(fullDir, 'taobao.tbk.dg.general.link.parse.json'), 'utf8');
    for (let i = 1; i < 40; i++) {
      const result = readDocRecord('cut.json', text.slice(0, Math.floor((text.length * i) / 40)));
      expect(result.pages).toEqual([]);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['TBK070']);
    }
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = '{}[]",:0123456789.-+eE truefalsn\\"\n';
    for (let i = 0; i < 200; i++) {
      const noise = Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(() => readDocRecord('noise.json', noise)).not.toThrow();
      expect(parseJsonWithPositions(noise).ok, noise).toBe(parsesAsJson(noise));
    }
    expect(readDocRecord('deep.json', '['.repeat(100_000)).diagnostics.map((d) => d.message)).toEqual([
      'malformed JSON: nesting deeper than 256 levels; record not read',
    ]);
  });
});
