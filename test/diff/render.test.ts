import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../generator/src/diff/diff-model.js';
import { diffSpecs } from '../../generator/src/diff/diff-specs.js';
import { renderJson } from '../../generator/src/diff/render-json.js';
import { escapeMarkdown, renderMarkdown } from '../../generator/src/diff/render-markdown.js';
import { renderText } from '../../generator/src/diff/render-text.js';
import { editFields, makeCatalog, makeSide, makeSpec } from './make-spec.js';

/** A report with every kind of section: breaking, compatible and docs methods, a site record, a catalog. */
function sampleReport(): DiffReport {
  const base = makeSpec({ change_diff: { gmt_modified: 1733967521000 - 1000, input: [], output: [] } });
  const after = {
    ...editFields(base, 'request', (f) => [
      ...f,
      { name: 'fields', type: 'String' },
      { name: 'page_no', type: 'Number' },
    ]),
    description: 'desc with | pipe and <b>html</b>',
    change_diff: { gmt_modified: 1733967521000, input: ['[+] fields', '[+] relation_id'], output: [] },
  };
  const gone = makeSpec({ method: 'taobao.tbk.gone.get', title: undefined });
  const docs = makeSpec({ method: 'taobao.tbk.docs.get' });
  const t = (title: string, method?: string) => ({
    title,
    snapshots: ['nav'],
    spec: false,
    ...(method ? { method } : {}),
  });
  return diffSpecs(
    makeSide([base, gone, docs], {
      input: 'HEAD~1',
      catalog: makeCatalog([t('淘宝客-推广者-售后退款订单查询'), t('旧 | 标题')]),
    }),
    makeSide([after, { ...docs, errors: [] }], {
      input: 'spec',
      catalog: makeCatalog([t('淘宝客-推广者-维权退款订单查询'), t('淘宝客-公用-新', 'taobao.tbk.new.get')]),
    }),
  );
}

describe('text', () => {
  it('prints a header, methods breaking first, the site record with its disagreements, the catalog', () => {
    expect(renderText(sampleReport(), { color: false })).toBe(
      [
        'API diff HEAD~1 (spec folder, 3 methods) → spec (spec folder, 2 methods)',
        '1 breaking, 2 compatible, 2 docs only; 3 catalog changes; suggested tbk-client bump: major',
        '',
        'BREAKING taobao.tbk.gone.get removed',
        '',
        'COMPATIBLE taobao.tbk.demo.get (淘宝客-推广者-示例查询)',
        '  compatible request.fields   optional param added (String)',
        '  compatible request.page_no  optional param added (Number)',
        '  docs       description      description changed: "demo" → "desc with | pipe and <b>html</b>"',
        '  doc site change record of 2024-12-12: input [+] fields, [+] relation_id',
        '    shown by our diff too: [+] request.fields',
        '  ! the site lists [+] request.relation_id; our diff does not show it',
        "  ! our diff shows [+] request.page_no; the site's record does not list it",
        '',
        'DOCS taobao.tbk.docs.get (淘宝客-推广者-示例查询)',
        '  docs       errors.isv.invalid-parameter  error code isv.invalid-parameter removed',
        '',
        'CATALOG',
        '  removed  旧 | 标题',
        '  renamed  淘宝客-推广者-售后退款订单查询 → 淘宝客-推广者-维权退款订单查询 (linked by title-drift)',
        '  added    淘宝客-公用-新 [taobao.tbk.new.get]',
        '',
      ].join('\n'),
    );
  });

  it('colours severities and headings only when asked', () => {
    const coloured = renderText(sampleReport(), { color: true });
    expect(coloured).toContain('\u001b[31mBREAKING\u001b[0m \u001b[1mtaobao.tbk.gone.get\u001b[0m');
    expect(coloured).toContain('\u001b[32mcompatible');
    expect(coloured).toContain('\u001b[33m! the site lists');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(sampleReport(), { color: false }));
  });
});

describe('markdown', () => {
  const md = renderMarkdown(sampleReport());

  it('starts with the marker CI uses to find its comment, then the summary table', () => {
    expect(md.split('\n').slice(0, 2)).toEqual(['<!-- tbk-gen diff -->', '## API diff']);
    expect(md).toContain(
      '| 🔴 breaking | 1 |\n| 🟢 compatible | 2 |\n| 📝 docs | 2 |\n| methods added | 0 |\n| methods removed | 1 |',
    );
    expect(md).toContain('| disagreements with the doc site’s change records | 2 |');
  });

  it('lists breaking methods first, open, then compatible and docs ones folded', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('### ') || l.startsWith('<details'));
    expect(headings).toEqual([
      '### Breaking changes',
      '<details open>',
      '### Compatible changes',
      '<details>',
      '### Documentation-only changes',
      '<details>',
      '### Catalog',
    ]);
  });

  it('escapes doc text for table cells: pipes, HTML, line breaks', () => {
    expect(md).toContain(
      '| 📝 docs | `description` | description changed: "demo" → "desc with \\| pipe and &lt;b&gt;html&lt;/b&gt;" |',
    );
    expect(md).toContain('| removed | 旧 \\| 标题 |  |  |');
    expect(escapeMarkdown('a|b\n<c> & d')).toBe('a\\|b &lt;c&gt; &amp; d');
  });

  it('prints the site record, its checks and disagreements under the method', () => {
    expect(md).toContain(
      [
        'doc site change record of 2024-12-12: input [+] fields, [+] relation_id',
        '- shown by our diff too: [+] request.fields',
        '- ⚠️ the site lists [+] request.relation_id; our diff does not show it',
        "- ⚠️ our diff shows [+] request.page_no; the site's record does not list it",
      ].join('\n'),
    );
  });

  it('has no runs of blank lines and ends with one newline', () => {
    expect(md).not.toMatch(/\n\n\n/);
    expect(md.endsWith('|\n')).toBe(true);
  });
});

describe('json', () => {
  it('writes keys in the documented order whatever order objects were built in', () => {
    const parsed = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(parsed)).toEqual(['version', 'old', 'new', 'bump', 'summary', 'methods', 'catalog']);
    const demo = parsed.methods.find((m: { method: string }) => m.method === 'taobao.tbk.demo.get');
    expect(Object.keys(demo)).toEqual(['method', 'title', 'status', 'severity', 'changes', 'changeDiff']);
    expect(Object.keys(demo.changeDiff)).toEqual([
      'gmtModified',
      'input',
      'output',
      'newerThanOld',
      'confirmed',
      'alreadyOnOldSide',
      'uncheckable',
      'missingFromDiff',
      'missingFromSite',
    ]);
    expect(parsed.catalog[1]).toEqual({
      kind: 'title-renamed',
      title: '淘宝客-推广者-维权退款订单查询',
      from: '淘宝客-推广者-售后退款订单查询',
      linkedBy: 'title-drift',
    });
  });

  it('orders the keys of an auth change like any other change', () => {
    const report = diffSpecs(makeSide([makeSpec()]), makeSide([makeSpec({ auth: 'required' })]));
    const [change] = JSON.parse(renderJson(report)).methods[0].changes;
    expect(Object.keys(change)).toEqual(['severity', 'kind', 'path', 'old', 'new', 'message']);
  });

  it('is byte-identical for the same report', () => {
    expect(renderJson(sampleReport())).toBe(renderJson(sampleReport()));
  });
});
