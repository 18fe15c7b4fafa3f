import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PageParam, ReadResult } from '../../generator/src/read/page-model.js';
import { isCatalogTitle } from '../../generator/src/read/rendered-page/nav.js';
import { scanSeedText } from '../../generator/src/read/rendered-page/scan-text.js';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const S000 = 'spec/pages/rendered-pages/000_a8847ce389c68a49.txt';
const S001 = 'spec/pages/rendered-pages/001_c45301d665ca6256.txt';
const S002 = 'spec/pages/rendered-pages/002_7d7eaaa7ed50b944.txt';
const S003 = 'spec/pages/rendered-pages/003_0e2e983cd5d64fce.txt';
const S004 = 'spec/pages/rendered-pages/004_278e02791b663900.txt';
const SEEDS = [S000, S001, S002, S003, S004];

const textOf = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const read = (file: string): ReadResult => readSeedText(file, textOf(file));
/** Lines `from`..`to` (1-based, inclusive) of a page, joined as a multi-line sample is stored. */
const linesOf = (file: string, from: number, to = from) =>
  textOf(file)
    .split('\n')
    .slice(from - 1, to)
    .join('\n');
const codes = (r: ReadResult) => r.diagnostics.map((d) => `${d.line} ${d.level} ${d.code}`);

type Want = Omit<PageParam, 'line'> & { line: number };
const req = (
  line: number,
  name: string,
  type: string,
  required: boolean,
  example: string | undefined,
  description: string,
): Want => ({
  name,
  type,
  required,
  ...(example === undefined ? {} : { example }),
  description,
  line,
});
const rsp = (line: number, name: string, type: string, example: string | undefined, description: string): Want => ({
  name,
  type,
  ...(example === undefined ? {} : { example }),
  description,
  line,
});

interface SeedFacts {
  file: string;
  method: string;
  methodLine: number;
  auth: 'none' | 'required';
  evidence: string;
  request: Want[];
  response: Want[];
  samples: { xml: [number, number]; json: [number, number]; error_xml: [number, number]; error_json: [number, number] };
  titles: number;
  diagnostics: string[];
}

const NONE =
  'Java client.execute(req); .NET client.Execute(req); PHP $c->execute($req); curl no session= field; Python req.getResponse(); C top_execute(pClient,pRequest,NULL)';
const REQUIRED =
  'Java client.execute(req, sessionKey); .NET client.Execute(req, sessionKey); PHP $c->execute($req, $sessionKey); curl session= field; Python req.getResponse(sessionkey); C top_execute(pClient,pRequest,sessionKey)';

const FACTS: SeedFacts[] = [
  {
    file: S000,
    method: 'taobao.tbk.uvid.encrypt',
    methodLine: 193,
    auth: 'none',
    evidence: NONE,
    request: [
      req(178, 'tk_domain', 'Number', true, '1', '淘客业务域,1-导购 2-流量 3-社群 4-代理 5-返利'),
      req(179, 'source_type', 'Number', false, '1', '媒体侧用户id,固定传1'),
      req(180, 'source_values', 'String', false, '123,123', '原始用户id值,传入多个时请使用英文逗号分隔,最多不超过10个'),
      req(181, 'main_accountid', 'Number', false, '1231231', '联盟账号组的主账号ID,传入时使用账号组维度创建'),
      req(
        182,
        'device_type',
        'String',
        false,
        '1',
        '设备号类型,1-OAID 不加密 2-IMEI md5加密 3-IDFA md5加密 4-CAID 5-CAID2 6-OAID md5加密',
      ),
      req(183, 'device_value', 'String', false, '123-231-2313cdsa', '设备值'),
      req(184, 'caid_version', 'String', false, '20211113', 'CAID版本号,使用CAID时必传'),
      // Last row: no padding cell after the shifted description.
      req(
        185,
        'group_type',
        'Number',
        false,
        '1',
        '1-媒体账号组,2-自定义账号组。main_accountid不空其他值默认为媒体账号组',
      ),
    ],
    // Empty 示例值: the description moved into its column (the markdown dump has it in 描述).
    response: [rsp(188, 'result_list', 'UvIdGenerateRes []', undefined, 'result_list')],
    samples: { xml: [197, 197], json: [198, 198], error_xml: [199, 199], error_json: [200, 200] },
    titles: 159,
    diagnostics: ['189 notice TBK025'],
  },
  {
    file: S001,
    method: 'taobao.tbk.sc.pic.embed',
    methodLine: 195,
    auth: 'required',
    evidence: REQUIRED,
    request: [
      req(184, 'adzone_id', 'Number', true, '123', 'mm_xxx_xxx_xxx的第三位'),
      req(185, 'item_id', 'Number', true, '123', '商品ID'),
      // A file upload (curl -F multipart); `-` means no example.
      req(186, 'pic_stream', 'byte[]', false, undefined, '需打码的图片'),
      req(187, 'relation_id', 'String', false, '123', '渠道管理ID'),
      req(188, 'site_id', 'Number', true, '123', 'mm_xxx_xxx_xxx的第二位'),
    ],
    response: [rsp(191, 'embed_pic_url', 'String', 'https://xxx', '打码图下载地址,15分钟内有效')],
    samples: { xml: [199, 199], json: [200, 200], error_xml: [201, 201], error_json: [202, 202] },
    titles: 164,
    diagnostics: [],
  },
  {
    file: S002,
    method: 'taobao.tbk.sf.group.activity.callback',
    methodLine: 199,
    auth: 'none',
    evidence: NONE,
    request: [
      req(184, 'group_id', 'String', true, 'R:15323432', '群组ID'),
      req(185, 'scd_id', 'Number', false, '125452', '联盟人群ID'),
      req(186, 'res_desc', 'String', false, '配置缺失', '推送结果描述'),
      req(187, 'res_code', 'Number', true, '1', '推送结果'),
      req(188, 'msg_id', 'String', true, 'CG8PX7V5', '消息标识'),
      req(189, 'offset_code', 'String', true, '6KNj7vzS6CG8PX7V5', '计划消费点位。如传入则从该计划下一条开始拉取'),
      req(
        190,
        'time_stamp',
        'Number',
        true,
        '1749091000704',
        '时间戳(毫秒)。同一计划同一消息下多次回调会保留最新一次结果',
      ),
    ],
    response: [
      rsp(193, 'is_success', 'Boolean', 'true', '执行成功'),
      rsp(194, 'biz_error_desc', 'String', '无权限', '错误提示信息'),
      rsp(195, 'biz_error_code', 'Number', '21', '错误码'),
    ],
    samples: { xml: [203, 203], json: [204, 204], error_xml: [205, 205], error_json: [206, 206] },
    titles: 164,
    diagnostics: ['1 notice TBK010'],
  },
  {
    file: S003,
    method: 'taobao.tbk.sc.social.crowd.get',
    methodLine: 213,
    auth: 'required',
    evidence: REQUIRED,
    request: [req(193, 'social_crowd_id', 'Number', true, '12312', '社群ID')],
    response: [
      rsp(196, 'social_crowd_id', 'Number', '123', '社群ID'),
      rsp(197, 'social_crowd_type', 'Number', '1', '人群类型,1:普通社群'),
      rsp(198, 'social_crowd_name', 'String', '群1', '人群名称。最大128字符'),
      rsp(199, 'desc', 'String', 'desc', '人群描述,最大100字符'),
      rsp(200, 'status', 'Number', '1', '状态,1:生效,0:失效'),
      rsp(201, 'create_time', 'String', '20240101', '创建时间'),
      rsp(202, 'member_size', 'Number', '500', '会员数量'),
      rsp(203, 'match_num', 'Number', '11', '群内uvid匹配到消费者数量'),
      rsp(204, 'qmt_id', 'String', '123', '定向任务id'),
    ],
    samples: { xml: [246, 256], json: [257, 269], error_xml: [270, 275], error_json: [276, 283] },
    titles: 174,
    // 淘宝客-推广者-拉新承接页转链 is listed twice (lines 159 and 160).
    diagnostics: ['160 notice TBK012'],
  },
  {
    file: S004,
    method: 'taobao.tbk.sc.organization.member.mod',
    methodLine: 195,
    auth: 'required',
    evidence: REQUIRED,
    request: [
      req(185, 'operate_type', 'Number', true, '1', '操作(1-新增 2-剔除 )'),
      req(186, 'organization_id', 'Number', true, '1356', '要执行操作的自定义账号组ID'),
    ],
    response: [
      rsp(189, 'result', 'Boolean', 'false', '操作成功与否'),
      // Typed Boolean although the sample is a sentence: kept as printed.
      rsp(190, 'biz_error_desc', 'Boolean', '请求账号身份不为主账号', '失败原因描述'),
      rsp(191, 'biz_error_code', 'Number', '101', '业务错误码'),
    ],
    samples: { xml: [199, 199], json: [200, 200], error_xml: [201, 201], error_json: [202, 202] },
    titles: 166,
    diagnostics: [],
  },
];

describe('readSeedText on the five seed pages', () => {
  describe.each(FACTS)('$file', (facts) => {
    const result = read(facts.file);
    const page = result.pages[0]!;

    it('reads one page with its source', () => {
      expect(result.pages).toHaveLength(1);
      expect(page).toMatchObject({ file: facts.file, format: 'seed-text', line: 1 });
      expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(page.title).toBeUndefined(); // the page does not print its own title
    });

    it('takes the method name from the SDK samples', () => {
      expect(page.method).toEqual({ value: facts.method, line: facts.methodLine });
    });

    it('takes auth from the SDK samples', () => {
      expect(page.auth?.value).toBe(facts.auth);
      expect(page.auth?.evidence).toBe(facts.evidence);
    });

    it('reads every request param', () => {
      expect(page.request).toEqual(facts.request);
    });

    it('reads every response param', () => {
      expect(page.response).toEqual(facts.response);
    });

    it('keeps the four samples exactly as printed, with their start lines', () => {
      expect(Object.keys(page.samples).sort()).toEqual(['error_json', 'error_xml', 'json', 'xml']);
      for (const kind of ['xml', 'json', 'error_xml', 'error_json'] as const) {
        const [from, to] = facts.samples[kind];
        expect(page.samples[kind]).toEqual({ value: linesOf(facts.file, from, to), line: from });
      }
    });

    it('reads the catalog nav and the error-code table (header only)', () => {
      expect(result.catalogs).toHaveLength(1);
      expect(result.catalogs[0]).toMatchObject({ id: facts.file, file: facts.file, kind: 'seed-nav' });
      expect(result.catalogs[0]!.entries).toHaveLength(facts.titles);
      expect(result.catalogs[0]!.entries.every((e) => e.method === undefined)).toBe(true);
      expect(page.errors).toEqual([]);
    });

    it('reports only the known quirks', () => {
      expect(codes(result)).toEqual(facts.diagnostics);
      expect(result.diagnostics.every((d) => d.file === facts.file)).toBe(true);
    });
  });

  it('002: the notice line is not a title; titles start on line 2', () => {
    const result = read(S002);
    expect(result.catalogs[0]!.entries[0]).toEqual({ title: '淘宝客-推广者-商品链接转换', line: 2 });
    expect(result.diagnostics[0]!.message).toContain('注意:以下文档只适用于TOP接口');
  });

  it('001: the last nav line is the description, not a title', () => {
    const result = read(S001);
    expect(result.pages[0]!.description).toEqual({
      value:
        '服务商使用。可通过该接口帮助推广者对目标图片生成带有推广者信息的暗码图。使用方法:https://mos.m.taobao.com/union/plttutorials',
      line: 165,
    });
    expect(result.catalogs[0]!.entries.at(-1)).toEqual({ title: '商单种草任务内容信息变更', line: 164 });
    for (const file of [S000, S002, S003, S004]) expect(read(file).pages[0]!.description).toBeUndefined();
  });

  it('000: first and last catalog titles with their lines', () => {
    const entries = read(S000).catalogs[0]!.entries;
    expect(entries[0]).toEqual({ title: '淘宝客-推广者-商品链接转换', line: 1 });
    expect(entries.at(-1)).toEqual({ title: '创建社群拉新礼金', line: 159 });
  });

  it('the five navs hold 202 distinct titles', () => {
    const titles = new Set(SEEDS.flatMap((file) => read(file).catalogs[0]!.entries.map((e) => e.title)));
    expect(titles.size).toBe(202);
  });

  it('the title rule rejects exactly the notice and the description among all nav lines', () => {
    const rejected = SEEDS.flatMap((file) =>
      scanSeedText(textOf(file))
        .nav.filter((l) => !isCatalogTitle(l.text))
        .map((l) => `${path.basename(file)}:${l.line}`),
    );
    expect(rejected).toEqual(['001_c45301d665ca6256.txt:165', '002_7d7eaaa7ed50b944.txt:1']);
  });

  it.each([
    ['淘宝客-推广者-淘口令解析&三方分成转链', true],
    ['淘宝客【推广者】识图找优惠h5', true],
    ['sku维度最优优惠券信息', true],
    ['淘宝客-公用-淘宝客商品详情查询(简版)', true],
    ['注意:以下文档只适用于TOP接口,请谨慎使用!', false],
    ['服务商使用。可通过该接口帮助推广者对目标图片生成带有推广者信息的暗码图', false],
    ['见 https://open.taobao.com', false],
    ['only ascii words', false],
    ['淘宝客'.repeat(14), false],
  ])('isCatalogTitle(%j) = %s', (text, want) => {
    expect(isCatalogTitle(text)).toBe(want);
  });

  it('004: keeps the invalid JSON sample verbatim (repair is the normaliser’s job)', () => {
    expect(read(S004).pages[0]!.samples.json!.value).toContain('"biz_error_desc":请求账号身份不为主账号,');
  });

  it('003: groups multi-line SDK code into one block per language', () => {
    const blocks = scanSeedText(textOf(S003)).blocks;
    expect(blocks.map((b) => [b.line, b.language ?? b.syntax])).toEqual([
      [205, 'java'],
      [206, 'dotnet'],
      [207, 'php'],
      [213, 'curl'],
      [214, 'python'],
      [215, 'c'],
      [234, 'node'],
      [246, 'xml'],
      [257, 'json'],
      [270, 'xml'],
      [276, 'json'],
    ]);
    expect(blocks[2]!.text).toBe(linesOf(S003, 207, 212));
    expect(blocks[5]!.text).toBe(linesOf(S003, 215, 233));
    expect(blocks[6]!.text).toBe(linesOf(S003, 234, 245));
  });

  it('reads a CRLF copy of a page the same way', () => {
    const lf = readSeedText(S003, textOf(S003));
    const crlf = readSeedText(S003, textOf(S003).replace(/\n/g, '\r\n'));
    expect(crlf.pages[0]!.request).toEqual(lf.pages[0]!.request);
    expect(crlf.pages[0]!.samples).toEqual(lf.pages[0]!.samples);
    expect(codes(crlf)).toEqual(codes(lf));
  });
});

const BAD = 'test/fixtures/bad-pages';

describe('readSeedText on bad pages', () => {
  it('empty file: one error, nothing read', () => {
    const result = read(`${BAD}/empty.txt`);
    expect(result).toEqual({
      pages: [],
      catalogs: [],
      diagnostics: [{ file: `${BAD}/empty.txt`, line: 0, level: 'error', code: 'TBK001', message: 'page is empty' }],
    });
    expect(readSeedText('blank.txt', '\n \n\t\n').diagnostics.map((d) => d.code)).toEqual(['TBK001']);
  });

  it('cut in the middle of the request table: catalog kept, page not emitted, truncation reported', () => {
    const file = `${BAD}/truncated-request-table.txt`;
    const result = read(file);
    expect(result.pages).toEqual([]);
    expect(result.catalogs[0]!.entries).toHaveLength(159);
    expect(codes(result)).toEqual([
      '182 warning TBK030',
      '182 warning TBK030',
      '182 warning TBK031',
      '182 error TBK003',
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'no response-parameter table on the page',
      'page has no XML response sample, JSON response sample, XML error sample, JSON error sample',
      'page ends at line 182 without the error-code table: truncated?',
      'no method name in the SDK samples (curl method=, C set_api_name, Node client.execute); page not read',
    ]);
  });

  it('cut in the middle of the samples: what was read is returned', () => {
    const file = `${BAD}/truncated-samples.txt`;
    const result = read(file);
    const page = result.pages[0]!;
    expect(page.method).toEqual({ value: 'taobao.tbk.sc.social.crowd.get', line: 213 });
    expect(page.auth?.value).toBe('required');
    expect(page.request.map((p) => p.name)).toEqual(['social_crowd_id']);
    expect(page.response).toHaveLength(9);
    expect(page.samples.xml).toEqual({ value: linesOf(file, 246, 256), line: 246 });
    // The JSON sample stops at the last line of the file; kept as printed and reported.
    expect(page.samples.json).toEqual({ value: linesOf(file, 257, 262), line: 257 });
    expect(page.samples.error_json).toBeUndefined();
    expect(codes(result)).toEqual([
      '160 notice TBK012',
      '257 warning TBK032',
      '262 warning TBK030',
      '262 warning TBK031',
    ]);
  });

  it('no method name in the samples: error, page not emitted, catalog still returned', () => {
    const file = `${BAD}/no-method-name.txt`;
    const result = read(file);
    expect(result.pages).toEqual([]);
    expect(result.catalogs[0]!.entries).toHaveLength(164);
    const errors = result.diagnostics.filter((d) => d.level === 'error');
    expect(errors).toEqual([
      {
        file,
        line: 205,
        level: 'error',
        code: 'TBK003',
        message: 'no method name in the SDK samples (curl method=, C set_api_name, Node client.execute); page not read',
      },
    ]);
  });

  it('rows with too many or too few cells are reported with their line and salvaged when clear', () => {
    const file = `${BAD}/bad-rows.txt`;
    const result = read(file);
    const page = result.pages[0]!;
    expect(page.request).toEqual([
      // 8 cells: the description held pipes; the 更多限制 cell is a limit.
      {
        name: 'operate_type',
        type: 'Number',
        required: true,
        example: '1',
        limitsText: '最大值：2',
        limits: { maxValue: 2 },
        description: '操作 | 1-新增 | 2-剔除',
        line: 185,
      },
      // 3 cells: name, type and required are certain.
      { name: 'organization_id', type: 'Number', required: true, line: 186 },
      {
        name: 'count',
        type: 'Number',
        example: '5',
        limitsText: '默认值：1 最大值：100',
        default: '1',
        limits: { maxValue: 100 },
        description: '数量',
        line: 187,
      },
      { name: 'limit', type: 'Number', required: false, example: '20', description: '上限', line: 188 },
    ]);
    expect(page.response.map((p) => p.name)).toEqual(['result', 'biz_error_code']);
    expect(page.errors).toEqual([
      { code: 'isv.invalid-parameter:adzone_id', message: '推广位不存在', solution: '检查推广位', line: 211 },
      { code: 'isp.top-remote-connection-timeout', message: '超时', solution: '', line: 212 },
    ]);
    expect(codes(result)).toEqual([
      '185 warning TBK020',
      '186 warning TBK021',
      '187 warning TBK023',
      '193 error TBK022',
      '206 warning TBK026',
      '189 warning TBK028',
    ]);
    const byCode = Object.fromEntries(result.diagnostics.map((d) => [d.code, d.message]));
    expect(byCode.TBK020).toBe('row has 8 cells, expected 6; cells from column 6 on joined into the last column');
    expect(byCode.TBK021).toBe('row has 3 cells, expected 6; only the first 3 read');
    expect(byCode.TBK022).toBe('row "biz_error_desc |" has 1 cell(s), expected 4; dropped');
  });

  it('a row one cell short that is not the last row is read and reported', () => {
    const text = textOf(S000).replace(
      'source_type | Number | 可选 | 1 | 媒体侧用户id,固定传1 | |',
      'source_type | Number | 可选 | 1 | 媒体侧用户id,固定传1 |',
    );
    const result = readSeedText('short.txt', text);
    expect(result.pages[0]!.request[1]).toEqual(req(179, 'source_type', 'Number', false, '1', '媒体侧用户id,固定传1'));
    expect(codes(result)).toEqual(['179 warning TBK021', '189 notice TBK025']);
  });

  it('a limit in the 示例值 column means the example was empty and the cells moved left twice', () => {
    const text = textOf(S000).replace(
      'source_type | Number | 可选 | 1 | 媒体侧用户id,固定传1 | |',
      'source_type | Number | 可选 | 默认值：1 | 媒体侧用户id,固定传1 | |',
    );
    const result = readSeedText('shifted.txt', text);
    expect(result.pages[0]!.request[1]).toEqual({
      name: 'source_type',
      type: 'Number',
      required: false,
      default: '1',
      limitsText: '默认值：1',
      description: '媒体侧用户id,固定传1',
      line: 179,
    });
  });

  it('SDK samples that disagree are reported', () => {
    const text = textOf(S000)
      .replace("client.execute('taobao.tbk.uvid.encrypt'", "client.execute('taobao.tbk.uvid.decrypt'")
      .replace(
        'TbkUvidEncryptResponse rsp = client.execute(req);',
        'TbkUvidEncryptResponse rsp = client.execute(req, sessionKey);',
      );
    const result = readSeedText('disagree.txt', text);
    expect(result.pages[0]!.method?.value).toBe('taobao.tbk.uvid.encrypt');
    expect(result.pages[0]!.auth).toEqual({
      value: 'required',
      evidence: 'Java client.execute(req, sessionKey)',
      line: 190,
    });
    expect(codes(result)).toEqual(['189 notice TBK025', '196 warning TBK004', '190 warning TBK006']);
  });

  it('a sample root key that does not match the method is reported', () => {
    const text = textOf(S001).replace('{ "tbk_sc_pic_embed_response":{', '{ "tbk_sc_pic_embedded_response":{');
    const result = readSeedText('root.txt', text);
    expect(codes(result)).toEqual(['200 warning TBK005']);
    expect(result.diagnostics[0]!.message).toBe(
      'json sample root "tbk_sc_pic_embedded_response" does not match tbk_sc_pic_embed_response for taobao.tbk.sc.pic.embed',
    );
  });

  it('a stray nav line, a repeated table and a repeated sample are reported and skipped', () => {
    const lines = textOf(S001).split('\n');
    // Line 10 becomes a non-title; the request table (182–188) and the JSON sample (200) repeat.
    const text = [
      ...lines.slice(0, 9),
      '详见 https://open.taobao.com/doc',
      ...lines.slice(9, 188),
      ...lines.slice(181, 188),
      ...lines.slice(188, 201),
      lines[199]!,
      ...lines.slice(201),
    ].join('\n');
    const result = readSeedText('repeats.txt', text);
    const page = result.pages[0]!;
    expect(page.request.map((p) => p.name)).toEqual(['adzone_id', 'item_id', 'pic_stream', 'relation_id', 'site_id']);
    expect(page.samples.json!.line).toBe(208);
    expect(result.catalogs[0]!.entries).toHaveLength(164);
    expect(codes(result)).toEqual(['10 warning TBK011', '190 warning TBK027', '210 warning TBK033']);
  });

  it('a page whose only SDK sample is Node names the method but leaves auth unknown', () => {
    const lines = textOf(S000).split('\n');
    const text = [...lines.slice(0, 189), ...lines.slice(195)].join('\n');
    const result = readSeedText('node-only.txt', text);
    expect(result.pages[0]!.method).toEqual({ value: 'taobao.tbk.uvid.encrypt', line: 190 });
    expect(result.pages[0]!.auth).toBeUndefined();
    expect(codes(result)).toEqual(['189 notice TBK025', '196 warning TBK007']);
  });

  it('random bytes decoded as latin1 never throw and give one clear error', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const result = readSeedText('noise.txt', randomBytes(seed, 4096).toString('latin1'));
      expect(result.pages).toEqual([]);
      expect(result.diagnostics).toEqual([
        {
          file: 'noise.txt',
          line: 0,
          level: 'error',
          code: 'TBK002',
          message: 'no catalog titles, known tables or samples found: not a doc page',
        },
      ]);
    }
  });

  it('random bytes spliced into a page never throw; the catalog and every diagnostic name the file', () => {
    const lines = textOf(S000).split('\n');
    for (const seed of [3, 5, 8]) {
      const noise = randomBytes(seed, 2048).toString('latin1');
      const text = [...lines.slice(0, 180), noise, ...lines.slice(181)].join('\n');
      const result = readSeedText('spliced.txt', text);
      expect(result.catalogs[0]!.entries).toHaveLength(159);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.diagnostics.every((d) => d.file === 'spliced.txt' && d.line >= 0)).toBe(true);
    }
  });
});

describe('readSeedText on damaged line structure', () => {
  const facts = (r: ReadResult) => ({
    pages: r.pages.map(({ sha256: _s, ...page }) => page),
    catalogs: r.catalogs,
    diagnostics: r.diagnostics,
  });

  it('text glued to the separator row after a header is a stray line, not a table row', () => {
    const text = textOf(S000).replace(/\n---\|\n?$/, '\n---|junk text\n');
    expect(text).toContain('---|junk text');
    const result = readSeedText('glued.txt', text);
    expect(result.pages[0]!.errors).toEqual([]);
    const stray = result.diagnostics.filter((d) => d.code === 'TBK028');
    expect(stray.map((d) => [d.line, d.level, d.message])).toEqual([
      [202, 'warning', '"junk text" is outside any known table or sample; skipped'],
    ]);
  });

  it('10 MB glued to the last separator: nothing of it reaches the page, the message quotes 60 characters', () => {
    const text = `${textOf(S000).replace(/\n$/, '')}${'junk text '.repeat(1_000_000)}`;
    const result = readSeedText('huge.txt', text);
    expect(JSON.stringify(result.pages).length).toBeLessThan(100_000);
    expect(Math.max(...result.diagnostics.map((d) => d.message.length))).toBeLessThan(300);
  });

  it.each([
    ['CR LF', '\r\n'],
    ['CR CR LF (a CRLF file converted again)', '\r\r\n'],
    ['a lone CR (old Mac line ends)', '\r'],
  ])('%s line ends give the same page as LF: no CR is kept in any value', (_name, eol) => {
    for (const seed of SEEDS) {
      const lf = readSeedText('page.txt', textOf(seed));
      const other = readSeedText('page.txt', textOf(seed).replace(/\n/g, eol));
      expect(JSON.stringify(other.pages)).not.toContain('\\r');
      expect(facts(other)).toEqual(facts(lf));
    }
  });

  it('a junk prefix of 50k <div> before the page does not replace its XML sample', () => {
    for (const seed of SEEDS) {
      const clean = read(seed).pages[0]!;
      const page = readSeedText('prefixed.txt', `${'<div>'.repeat(50_000)}${textOf(seed)}`).pages[0]!;
      expect(page.samples.xml?.value).toBe(clean.samples.xml?.value);
      expect(page.samples.error_xml?.value).toBe(clean.samples.error_xml?.value);
    }
  });
});

/** Deterministic noise (xorshift32), so a failure can be replayed. */
function randomBytes(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}
