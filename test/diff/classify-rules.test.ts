import { describe, expect, it } from 'vitest';
import type { Severity } from '../../generator/src/diff/diff-model.js';
import type { Diagnostic } from '../../generator/src/report/diagnostic.js';
import { diffSpecs } from '../../generator/src/diff/diff-specs.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { editFields, makeSide, makeSpec, METHOD } from './make-spec.js';

/** Every change as `severity kind path`, the order the report gives. */
function changes(before: MethodSpec[], after: MethodSpec[]): string[] {
  return diffSpecs(makeSide(before), makeSide(after)).methods.flatMap((m) =>
    m.changes.map((c) => `${c.severity} ${c.kind} ${c.path}`),
  );
}

const base = makeSpec();
const withParam = (field: MethodSpec['request'][number]) => editFields(base, 'request', (f) => [...f, field]);
const setParam = (name: string, patch: object) =>
  editFields(base, 'request', (f) => f.map((p) => (p.name === name ? { ...p, ...patch } : p)));
const setItemField = (name: string, patch: object) =>
  editFields(base, 'types.NTbkItem', (f) => f.map((p) => (p.name === name ? { ...p, ...patch } : p)));
const other = makeSpec({ method: 'taobao.tbk.other.get' });
const ITEM_ID = { name: 'item_id', type: 'String', required: true };

/** given old → new, want these changes; and new → old gives `reverse`. */
const RULES: { rule: string; old: MethodSpec[]; new: MethodSpec[]; want: string[]; reverse: string[] }[] = [
  {
    rule: 'method removed is breaking; added is compatible',
    old: [base, other],
    new: [base],
    want: ['breaking method-removed taobao.tbk.other.get'],
    reverse: ['compatible method-added taobao.tbk.other.get'],
  },
  {
    rule: 'request param added as required is breaking; its removal too',
    old: [base],
    new: [withParam({ name: 'site_id', type: 'Number', required: true })],
    want: ['breaking param-added-required request.site_id'],
    reverse: ['breaking param-removed request.site_id'],
  },
  {
    rule: 'optional param added is compatible; removing it is breaking',
    old: [base],
    new: [withParam({ name: 'page_no', type: 'Number', required: false })],
    want: ['compatible param-added-optional request.page_no'],
    reverse: ['breaking param-removed request.page_no'],
  },
  {
    rule: 'a param whose requirement no source states counts as optional',
    old: [base],
    new: [withParam({ name: 'page_size', type: 'Number' })],
    want: ['compatible param-added-optional request.page_size'],
    reverse: ['breaking param-removed request.page_size'],
  },
  {
    rule: 'optional → required is breaking; required → optional is compatible',
    old: [base],
    new: [setParam('q', { required: true })],
    want: ['breaking param-now-required request.q'],
    reverse: ['compatible param-now-optional request.q'],
  },
  {
    rule: 'param type changed is breaking both ways',
    old: [base],
    new: [setParam('q', { type: 'Number' })],
    want: ['breaking type-changed request.q'],
    reverse: ['breaking type-changed request.q'],
  },
  {
    rule: 'param list ↔ scalar is a type change',
    old: [base],
    new: [setParam('q', { type: 'String[]' })],
    want: ['breaking type-changed request.q'],
    reverse: ['breaking type-changed request.q'],
  },
  {
    rule: 'a TOP type change that keeps the generated TypeScript type is docs only (Price ↔ BigDecimal)',
    old: [setParam('q', { type: 'Price' })],
    new: [setParam('q', { type: 'BigDecimal' })],
    want: ['docs top-type-changed request.q'],
    reverse: ['docs top-type-changed request.q'],
  },
  {
    rule: 'a response String ↔ Date is docs only: both are a string in the generated types',
    old: [base],
    new: [setItemField('title', { type: 'Date' })],
    want: ['docs top-type-changed response.results.title'],
    reverse: ['docs top-type-changed response.results.title'],
  },
  {
    rule: 'the same TOP change on a param changes its TypeScript type (string | Date): breaking',
    old: [base],
    new: [setParam('q', { type: 'Date' })],
    want: ['breaking type-changed request.q'],
    reverse: ['breaking type-changed request.q'],
  },
  {
    rule: 'a request struct that becomes used both ways is renamed in TypeScript (…Input): breaking',
    old: [{ ...withParam({ name: 'item_dto', type: 'LkItemDTO' }), types: { ...base.types, LkItemDTO: [ITEM_ID] } }],
    new: [
      {
        ...editFields(withParam({ name: 'item_dto', type: 'LkItemDTO' }), 'response', (f) => [
          ...f,
          { name: 'item', type: 'LkItemDTO' },
        ]),
        types: { ...base.types, LkItemDTO: [ITEM_ID] },
      },
    ],
    want: ['breaking type-changed request.item_dto', 'compatible field-added response.item'],
    reverse: ['breaking type-changed request.item_dto', 'breaking field-removed response.item'],
  },
  {
    rule: 'response field removed is breaking; added is compatible',
    old: [editFields(base, 'response', (f) => [...f, { name: 'total_results', type: 'Number' }])],
    new: [base],
    want: ['breaking field-removed response.total_results'],
    reverse: ['compatible field-added response.total_results'],
  },
  {
    rule: 'response field list ↔ single struct is a type change; its fields are still compared',
    old: [base],
    new: [editFields(base, 'response', () => [{ name: 'results', type: 'NTbkItem', description: '结果' }])],
    want: ['breaking type-changed response.results'],
    reverse: ['breaking type-changed response.results'],
  },
  {
    rule: 'nested struct field added is compatible at its path; removed is breaking',
    old: [base],
    new: [editFields(base, 'types.NTbkItem', (f) => [...f, { name: 'small_images', type: 'String[]' }])],
    want: ['compatible field-added response.results.small_images'],
    reverse: ['breaking field-removed response.results.small_images'],
  },
  {
    rule: 'nested struct field type changed is breaking at its path',
    old: [base],
    new: [setItemField('item_id', { type: 'Number' })],
    want: ['breaking type-changed response.results.item_id'],
    reverse: ['breaking type-changed response.results.item_id'],
  },
  {
    rule: 'nested request struct field added as required is breaking; added optional is compatible',
    old: [
      {
        ...withParam({ name: 'item_dto', type: 'LkItemDTO[]' }),
        types: { ...base.types, LkItemDTO: [{ name: 'item_id', type: 'String', required: true }] },
      },
    ],
    new: [
      {
        ...withParam({ name: 'item_dto', type: 'LkItemDTO[]' }),
        types: {
          ...base.types,
          LkItemDTO: [
            { name: 'item_id', type: 'String', required: true },
            { name: 'manage_pub_id', type: 'Number', required: true },
            { name: 'sku_id', type: 'String', required: false },
          ],
        },
      },
    ],
    want: [
      'breaking param-added-required request.item_dto.manage_pub_id',
      'compatible param-added-optional request.item_dto.sku_id',
    ],
    reverse: [
      'breaking param-removed request.item_dto.manage_pub_id',
      'breaking param-removed request.item_dto.sku_id',
    ],
  },
  {
    rule: 'a struct param added whole is one change, not one per field',
    old: [base],
    new: [
      {
        ...withParam({ name: 'item_dto', type: 'LkItemDTO' }),
        types: { ...base.types, LkItemDTO: [{ name: 'item_id', type: 'String', required: true }] },
      },
    ],
    want: ['compatible param-added-optional request.item_dto'],
    reverse: ['breaking param-removed request.item_dto'],
  },
  {
    rule: 'struct → scalar is one type change; the struct fields are not listed as removed',
    old: [base],
    new: [
      { ...editFields(base, 'response', () => [{ name: 'results', type: 'String', description: '结果' }]), types: {} },
    ],
    want: ['breaking type-changed response.results'],
    reverse: ['breaking type-changed response.results'],
  },
  {
    rule: 'a struct renamed with the same fields is a type change of that field only',
    old: [base],
    new: [
      {
        ...editFields(base, 'response', () => [{ name: 'results', type: 'MapData[]', description: '结果' }]),
        types: { MapData: base.types.NTbkItem! },
      },
    ],
    want: ['breaking type-changed response.results'],
    reverse: ['breaking type-changed response.results'],
  },
  {
    rule: 'a struct whose fields one side does not know is not compared field by field',
    old: [base],
    new: [{ ...base, types: {} }],
    want: ['docs fields-unknown response.results'],
    reverse: ['docs fields-unknown response.results'],
  },
  {
    rule: 'auth none → required is breaking; required → none is compatible',
    old: [base],
    new: [{ ...base, auth: 'required' }],
    want: ['breaking auth-required auth'],
    reverse: ['compatible auth-relaxed auth'],
  },
  {
    rule: 'auth optional → required is breaking; back is compatible',
    old: [{ ...base, auth: 'optional' }],
    new: [{ ...base, auth: 'required' }],
    want: ['breaking auth-required auth'],
    reverse: ['compatible auth-relaxed auth'],
  },
  {
    rule: 'auth unknown counts as optional: unknown → required is breaking, back is compatible',
    old: [{ ...base, auth: 'unknown' }],
    new: [{ ...base, auth: 'required' }],
    want: ['breaking auth-required auth'],
    reverse: ['compatible auth-relaxed auth'],
  },
  {
    rule: 'auth none ↔ optional only changes the docs',
    old: [base],
    new: [{ ...base, auth: 'optional' }],
    want: ['docs auth-changed auth'],
    reverse: ['docs auth-changed auth'],
  },
  {
    rule: 'auth none ↔ unknown only changes the docs',
    old: [base],
    new: [{ ...base, auth: 'unknown' }],
    want: ['docs auth-changed auth'],
    reverse: ['docs auth-changed auth'],
  },
  {
    rule: 'title, description and doc id are docs only',
    old: [base],
    new: [{ ...base, title: '淘宝客-推广者-示例查询(新)', description: 'demo v2', doc_id: 42 }],
    want: ['docs title-changed title', 'docs description-changed description', 'docs doc-id-changed doc_id'],
    reverse: ['docs title-changed title', 'docs description-changed description', 'docs doc-id-changed doc_id'],
  },
  {
    rule: 'field description, example, default and limits are docs only',
    old: [base],
    new: [
      setParam('adzone_id', { description: '推广位 id', example: '456', default: '1', limits: { max_length: 20 } }),
    ],
    want: [
      'docs description-changed request.adzone_id',
      'docs example-changed request.adzone_id',
      'docs default-changed request.adzone_id',
      'docs limits-changed request.adzone_id',
    ],
    reverse: [
      'docs description-changed request.adzone_id',
      'docs example-changed request.adzone_id',
      'docs default-changed request.adzone_id',
      'docs limits-changed request.adzone_id',
    ],
  },
  {
    rule: 'error-code table and samples are docs only',
    old: [base],
    new: [
      {
        ...base,
        samples: { json: '{"a":1}', xml: '<a/>' },
        errors: [
          { code: 'isv.invalid-parameter', message: '参数错误', solution: '检查参数' },
          { code: 'isp.timeout', message: '超时' },
        ],
      },
    ],
    want: [
      'docs sample-changed samples.json',
      'docs sample-added samples.xml',
      'docs error-changed errors.isv.invalid-parameter',
      'docs error-added errors.isp.timeout',
    ],
    reverse: [
      'docs sample-changed samples.json',
      'docs sample-removed samples.xml',
      'docs error-changed errors.isv.invalid-parameter',
      'docs error-removed errors.isp.timeout',
    ],
  },
  {
    rule: 'a field learned from a sample counts like a table field; only its provenance is docs',
    old: [base],
    new: [setItemField('title', { inferred: true })],
    want: ['docs provenance-changed response.results.title'],
    reverse: ['docs provenance-changed response.results.title'],
  },
];

describe('classification rules, both directions', () => {
  for (const r of RULES) {
    it(r.rule, () => {
      expect(changes(r.old, r.new)).toEqual(r.want);
      expect(changes(r.new, r.old)).toEqual(r.reverse);
    });
  }
});

describe('what is not a change', () => {
  it('identical specs give an empty report with bump none', () => {
    const report = diffSpecs(makeSide([base]), makeSide([structuredClone(base)]));
    expect(report.methods).toEqual([]);
    expect(report.bump).toBe('none');
  });
  it('required: false and an unstated requirement are the same', () => {
    expect(changes([base], [setParam('q', { required: undefined })])).toEqual([]);
  });
  it('`Foo []` and `Foo[]` are the same type', () => {
    expect(
      changes(
        [base],
        [editFields(base, 'response', () => [{ name: 'results', type: 'NTbkItem []', description: '结果' }])],
      ),
    ).toEqual([]);
  });
  it('sources, disagreements and repairs are provenance, not API changes', () => {
    const after = {
      ...base,
      sources: [{ file: 'x.md', format: 'markdown-dump' as const, sha256: 'ab' }],
      disagreements: [{ path: 'title', said: [], chose: 'x', rule: 'r' }],
    };
    expect(changes([base], [after])).toEqual([]);
  });
});

describe('types are compared on the generated TypeScript types', () => {
  it('says which TypeScript type stayed the same, or which changed without a TOP change', () => {
    const [priced] = diffSpecs(
      makeSide([setParam('q', { type: 'Price' })]),
      makeSide([setParam('q', { type: 'BigDecimal' })]),
    ).methods;
    expect(priced!.changes).toEqual([
      {
        severity: 'docs',
        kind: 'top-type-changed',
        path: 'request.q',
        old: 'Price',
        new: 'BigDecimal',
        message: 'param TOP type changed Price → BigDecimal (TypeScript type string | number unchanged)',
      },
    ]);
    const oneWay = {
      ...withParam({ name: 'item_dto', type: 'LkItemDTO' }),
      types: { ...base.types, LkItemDTO: [ITEM_ID] },
    };
    const bothWays = editFields(oneWay, 'response', (f) => [...f, { name: 'item', type: 'LkItemDTO' }]);
    const [renamed] = diffSpecs(makeSide([oneWay]), makeSide([bothWays])).methods;
    expect(renamed!.changes[0]).toEqual({
      severity: 'breaking',
      kind: 'type-changed',
      path: 'request.item_dto',
      old: 'LkItemDTO',
      new: 'LkItemDTOInput',
      message: 'param TypeScript type changed LkItemDTO → LkItemDTOInput',
    });
  });

  it('compares a method whose spec the generator rejects on its TOP types, with a warning naming the side', () => {
    // `types: {}` leaves NTbkItem undeclared (TBK301): the new side has no IR for the method.
    const rejected = { ...setParam('q', { type: 'BigDecimal' }), types: {} };
    const diagnostics: Diagnostic[] = [];
    const report = diffSpecs(
      makeSide([setParam('q', { type: 'Price' })], { input: 'OLD' }),
      makeSide([rejected], { input: 'NEW' }),
      {
        diagnostics,
      },
    );
    expect(report.methods.flatMap((m) => m.changes.map((c) => `${c.severity} ${c.kind} ${c.path}`))).toEqual([
      'breaking type-changed request.q',
      'docs fields-unknown response.results',
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'NEW', line: 0, level: 'warning', code: 'TBK410' });
    expect(diagnostics[0]!.message).toMatch(
      /^taobao\.tbk\.demo\.get: the generator rejects this side's spec of the method \(TBK301 response\.results: unknown type "NTbkItem\[\]".*\); its fields are compared on their TOP types, not on the generated TypeScript types$/,
    );
  });

  it('builds no IR, and warns of nothing, for a method whose fields are the same on both sides', () => {
    const rejected = { ...base, types: {}, description: 'other words' };
    const diagnostics: Diagnostic[] = [];
    const report = diffSpecs(makeSide([rejected]), makeSide([{ ...rejected, title: 'x' }]), { diagnostics });
    expect(report.methods.flatMap((m) => m.changes.map((c) => c.kind))).toEqual(['title-changed']);
    expect(diagnostics).toEqual([]);
  });
});

describe('inferred fields', () => {
  it('a removed field learned from a sample is breaking and says so', () => {
    const before = setItemField('title', { inferred: true });
    const after = editFields(before, 'types.NTbkItem', (f) => f.filter((x) => x.name !== 'title'));
    const [m] = diffSpecs(makeSide([before]), makeSide([after])).methods;
    expect(m!.changes).toEqual([
      {
        severity: 'breaking',
        kind: 'field-removed',
        path: 'response.results.title',
        old: 'String',
        inferred: true,
        message: 'response field removed (was String)',
      },
    ]);
  });
});

describe('report order and bump', () => {
  const severityOf = (old: MethodSpec[], now: MethodSpec[]): Severity[] =>
    diffSpecs(makeSide(old), makeSide(now)).methods.map((m) => m.severity);
  it('lists breaking methods first, then compatible, then docs', () => {
    const a = makeSpec({ method: 'taobao.tbk.a.get' });
    const b = makeSpec({ method: 'taobao.tbk.b.get' });
    const c = makeSpec({ method: 'taobao.tbk.c.get' });
    const report = diffSpecs(
      makeSide([a, b, c]),
      makeSide([{ ...a, description: 'x' }, { ...b, auth: 'required' }, c, makeSpec({ method: 'taobao.tbk.d.get' })]),
    );
    expect(report.methods.map((m) => `${m.severity} ${m.method}`)).toEqual([
      'breaking taobao.tbk.b.get',
      'compatible taobao.tbk.d.get',
      'docs taobao.tbk.a.get',
    ]);
    expect(report.summary).toMatchObject({
      breaking: 1,
      compatible: 1,
      docs: 1,
      methodsAdded: 1,
      methodsRemoved: 0,
      methodsChanged: 2,
    });
  });
  it('suggests major, minor, patch or none', () => {
    const bump = (old: MethodSpec[], now: MethodSpec[]) => diffSpecs(makeSide(old), makeSide(now)).bump;
    expect(bump([base], [{ ...base, auth: 'required' }])).toBe('major');
    expect(bump([base], [withParam({ name: 'page_no', type: 'Number' })])).toBe('minor');
    expect(bump([base], [{ ...base, description: 'new words' }])).toBe('patch');
    expect(bump([base], [base])).toBe('none');
    expect(severityOf([base], [{ ...base, auth: 'required', description: 'x' }])).toEqual(['breaking']);
  });
  it('within a method, breaking changes come before compatible and docs ones', () => {
    const after = { ...withParam({ name: 'page_no', type: 'Number' }), description: 'x', auth: 'required' as const };
    expect(changes([base], [after])).toEqual([
      'breaking auth-required auth',
      'compatible param-added-optional request.page_no',
      'docs description-changed description',
    ]);
  });
  it('names the method in every change path of a method-level change', () => {
    expect(changes([base], [])).toEqual([`breaking method-removed ${METHOD}`]);
  });
});
