import { describe, expect, it } from 'vitest';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import { parseJsonSample } from '../../generator/src/normalise/repair-sample.js';
import { makePage, p } from './hand-pages.js';

// Seed 004's JSON sample as printed: one unquoted string value.
const SEED_004_JSON =
  '{ "tbk_sc_organization_member_mod_response":{ "result":false, "biz_error_desc":请求账号身份不为主账号, "biz_error_code":101 } }';

describe('parseJsonSample', () => {
  it('leaves valid JSON alone', () => {
    const got = parseJsonSample('{ "a": { "b": [1, "x:y", true, null] } }');
    expect(got).toEqual({
      ok: true,
      value: { a: { b: [1, 'x:y', true, null] } },
      text: '{ "a": { "b": [1, "x:y", true, null] } }',
      repairs: [],
    });
  });

  it("quotes seed 004's unquoted string value and says so", () => {
    const got = parseJsonSample(SEED_004_JSON);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value).toEqual({
      tbk_sc_organization_member_mod_response: {
        result: false,
        biz_error_desc: '请求账号身份不为主账号',
        biz_error_code: 101,
      },
    });
    expect(got.text).toBe(SEED_004_JSON.replace('请求账号身份不为主账号', '"请求账号身份不为主账号"'));
    expect(got.repairs).toEqual([
      { message: 'quoted the unquoted string value of "biz_error_desc": 请求账号身份不为主账号', lineOffset: 0 },
    ]);
  });

  it('quotes an unquoted value before a closing brace and reports its line', () => {
    // The markdown dump's taobao.tbk.feed.opt.upload sample, shortened.
    const text = '{\n  "data":true,\n  "result_msg":内部服务发生错误\n}';
    const got = parseJsonSample(text);
    expect(got.ok && got.value).toEqual({ data: true, result_msg: '内部服务发生错误' });
    expect(got.ok && got.repairs.map((r) => r.lineOffset)).toEqual([2]);
  });

  it('does not repair an empty value: it could be "", null or a number', () => {
    // taobao.tbk.relation.refund in the markdown dump (corpus README).
    const text = '{\n  "result":{\n    "tb_trade_parent_id":,\n    "tb_trade_id":1\n  }\n}';
    expect(parseJsonSample(text)).toEqual({
      ok: false,
      message: '"tb_trade_parent_id" has no value; it could be "", null or a number',
      lineOffset: 2,
    });
  });

  it('writes null for an empty member when the table confirms the field has no example', () => {
    // taobao.tbk.relation.refund in the markdown dump: the doc site prints each field's demo
    // value and these fields have none, so there is no value to keep.
    const text = '{\n  "result":{\n    "tb_trade_parent_id":,\n    "tb_trade_id":1,\n    "refund_type":\n  }\n}';
    const got = parseJsonSample(text, { hasNoExample: (key) => key !== 'tb_trade_id' });
    expect(got.ok && got.value).toEqual({ result: { tb_trade_parent_id: null, tb_trade_id: 1, refund_type: null } });
    expect(got.ok && got.repairs.map((r) => [r.lineOffset, r.message])).toEqual([
      [2, 'wrote null for "tb_trade_parent_id", printed without a value (its table gives no example)'],
      [5, 'wrote null for "refund_type", printed without a value (its table gives no example)'],
    ]);
  });

  it('still refuses an empty member whose field has an example or is not documented', () => {
    const text = '{ "a":, "b":1 }';
    expect(parseJsonSample(text, { hasNoExample: () => false }).ok).toBe(false);
  });

  it.each([
    ['a value that may contain a comma', '{ "a":foo, bar, "b":1 }'],
    ['a value holding a quote', '{ "a":foo"bar, "b":1 }'],
    ['a value that runs to the end', '{ "a":foo'],
  ])('does not repair %s', (_label, text) => {
    expect(parseJsonSample(text).ok).toBe(false);
  });

  it('reports JSON that stays invalid after quoting', () => {
    const got = parseJsonSample('{ "a":foo, "b":[1,,2] }');
    expect(got.ok).toBe(false);
    expect(!got.ok && got.message).toMatch(/^not valid JSON/);
  });
});

describe('repairs in the built spec', () => {
  const page004 = () =>
    makePage({
      file: 'pages/004.txt',
      method: 'taobao.tbk.sc.organization.member.mod',
      response: [
        p('result', 'Boolean', { line: 189 }),
        p('biz_error_desc', 'String', { line: 190 }),
        p('biz_error_code', 'Number', { line: 191 }),
      ],
      samples: { json: SEED_004_JSON },
    });

  it('keeps the repaired text, records the original and warns with page and line', () => {
    const { specs, diagnostics } = buildSpecs([page004()]);
    const spec = specs[0]!;
    expect(spec.samples.json).toBe(SEED_004_JSON.replace('请求账号身份不为主账号', '"请求账号身份不为主账号"'));
    expect(spec.repairs).toEqual([
      {
        sample: 'json',
        message: 'quoted the unquoted string value of "biz_error_desc": 请求账号身份不为主账号',
        original: SEED_004_JSON,
      },
    ]);
    expect(diagnostics).toEqual([
      {
        file: 'pages/004.txt',
        line: 51,
        level: 'warning',
        code: 'TBK110',
        message:
          'json sample is not valid JSON; repaired: quoted the unquoted string value of "biz_error_desc": 请求账号身份不为主账号',
      },
    ]);
  });

  it('reports an empty value as an error, keeps the text and infers nothing from it', () => {
    const text = '{ "tbk_relation_refund_response":{ "result":{ "tb_trade_parent_id":, "tb_trade_id":1 } } }';
    const page = makePage({
      file: 'dump.md',
      format: 'markdown-dump',
      method: 'taobao.tbk.relation.refund',
      response: [p('result', 'RpcResult', { line: 7 })],
      samples: { json: text },
    });
    const { specs, diagnostics } = buildSpecs([page]);
    expect(specs[0]!.samples.json).toBe(text);
    expect(specs[0]!.repairs).toBeUndefined();
    expect(specs[0]!.types).toEqual({ RpcResult: [] });
    expect(diagnostics.map((d) => [d.line, d.level, d.code])).toEqual([
      [7, 'warning', 'TBK141'],
      [51, 'error', 'TBK111'],
    ]);
    expect(diagnostics[1]!.message).toContain('"tb_trade_parent_id" has no value');
  });
});
