/**
 * Every page of spec/pages, read by the real readers, builds into the
 * 112 specs of the catalog, without errors: the three dump samples that print empty
 * values (`"tb_trade_parent_id":,`) are repaired because their tables give those fields no example.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSpecs } from '../../generator/src/normalise/build-specs.js';
import { canonicalMethodSpec, serializeMethodSpec } from '../../generator/src/spec/spec-files.js';
import { validateMethodValue } from '../../generator/src/spec/validate-spec.js';
import { allPages } from './corpus-pages.js';

describe('the corpus builds', () => {
  const pages = allPages();
  const { specs, diagnostics } = buildSpecs(pages);

  it('into one spec per method named by any page: 112', () => {
    const methods = [...new Set(pages.map((page) => page.method?.value))].sort();
    expect(specs.map((s) => s.method)).toEqual(methods);
    expect(specs).toHaveLength(112);
  });

  it('into YAML that parses back to exactly the spec (gen hands the written values to generate without parsing them again)', () => {
    for (const spec of specs) {
      // Compared as JSON text: key order reaches the IR and the emitted code, so it must match too.
      expect(JSON.stringify(parse(serializeMethodSpec(spec))), spec.method).toBe(
        JSON.stringify(canonicalMethodSpec(spec)),
      );
    }
  });

  it('without errors', () => {
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('finds every sample under the root key and list wrappers the gateway conventions give', () => {
    expect(diagnostics.filter((d) => d.code === 'TBK113' || d.code === 'TBK121')).toEqual([]);
  });

  it('repairs the samples with an unquoted string value and those with empty values the tables leave without example', () => {
    const repaired = specs
      .filter((s) => s.repairs)
      .map((s) => [
        s.method,
        s.repairs!.map((r) => r.message.replace(/ \([^)]*\)/g, '').replace(/: [^;]*/g, '')).join('; '),
      ]);
    expect(repaired).toEqual([
      [
        'taobao.tbk.dg.newuser.order.sum',
        'wrote null for "bind_card_valid_user_cnt", printed without a value; wrote null for "re_buy_valid_user_cnt", printed without a value; wrote null for "valid_num", printed without a value',
      ],
      [
        'taobao.tbk.dg.punish.order.get',
        'wrote null for "special_id", printed without a value; wrote null for "tb_trade_parent_id", printed without a value',
      ],
      ['taobao.tbk.feed.indicator.upload', 'quoted the unquoted string value of "result_msg"'],
      ['taobao.tbk.feed.opt.upload', 'quoted the unquoted string value of "result_msg"'],
      [
        'taobao.tbk.relation.refund',
        'wrote null for "tb_trade_parent_id", printed without a value; wrote null for "special_id", printed without a value; wrote null for "relation_id", printed without a value; wrote null for "tk3rd_pub_id", printed without a value; wrote null for "tk_pub_id", printed without a value; wrote null for "refund_status", printed without a value; wrote null for "tb_trade_id", printed without a value; wrote null for "refund_type", printed without a value; wrote null for "result_code", printed without a value; wrote null for "biz_error_code", printed without a value',
      ],
      ['taobao.tbk.sc.organization.member.mod', 'quoted the unquoted string value of "biz_error_desc"'],
    ]);
  });

  it('into spec files that pass the spec schema and cross-checks', () => {
    const problems = specs.flatMap((spec) =>
      validateMethodValue(`${spec.method}.yaml`, canonicalMethodSpec(spec), serializeMethodSpec(spec)),
    );
    expect(problems).toEqual([]);
  });

  it('knows the auth of every method that has a seed page or a full doc record, and only of those', () => {
    const withEvidence = new Set(
      pages
        .filter((page) => page.format === 'seed-text' || page.format === 'doc-record')
        .map((page) => page.method?.value),
    );
    for (const spec of specs)
      expect([spec.method, spec.auth !== 'unknown']).toEqual([spec.method, withEvidence.has(spec.method)]);
  });
});
