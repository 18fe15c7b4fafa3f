/**
 * Every page of spec/pages and the shared corpus, read by the real readers, builds into the
 * 112 specs the corpus README counts. The only errors are the three dump samples documented in
 * docs/diagnostics.md (TBK111: an empty value cannot be repaired unambiguously).
 */
import { describe, expect, it } from 'vitest';
import { buildSpecs } from '../../generator/src/spec/build-specs.js';
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

  it('with errors only for the three dump samples that have an empty value', () => {
    const errors = diagnostics.filter((d) => d.level === 'error').map((d) => `${d.file}:${d.line} ${d.code} ${d.message.split(';')[0]}`);
    expect(errors).toEqual([
      '../shared/corpus/markdown-dump/tbk-doc-dump.md:1684 TBK111 json sample is not valid JSON and cannot be repaired unambiguously: "bind_card_valid_user_cnt" has no value',
      '../shared/corpus/markdown-dump/tbk-doc-dump.md:1803 TBK111 json sample is not valid JSON and cannot be repaired unambiguously: "tb_trade_parent_id" has no value',
      '../shared/corpus/markdown-dump/tbk-doc-dump.md:2070 TBK111 json sample is not valid JSON and cannot be repaired unambiguously: "special_id" has no value',
    ]);
  });

  it('finds every sample under the root key and list wrappers the gateway conventions give', () => {
    expect(diagnostics.filter((d) => d.code === 'TBK113' || d.code === 'TBK121')).toEqual([]);
  });

  it('repairs the two dump samples with an unquoted string value', () => {
    const repaired = specs.filter((s) => s.repairs).map((s) => s.method);
    expect(repaired).toEqual(['taobao.tbk.feed.indicator.upload', 'taobao.tbk.feed.opt.upload', 'taobao.tbk.sc.organization.member.mod']);
  });

  it('into spec files that pass the spec schema and cross-checks', () => {
    const problems = specs.flatMap((spec) => validateMethodValue(`${spec.method}.yaml`, canonicalMethodSpec(spec), serializeMethodSpec(spec)));
    expect(problems).toEqual([]);
  });

  it('knows the auth of every method that has a seed page or a full doc record, and only of those', () => {
    const withEvidence = new Set(pages.filter((page) => page.format === 'seed-text' || page.format === 'doc-record').map((page) => page.method?.value));
    for (const spec of specs) expect([spec.method, spec.auth !== 'unknown']).toEqual([spec.method, withEvidence.has(spec.method)]);
  });
});
