/**
 * The five seed pages, read by the seed reader and normalised alone: the full spec each must
 * give, written out from the pages' own tables and samples.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/src/report/diagnostic.js';
import { readSeedText } from '../../generator/src/read/rendered-page/read-text-page.js';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { REPO_ROOT } from './corpus-pages.js';

const ERROR_JSON =
  '{ "error_response":{ "msg":"Remote service error", "code":50, "sub_msg":"非法参数", "sub_code":"isv.invalid-parameter" } }';
const ERROR_XML =
  '<error_response> <code>50</code> <msg>Remote service error</msg> <sub_code>isv.invalid-parameter</sub_code> <sub_msg>非法参数</sub_msg> </error_response>';

function buildSeed(name: string): { spec: MethodSpec; diagnostics: Diagnostic[]; file: string; sha256: string } {
  const file = `spec/pages/rendered-pages/${name}`;
  const bytes = readFileSync(path.join(REPO_ROOT, file));
  const { pages } = readSeedText(file, bytes.toString('utf8'));
  const { specs, diagnostics } = buildSpecs(pages);
  expect(specs).toHaveLength(1);
  return { spec: specs[0]!, diagnostics, file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('seed pages → specs', () => {
  it('000: taobao.tbk.uvid.encrypt, UvIdGenerateRes inferred from the JSON sample', () => {
    const { spec, diagnostics, file, sha256 } = buildSeed('000_a8847ce389c68a49.txt');
    expect(spec).toEqual({
      method: 'taobao.tbk.uvid.encrypt',
      auth: 'none',
      request: [
        {
          name: 'tk_domain',
          type: 'Number',
          required: true,
          example: '1',
          description: '淘客业务域,1-导购 2-流量 3-社群 4-代理 5-返利',
        },
        { name: 'source_type', type: 'Number', required: false, example: '1', description: '媒体侧用户id,固定传1' },
        {
          name: 'source_values',
          type: 'String',
          required: false,
          example: '123,123',
          description: '原始用户id值,传入多个时请使用英文逗号分隔,最多不超过10个',
        },
        {
          name: 'main_accountid',
          type: 'Number',
          required: false,
          example: '1231231',
          description: '联盟账号组的主账号ID,传入时使用账号组维度创建',
        },
        {
          name: 'device_type',
          type: 'String',
          required: false,
          example: '1',
          description: '设备号类型,1-OAID 不加密 2-IMEI md5加密 3-IDFA md5加密 4-CAID 5-CAID2 6-OAID md5加密',
        },
        { name: 'device_value', type: 'String', required: false, example: '123-231-2313cdsa', description: '设备值' },
        {
          name: 'caid_version',
          type: 'String',
          required: false,
          example: '20211113',
          description: 'CAID版本号,使用CAID时必传',
        },
        {
          name: 'group_type',
          type: 'Number',
          required: false,
          example: '1',
          description: '1-媒体账号组,2-自定义账号组。main_accountid不空其他值默认为媒体账号组',
        },
      ],
      response: [{ name: 'result_list', type: 'UvIdGenerateRes[]', description: 'result_list' }],
      types: {
        UvIdGenerateRes: [
          { name: 'error_message', type: 'String', example: 'miss source_values', inferred: true },
          { name: 'encrypted_uvid', type: 'String', example: 'vnt22Qurt6YYmVhBmLnBrsNPL9Ra', inferred: true },
          { name: 'source_value', type: 'String', example: '123', inferred: true },
        ],
      },
      samples: {
        json: '{ "tbk_uvid_encrypt_response":{ "result_list":{ "uv_id_generate_res":[ { "error_message":"miss source_values", "encrypted_uvid":"vnt22Qurt6YYmVhBmLnBrsNPL9Ra", "source_value":"123" } ] } } }',
        xml: '<tbk_uvid_encrypt_response> <result_list> <uv_id_generate_res> <error_message>miss source_values</error_message> <encrypted_uvid>vnt22Qurt6YYmVhBmLnBrsNPL9Ra</encrypted_uvid> <source_value>123</source_value> </uv_id_generate_res> </result_list> </tbk_uvid_encrypt_response>',
        error_json: ERROR_JSON,
        error_xml: ERROR_XML,
      },
      errors: [],
      sources: [{ file, format: 'seed-text', sha256 }],
    });
    expect(diagnostics).toEqual([
      {
        file,
        line: 198,
        level: 'notice',
        code: 'TBK140',
        message: 'UvIdGenerateRes: fields error_message, encrypted_uvid, source_value inferred from the json sample',
      },
    ]);
  });

  it('001: taobao.tbk.sc.pic.embed, a byte[] upload needing a session', () => {
    const { spec, diagnostics, file, sha256 } = buildSeed('001_c45301d665ca6256.txt');
    expect(spec).toEqual({
      method: 'taobao.tbk.sc.pic.embed',
      description:
        '服务商使用。可通过该接口帮助推广者对目标图片生成带有推广者信息的暗码图。使用方法:https://mos.m.taobao.com/union/plttutorials',
      auth: 'required',
      request: [
        { name: 'adzone_id', type: 'Number', required: true, example: '123', description: 'mm_xxx_xxx_xxx的第三位' },
        { name: 'item_id', type: 'Number', required: true, example: '123', description: '商品ID' },
        { name: 'pic_stream', type: 'byte[]', required: false, description: '需打码的图片' },
        { name: 'relation_id', type: 'String', required: false, example: '123', description: '渠道管理ID' },
        { name: 'site_id', type: 'Number', required: true, example: '123', description: 'mm_xxx_xxx_xxx的第二位' },
      ],
      response: [
        { name: 'embed_pic_url', type: 'String', example: 'https://xxx', description: '打码图下载地址,15分钟内有效' },
      ],
      types: {},
      samples: {
        json: '{ "tbk_sc_pic_embed_response":{ "embed_pic_url":"https:\\/\\/xxx" } }',
        xml: '<tbk_sc_pic_embed_response> <embed_pic_url>https://xxx</embed_pic_url> </tbk_sc_pic_embed_response>',
        error_json: ERROR_JSON,
        error_xml: ERROR_XML,
      },
      errors: [],
      sources: [{ file, format: 'seed-text', sha256 }],
    });
    expect(diagnostics).toEqual([]);
  });

  it('002: taobao.tbk.sf.group.activity.callback', () => {
    const { spec, diagnostics, file, sha256 } = buildSeed('002_7d7eaaa7ed50b944.txt');
    expect(spec).toEqual({
      method: 'taobao.tbk.sf.group.activity.callback',
      auth: 'none',
      request: [
        { name: 'group_id', type: 'String', required: true, example: 'R:15323432', description: '群组ID' },
        { name: 'scd_id', type: 'Number', required: false, example: '125452', description: '联盟人群ID' },
        { name: 'res_desc', type: 'String', required: false, example: '配置缺失', description: '推送结果描述' },
        { name: 'res_code', type: 'Number', required: true, example: '1', description: '推送结果' },
        { name: 'msg_id', type: 'String', required: true, example: 'CG8PX7V5', description: '消息标识' },
        {
          name: 'offset_code',
          type: 'String',
          required: true,
          example: '6KNj7vzS6CG8PX7V5',
          description: '计划消费点位。如传入则从该计划下一条开始拉取',
        },
        {
          name: 'time_stamp',
          type: 'Number',
          required: true,
          example: '1749091000704',
          description: '时间戳(毫秒)。同一计划同一消息下多次回调会保留最新一次结果',
        },
      ],
      response: [
        { name: 'is_success', type: 'Boolean', example: 'true', description: '执行成功' },
        { name: 'biz_error_desc', type: 'String', example: '无权限', description: '错误提示信息' },
        { name: 'biz_error_code', type: 'Number', example: '21', description: '错误码' },
      ],
      types: {},
      samples: {
        json: '{ "tbk_sf_group_activity_callback_response":{ "is_success":true, "biz_error_desc":"无权限", "biz_error_code":21 } }',
        xml: '<tbk_sf_group_activity_callback_response> <is_success>true</is_success> <biz_error_desc>无权限</biz_error_desc> <biz_error_code>21</biz_error_code> </tbk_sf_group_activity_callback_response>',
        error_json: ERROR_JSON,
        error_xml: ERROR_XML,
      },
      errors: [],
      sources: [{ file, format: 'seed-text', sha256 }],
    });
    expect(diagnostics).toEqual([]);
  });

  it('003: taobao.tbk.sc.social.crowd.get, outer-pipe tables and multi-line samples', () => {
    const { spec, diagnostics, file, sha256 } = buildSeed('003_0e2e983cd5d64fce.txt');
    expect(spec).toEqual({
      method: 'taobao.tbk.sc.social.crowd.get',
      auth: 'required',
      request: [{ name: 'social_crowd_id', type: 'Number', required: true, example: '12312', description: '社群ID' }],
      response: [
        { name: 'social_crowd_id', type: 'Number', example: '123', description: '社群ID' },
        { name: 'social_crowd_type', type: 'Number', example: '1', description: '人群类型,1:普通社群' },
        { name: 'social_crowd_name', type: 'String', example: '群1', description: '人群名称。最大128字符' },
        { name: 'desc', type: 'String', example: 'desc', description: '人群描述,最大100字符' },
        { name: 'status', type: 'Number', example: '1', description: '状态,1:生效,0:失效' },
        { name: 'create_time', type: 'String', example: '20240101', description: '创建时间' },
        { name: 'member_size', type: 'Number', example: '500', description: '会员数量' },
        { name: 'match_num', type: 'Number', example: '11', description: '群内uvid匹配到消费者数量' },
        { name: 'qmt_id', type: 'String', example: '123', description: '定向任务id' },
      ],
      types: {},
      samples: {
        json: [
          '{',
          '"tbk_sc_social_crowd_get_response":{',
          '"social_crowd_id":123,',
          '"social_crowd_type":1,',
          '"social_crowd_name":"群1",',
          '"desc":"desc",',
          '"status":1,',
          '"create_time":"20240101",',
          '"member_size":500,',
          '"match_num":11,',
          '"qmt_id":"123"',
          '}',
          '}',
        ].join('\n'),
        xml: [
          '<tbk_sc_social_crowd_get_response>',
          '<social_crowd_id>123</social_crowd_id>',
          '<social_crowd_type>1</social_crowd_type>',
          '<social_crowd_name>群1</social_crowd_name>',
          '<desc>desc</desc>',
          '<status>1</status>',
          '<create_time>20240101</create_time>',
          '<member_size>500</member_size>',
          '<match_num>11</match_num>',
          '<qmt_id>123</qmt_id>',
          '</tbk_sc_social_crowd_get_response>',
        ].join('\n'),
        error_json: [
          '{',
          '"error_response":{',
          '"msg":"Remote service error",',
          '"code":50,',
          '"sub_msg":"非法参数",',
          '"sub_code":"isv.invalid-parameter"',
          '}',
          '}',
        ].join('\n'),
        error_xml: [
          '<error_response>',
          '<code>50</code>',
          '<msg>Remote service error</msg>',
          '<sub_code>isv.invalid-parameter</sub_code>',
          '<sub_msg>非法参数</sub_msg>',
          '</error_response>',
        ].join('\n'),
      },
      errors: [],
      sources: [{ file, format: 'seed-text', sha256 }],
    });
    expect(diagnostics).toEqual([]);
  });

  it('004: taobao.tbk.sc.organization.member.mod, a repaired sample and a Boolean holding a sentence', () => {
    const { spec, diagnostics, file, sha256 } = buildSeed('004_278e02791b663900.txt');
    const printed =
      '{ "tbk_sc_organization_member_mod_response":{ "result":false, "biz_error_desc":请求账号身份不为主账号, "biz_error_code":101 } }';
    expect(spec).toEqual({
      method: 'taobao.tbk.sc.organization.member.mod',
      auth: 'required',
      request: [
        { name: 'operate_type', type: 'Number', required: true, example: '1', description: '操作(1-新增 2-剔除 )' },
        {
          name: 'organization_id',
          type: 'Number',
          required: true,
          example: '1356',
          description: '要执行操作的自定义账号组ID',
        },
      ],
      response: [
        { name: 'result', type: 'Boolean', example: 'false', description: '操作成功与否' },
        { name: 'biz_error_desc', type: 'Boolean', example: '请求账号身份不为主账号', description: '失败原因描述' },
        { name: 'biz_error_code', type: 'Number', example: '101', description: '业务错误码' },
      ],
      types: {},
      samples: {
        json: '{ "tbk_sc_organization_member_mod_response":{ "result":false, "biz_error_desc":"请求账号身份不为主账号", "biz_error_code":101 } }',
        xml: '<tbk_sc_organization_member_mod_response> <result>false</result> <biz_error_desc>请求账号身份不为主账号</biz_error_desc> <biz_error_code>101</biz_error_code> </tbk_sc_organization_member_mod_response>',
        error_json: ERROR_JSON,
        error_xml: ERROR_XML,
      },
      errors: [],
      sources: [{ file, format: 'seed-text', sha256 }],
      repairs: [
        {
          sample: 'json',
          message: 'quoted the unquoted string value of "biz_error_desc": 请求账号身份不为主账号',
          original: printed,
        },
      ],
    });
    expect(diagnostics).toEqual([
      {
        file,
        line: 190,
        level: 'warning',
        code: 'TBK120',
        message:
          'response.biz_error_desc: the table types it Boolean but the json sample value is "请求账号身份不为主账号"; type kept',
      },
      {
        file,
        line: 200,
        level: 'warning',
        code: 'TBK110',
        message:
          'json sample is not valid JSON; repaired: quoted the unquoted string value of "biz_error_desc": 请求账号身份不为主账号',
      },
    ]);
  });
});
