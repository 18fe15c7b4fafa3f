import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMarkdownDump } from '../../generator/src/read/markdown-dump/read-markdown-dump.js';
import type { Page, PageParam } from '../../generator/src/read/page-model.js';
import { formatDiagnostic, sortDiagnostics } from '../../generator/src/report/diagnostic.js';

const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpus = path.resolve(repoRoot, 'spec/pages');
const dumpFile = path.join(corpus, 'markdown-dump/tbk-doc-dump.md');
const dumpText = readFileSync(dumpFile, 'utf8');
const dump = readMarkdownDump(dumpFile, dumpText);

function page(method: string): Page {
  const found = dump.pages.find((p) => p.method?.value === method);
  if (!found) throw new Error(`no page for ${method}`);
  return found;
}

/** `name Type 必须|可选|-` per param, the way the table prints it. */
function rows(params: PageParam[]): [string, string, boolean | undefined][] {
  return params.map((p) => [p.name, p.type, p.required]);
}

function flatten(params: PageParam[]): PageParam[] {
  return params.flatMap((p) => [p, ...flatten(p.children ?? [])]);
}

describe('markdown dump: the whole file', () => {
  it('has 84 level-2 headings, of which 82 are method sections read into pages', () => {
    const headings = dumpText.split(/\r?\n/).filter((line) => /^##[^#]/.test(line));
    expect(headings).toHaveLength(84);
    expect(headings.filter((h) => !h.startsWith('##taobao.'))).toEqual(['##API接口总览', '##公共参数']);
    expect(dump.pages).toHaveLength(82);
    expect(new Set(dump.pages.map((p) => p.method?.value)).size).toBe(82);
    expect(dump.pages.every((p) => p.format === 'markdown-dump' && p.sha256.length === 64)).toBe(true);
  });

  it('reports only the one row with a pipe inside a cell', () => {
    expect(dump.diagnostics.map(formatDiagnostic)).toEqual([
      `${dumpFile}:2427: warning TBK055 table row (└ position_index) has 5 cells, the header (line 2327) has 4: read column 3 as "1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2"`,
    ]);
    const positionIndex = page('taobao.tbk.order.details.get').response[0]!.children!.find(
      (c) => c.name === 'position_index',
    );
    expect(positionIndex).toMatchObject({
      type: 'String',
      example: '1555904214_lGltNdNvSX2|1555917305_lJfPMeFmdt2',
      description: '位点字段，由调用方原样传递',
      line: 2427,
    });
  });

  it('accounts for every table row of every method section', () => {
    // Count rows straight from the text: lines starting with `|` inside method sections,
    // outside code blocks, minus header and separator rows.
    const lines = dumpText.split(/\r?\n/);
    const rowLines = new Set<number>();
    const brokenRowLines: number[] = [];
    let inMethod = false;
    let inCode = false;
    lines.forEach((line, index) => {
      if (line.startsWith('```')) inCode = !inCode;
      if (/^##[^#]/.test(line)) inMethod = line.startsWith('##taobao.');
      if (!inMethod || inCode || !line.startsWith('|')) return;
      if (/^\|[-|\s]+$/.test(line) || /^\| (参数名称|错误码) \|/.test(line)) return;
      rowLines.add(index + 1);
      if (!line.trimEnd().endsWith('|')) brokenRowLines.push(index + 1);
    });
    expect(rowLines.size).toBe(2718);
    expect(brokenRowLines).toHaveLength(102);

    const readLines = dump.pages.flatMap((p) =>
      [...flatten(p.request), ...flatten(p.response), ...p.errors].map((x) => x.line),
    );
    expect(readLines).toHaveLength(rowLines.size);
    expect(new Set(readLines)).toEqual(rowLines);

    // Every broken row is a list type whose `[]` was on a continuation line.
    const byLine = new Map(dump.pages.flatMap((p) => flatten([...p.request, ...p.response])).map((p) => [p.line, p]));
    for (const line of brokenRowLines) expect(byLine.get(line)?.type, `line ${line}`).toMatch(/ \[\]$/);
  });

  it('takes title and line from the heading, docId from the overview, and states no auth or description', () => {
    expect(page('taobao.tbk.item.convert')).toMatchObject({
      line: 105,
      method: { value: 'taobao.tbk.item.convert', line: 105 },
      title: { value: '淘宝客-推广者-商品链接转换', line: 105 },
      docId: 24516,
    });
    expect(page('taobao.tbk.spread.get')).toMatchObject({
      line: 8985,
      title: { value: '淘宝客-公用-长链转短链' },
      docId: 27832,
    });
    expect(dump.pages.every((p) => p.auth === undefined && p.description === undefined && p.docId !== undefined)).toBe(
      true,
    );
  });
});

describe('markdown dump: overview', () => {
  const [overview] = dump.catalogs;

  it('is one dump-overview snapshot with 82 entries', () => {
    expect(dump.catalogs).toHaveLength(1);
    expect(overview).toMatchObject({ id: dumpFile, file: dumpFile, kind: 'dump-overview' });
    expect(overview!.entries).toHaveLength(82);
  });

  it('reads entries as printed', () => {
    expect(overview!.entries[0]).toEqual({
      title: '淘宝客-推广者-商品链接转换',
      method: 'taobao.tbk.item.convert',
      docId: 24516,
      line: 5,
    });
    expect(overview!.entries[29]).toEqual({
      title: '淘宝客-推广者-CPA活动执行明细',
      method: 'taobao.tbk.dg.cpa.activity.detail',
      docId: 56312,
      line: 34,
    });
    expect(overview!.entries[59]).toEqual({
      title: '淘宝客-推广者-万能解析',
      method: 'taobao.tbk.dg.general.link.parse',
      docId: 70532,
      line: 64,
    });
    expect(overview!.entries[81]).toEqual({
      title: '淘宝客-公用-失效商品id转化',
      method: 'taobao.tbk.itemid.ineffective.transform',
      docId: 65372,
      line: 86,
    });
  });

  it('lists the methods in the order of the sections', () => {
    expect(overview!.entries.map((e) => e.method)).toEqual(dump.pages.map((p) => p.method?.value));
  });
});

describe('markdown dump: request tables', () => {
  it.each<[string, [string, string, boolean | undefined][]]>([
    [
      'taobao.tbk.item.convert',
      [
        ['adzone_id', 'Number', true],
        ['fields', 'String', true],
        ['num_iids', 'String', true],
        ['platform', 'Number', false],
        ['unid', 'String', false],
        ['dx', 'String', false],
      ],
    ],
    // The broken cell: `| requests | TbkSpreadRequest`, a blank line, then `[] | 必须 | …`.
    ['taobao.tbk.spread.get', [['requests', 'TbkSpreadRequest []', true]]],
    // item_dto is `LkItemDTO` here (the doc record says `LkItemDTO[]`): kept as printed.
    [
      'taobao.tbk.dg.general.link.convert',
      [
        ['biz_scene_id', 'String', false],
        ['promotion_type', 'String', false],
        ['material_list', 'String', false],
        ['relation_id', 'String', false],
        ['adzone_id', 'Number', true],
        ['seller_id_list', 'String', false],
        ['item_id_list', 'String', false],
        ['page_id_list', 'String', false],
        ['target_item', 'TargetItemDTO', false],
        ['item_dto', 'LkItemDTO', false],
        ['page_dto', 'LkPageDTO', false],
        ['shop_dto', 'LkShopDTO', false],
        ['material_dto', 'LkMaterialDTO', false],
        ['special_id', 'String', false],
        ['uvid', 'String', false],
        ['qmtid', 'String', false],
        ['uvid_not_authorized', 'Number', false],
        ['required_link_type', 'String', false],
      ],
    ],
    [
      'taobao.tbk.dg.material.optional.upgrade',
      [
        ['start_dsr', 'Number', false],
        ['page_size', 'Number', false],
        ['page_no', 'Number', false],
        ['end_tk_rate', 'Number', false],
        ['start_tk_rate', 'Number', false],
        ['end_price', 'Number', false],
        ['start_price', 'Number', false],
        ['is_overseas', 'Boolean', false],
        ['is_tmall', 'Boolean', false],
        ['sort', 'String', false],
        ['itemloc', 'String', false],
        ['cat', 'String', false],
        ['q', 'String', false],
        ['material_id', 'Number', false],
        ['has_coupon', 'Boolean', false],
        ['ip', 'String', false],
        ['adzone_id', 'Number', true],
        ['need_free_shipment', 'Boolean', false],
        ['need_prepay', 'Boolean', false],
        ['include_pay_rate_30', 'Boolean', false],
        ['include_good_rate', 'Boolean', false],
        ['include_rfd_rate', 'Boolean', false],
        ['npx_level', 'Number', false],
        ['device_encrypt', 'String', false],
        ['device_value', 'String', false],
        ['device_type', 'String', false],
        ['special_id', 'String', false],
        ['relation_id', 'String', false],
        ['get_topn_rate', 'Number', false],
        ['biz_scene_id', 'String', false],
        ['promotion_type', 'String', false],
        ['mgc_start_time', 'String', false],
        ['mgc_end_time', 'String', false],
        ['mgc_status', 'String', false],
        ['ucrowd_id', 'Number', false],
        ['ucrowd_rank_items', 'Ucrowdrankitems', false],
      ],
    ],
    [
      'taobao.tbk.tpwd.create',
      [
        ['url', 'String', true],
        ['text', 'String', false],
        ['logo', 'String', false],
        ['ext', 'String', false],
        ['user_id', 'String', false],
      ],
    ],
    [
      'taobao.tbk.shop.get',
      [
        ['end_auction_count', 'Number', false],
        ['end_commission_rate', 'Number', false],
        ['end_credit', 'Number', false],
        ['end_total_action', 'Number', false],
        ['fields', 'String', true],
        ['is_tmall', 'Boolean', false],
        ['page_no', 'Number', false],
        ['page_size', 'Number', false],
        ['platform', 'Number', false],
        ['q', 'String', true],
        ['sort', 'String', false],
        ['start_auction_count', 'Number', false],
        ['start_commission_rate', 'Number', false],
        ['start_credit', 'Number', false],
        ['start_total_action', 'Number', false],
      ],
    ],
    [
      'taobao.tbk.uvid.encrypt',
      [
        ['tk_domain', 'Number', true],
        ['source_type', 'Number', false],
        ['source_values', 'String', false],
        ['main_accountid', 'Number', false],
        ['device_type', 'String', false],
        ['device_value', 'String', false],
        ['caid_version', 'String', false],
        ['group_type', 'Number', false],
      ],
    ],
    [
      'taobao.tbk.dg.general.link.parse',
      [
        ['relation_id', 'String', false],
        ['adzone_id', 'Number', true],
        ['material_dto', 'LkMaterialDTO', false],
        ['fields', 'String', false],
      ],
    ],
    // Two more broken cells (picture_url, picture_label), indented with tabs.
    [
      'taobao.tbk.content.daren.material.upload',
      [
        ['adzone_id', 'Number', true],
        ['keywords', 'String', false],
        ['keywords_weight', 'String', false],
        ['content_label', 'String', false],
        ['content_detail', 'String', false],
        ['content_link', 'String', true],
        ['content_id', 'String', true],
        ['sub_pid', 'String', true],
        ['picture_url', 'String []', true],
        ['picture_label', 'String []', false],
        ['content_title', 'String', false],
      ],
    ],
    [
      'taobao.tbk.order.details.get',
      [
        ['query_type', 'Number', false],
        ['position_index', 'String', false],
        ['page_size', 'Number', false],
        ['member_type', 'Number', false],
        ['tk_status', 'Number', false],
        ['end_time', 'String', true],
        ['start_time', 'String', true],
        ['jump_type', 'Number', false],
        ['page_no', 'Number', false],
        ['order_scene', 'Number', false],
      ],
    ],
  ])('%s', (method, want) => {
    expect(rows(page(method).request)).toEqual(want);
  });

  it('reads 更多限制 through the limits parser and keeps the raw text', () => {
    const platform = page('taobao.tbk.item.convert').request.find((p) => p.name === 'platform');
    expect(platform).toEqual({
      name: 'platform',
      type: 'Number',
      required: false,
      example: '123',
      default: '1',
      limitsText: '默认值：1',
      description: '链接形式：1：PC，2：无线，默认：１',
      line: 114,
    });
    expect(page('taobao.tbk.spread.get').request[0]).toMatchObject({
      limits: { maxListSize: 20 },
      limitsText: '最大列表长度：20',
      line: 8991,
    });
    expect(page('taobao.tbk.adzone.create').request.find((p) => p.name === 'adzone_name')).toMatchObject({
      limits: { maxLength: 64 },
      line: 788,
    });
    expect(page('taobao.tbk.dg.newuser.order.sum').request.find((p) => p.name === 'page_size')).toMatchObject({
      limits: { minValue: 1, maxValue: 100 },
      line: 1604,
    });
  });
});

describe('markdown dump: response tables', () => {
  const tree = (params: PageParam[]) =>
    params.map((p) => ({ [`${p.name}: ${p.type}`]: (p.children ?? []).map((c) => `${c.name}: ${c.type}`) }));

  it('puts └ rows under the row above them, flattened as printed', () => {
    expect(tree(page('taobao.tbk.item.convert').response)).toEqual([
      { 'results: NTbkItem []': ['click_url: String', 'num_iid: String', 'input_num_iid: String'] },
    ]);
    expect(page('taobao.tbk.item.convert').response[0]).toMatchObject({
      childrenFlattened: true,
      line: 122,
      description: '淘宝客商品',
    });
    expect(tree(page('taobao.tbk.spread.get').response)).toEqual([
      { 'results: TbkSpread []': ['content: String', 'err_msg: String'] },
      { 'total_results: Number': [] },
    ]);
    // Grandchildren (link_info_dto's fields) carry the same single └.
    expect(tree(page('taobao.tbk.dg.general.link.parse').response)).toEqual([
      {
        'data: TbkLinkDTO': [
          'material_url_list: MaterialUrlList []',
          'msg: String',
          'code: Number',
          'link_info_dto: LinkInfoDTO',
          'material_type: Number',
          'tpwd_origin_url: String',
          'material_id: String',
          'tk_biz_type: Number',
          'origin_pid: String',
          'input_material_url: String',
          'extra_info: String',
        ],
      },
      { 'biz_error_desc: Number': [] },
      { 'result_msg: String': [] },
    ]);
    expect(tree(page('taobao.tbk.uvid.encrypt').response)).toEqual([
      {
        'result_list: UvIdGenerateRes []': ['error_message: String', 'encrypted_uvid: String', 'source_value: String'],
      },
    ]);
  });

  it('joins a broken response cell (small_images of taobao.tbk.itemid.coupon.get)', () => {
    const results = page('taobao.tbk.itemid.coupon.get').response[0]!;
    expect(results).toMatchObject({ name: 'results', type: 'TbkCoupon []', line: 494 });
    expect(results.children!.slice(0, 3).map((c) => [c.name, c.type, c.line])).toEqual([
      ['small_images', 'String []', 495],
      ['coupon_total_count', 'Number', 498],
      ['commission_rate', 'String', 499],
    ]);
    expect(results.children).toHaveLength(21);
  });
});

describe('markdown dump: samples and error codes', () => {
  it('keeps the JSON and error samples verbatim with the line where the code starts', () => {
    const convert = page('taobao.tbk.item.convert');
    expect(Object.keys(convert.samples).sort()).toEqual(['error_json', 'json']);
    expect(convert.samples.json!.line).toBe(153);
    expect(JSON.parse(convert.samples.json!.value)).toEqual({
      tbk_item_convert_response: {
        results: { n_tbk_item: [{ click_url: 'http://s.click.taobao.com/e=xxx', num_iid: '123', input_num_iid: '1' }] },
      },
    });
    expect(convert.samples.error_json!.value).toBe(
      '{\n\t"error_response":{\n\t\t"msg":"Remote service error",\n\t\t"code":50,\n\t\t"sub_msg":"非法参数",\n\t\t"sub_code":"isv.invalid-parameter"\n\t}\n}',
    );
    expect(dump.pages.every((p) => p.samples.json && p.samples.error_json && !p.samples.xml)).toBe(true);
  });

  it('reads 错误码表 where a section has one (31 of 82)', () => {
    expect(dump.pages.filter((p) => p.errors.length > 0)).toHaveLength(31);
    expect(page('taobao.tbk.item.convert').errors).toEqual([
      {
        code: 'isv.invalid-parameter:adzone_id',
        message: 'adzone_id不正确',
        solution: '请填写与member_id和site_id匹配的adzone_id',
        line: 185,
      },
      {
        code: 'isv.invalid-parameter:platform',
        message: 'platform不正确',
        solution: '请填写正确的platform',
        line: 186,
      },
      { code: 'isv.invalid-parameter:unid', message: 'unid不正确', solution: '请填写正确的union id', line: 187 },
      { code: 'isp.tbkapi-service-unavailable', message: '内部服务不可用', solution: '稍后重试', line: 188 },
    ]);
    expect(page('taobao.tbk.spread.get').errors.map((e) => e.code)).toEqual([
      'isp.dependency-error',
      'isp.tbkapi-service-unavailable',
      'isv.not-support-param-type',
    ]);
  });
});

describe('markdown dump: bad input', () => {
  const read = (name: string) => {
    const file = `test/fixtures/bad-dump/${name}`;
    const result = readMarkdownDump(file, readFileSync(path.join(repoRoot, file), 'utf8'));
    const codes = sortDiagnostics(result.diagnostics).map((d) => `${d.file}:${d.line}: ${d.level} ${d.code}`);
    return { ...result, codes, methods: result.pages.map((p) => p.method?.value) };
  };

  it('reports bad rows, headings and overview lines by file and line, and reads the rest', () => {
    const { codes, methods, pages, catalogs, diagnostics } = read('bad-rows.md');
    const f = 'test/fixtures/bad-dump/bad-rows.md';
    expect(codes).toEqual([
      `${f}:7: warning TBK066`, // overview entry without a section
      `${f}:8: warning TBK064`, // overview line without (docId)
      `${f}:25: error TBK054`, // too few cells
      `${f}:29: warning TBK059`, // 是否必须 = 也许
      `${f}:30: warning TBK060`, // 更多限制 = 见描述
      `${f}:31: error TBK056`, // no 参数名称
      `${f}:32: warning TBK055`, // too many cells
      `${f}:38: warning TBK058`, // └ row first
      `${f}:43: error TBK054`, // too few cells
      `${f}:54: warning TBK062`, // empty code block
      `${f}:62: error TBK056`, // no 错误码
      `${f}:65: warning TBK051`, // heading without （title）
      `${f}:79: notice TBK063`, // unknown sub-section
      `${f}:84: warning TBK067`, // duplicate section
      `${f}:99: warning TBK065`, // section not in the overview
      `${f}:115: notice TBK068`, // ##附录
    ]);
    expect(diagnostics.find((d) => d.code === 'TBK054')!.message).toBe(
      'table row (too_few) has 4 cells, the header (line 22) has 6: row dropped',
    );
    expect(methods).toEqual(['taobao.tbk.rows.get', 'taobao.tbk.heading.get', 'taobao.tbk.unlisted.get']);
    const [rowsGet, headingGet, unlisted] = pages;
    expect(rowsGet!.request.map((p) => [p.name, p.type, p.required])).toEqual([
      ['adzone_id', 'Number', true],
      ['split_list', 'String []', false],
      ['flag', 'Boolean', undefined],
      ['hint', 'String', false],
      ['pipe_example', 'String', false],
    ]);
    expect(rowsGet!.request[3]).toMatchObject({ limitsText: '见描述' });
    expect(rowsGet!.request[3]!.limits).toBeUndefined();
    expect(rowsGet!.request[4]!.example).toBe('a|b');
    expect(rowsGet!.response.map((p) => [p.name, (p.children ?? []).map((c) => c.name)])).toEqual([
      ['orphan', []],
      ['data', ['id', 'items', 'name']],
      ['count', []],
    ]);
    expect(Object.keys(rowsGet!.samples)).toEqual(['json']);
    expect(rowsGet!.errors.map((e) => e.code)).toEqual(['isv.invalid-parameter']);
    expect(headingGet!.title).toBeUndefined();
    expect(headingGet!.docId).toBe(1002);
    expect(unlisted!.docId).toBeUndefined();
    expect(unlisted!.description).toEqual({ value: '这一行是接口描述。', line: 100 });
    expect(catalogs[0]!.entries.map((e) => e.method)).toEqual([
      'taobao.tbk.rows.get',
      'taobao.tbk.heading.get',
      'taobao.tbk.missing.get',
    ]);
  });

  it('does not read a section without tables, and warns about a missing one', () => {
    const { codes, methods, pages } = read('no-tables.md');
    const f = 'test/fixtures/bad-dump/no-tables.md';
    expect(codes).toEqual([`${f}:25: error TBK052`, `${f}:29: notice TBK063`, `${f}:38: warning TBK053`]);
    expect(methods).toEqual(['taobao.tbk.full.get', 'taobao.tbk.half.get']);
    expect(pages[1]!.response).toEqual([]);
    expect(pages[1]!.request.map((p) => p.name)).toEqual(['q']);
  });

  it('reports a dump cut off inside a broken cell (CRLF file)', () => {
    const { codes, methods, pages, diagnostics } = read('truncated-in-table.md');
    const f = 'test/fixtures/bad-dump/truncated-in-table.md';
    expect(codes).toEqual([`${f}:24: warning TBK053`, `${f}:30: error TBK054`]);
    expect(diagnostics.find((d) => d.code === 'TBK054')!.message).toBe(
      'table row (requests) has 2 cells, the header (line 28) has 6: row dropped',
    );
    expect(methods).toEqual(['taobao.tbk.first.get', 'taobao.tbk.spread.get']);
    expect(pages[0]!.request.map((p) => p.name)).toEqual(['adzone_id']);
    expect(pages[1]!.request).toEqual([]);
  });

  it('reports a dump cut off inside a sample and keeps the tables of that section', () => {
    const { codes, pages } = read('truncated-in-sample.md');
    expect(codes).toEqual(['test/fixtures/bad-dump/truncated-in-sample.md:23: error TBK061']);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.samples).toEqual({});
    expect(pages[0]!.response[0]!.children!.map((c) => c.name)).toEqual(['coupon_start_fee']);
  });

  it('reports a parameter table without a 参数名称 column and an error-code section without a table', () => {
    const text = [
      '##API接口总览',
      '',
      '-`taobao.tbk.x.get` (1) - 测试',
      '',
      '##taobao.tbk.x.get（测试）',
      '',
      '### 请求参数',
      '',
      '| 名字 | 类型 |',
      '|---|---|',
      '| a | String |',
      '',
      '### 响应参数',
      '',
      '| 参数名称 | 类型 | 示例值 | 描述 |',
      '|---|---|---|---|',
      '| r | String | 1 | d |',
      '',
      '### 错误码表',
      '',
      '没有表格',
    ].join('\r\n');
    const result = readMarkdownDump('x.md', text);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'x.md:9: error TBK057 table under ### 请求参数 (line 7) has no 参数名称 or 类型 column (header: 名字 | 类型): table not read',
      'x.md:19: warning TBK053 ### 错误码表 has no table: no error codes read',
    ]);
    expect(result.pages.map((p) => [p.request.length, p.response.map((r) => r.name), p.docId])).toEqual([
      [0, ['r'], 1],
    ]);
  });

  it('reports an empty file and a file without method sections', () => {
    expect(readMarkdownDump('empty.md', '').diagnostics.map(formatDiagnostic)).toEqual([
      'empty.md:1: error TBK050 empty file: no markdown dump to read',
    ]);
    const prose = readMarkdownDump('notes.md', '# Notes\r\n\r\nNothing here.\r\n');
    expect(prose.pages).toEqual([]);
    expect(prose.catalogs).toEqual([]);
    expect(prose.diagnostics.map((d) => `${d.line}: ${d.level} ${d.code}`)).toEqual(['1: error TBK050']);
  });

  it('never throws on a dump cut anywhere, and reports every cut inside a section', () => {
    for (let i = 1; i <= 12; i++) {
      const cut = Math.floor((dumpText.length * i) / 13);
      const result = readMarkdownDump('cut.md', dumpText.slice(0, cut));
      expect(result.pages.length).toBeLessThanOrEqual(82);
      expect(result.catalogs).toHaveLength(1);
      // The overview lists 82 methods; every one missing from the cut file is reported.
      const missing = result.diagnostics.filter((d) => d.code === 'TBK066' || d.code === 'TBK052').length;
      expect(result.pages.length + missing, `cut at ${cut}`).toBeGreaterThanOrEqual(82);
    }
  });
});

describe('readMarkdownDump line ends', () => {
  const withoutHash = (pages: Page[]) => pages.map(({ sha256: _s, ...page }) => page);

  it.each([
    ['LF', '\n'],
    ['CR CR LF (the CRLF file converted again)', '\r\r\n'],
    ['lone CR', '\r'],
  ])(
    'a copy with %s line ends gives the same pages as the committed CRLF file, without a CR in any value',
    (_name, eol) => {
      const copy = readMarkdownDump(dumpFile, dumpText.replace(/\r\n/g, eol));
      expect(JSON.stringify(copy.pages)).not.toContain('\\r');
      expect(withoutHash(copy.pages)).toEqual(withoutHash(dump.pages));
      expect(copy.diagnostics).toEqual(dump.diagnostics);
    },
  );
});
