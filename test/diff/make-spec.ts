/** Small in-memory specs and sides for the diff tests. */
import type { SideSummary } from '../../generator/src/diff/diff-model.js';
import type { SpecSide } from '../../generator/src/diff/spec-side.js';
import type { CatalogSpec, MethodSpec, SpecField } from '../../generator/src/spec/model.js';

export const METHOD = 'taobao.tbk.demo.get';

export function makeSpec(patch: Partial<MethodSpec> = {}): MethodSpec {
  return {
    method: METHOD,
    title: '淘宝客-推广者-示例查询',
    description: 'demo',
    auth: 'none',
    request: [
      { name: 'adzone_id', type: 'Number', required: true, example: '123', description: '推广位id' },
      { name: 'q', type: 'String', required: false, description: '查询词' },
    ],
    response: [{ name: 'results', type: 'NTbkItem[]', description: '结果' }],
    types: {
      NTbkItem: [
        { name: 'item_id', type: 'String', example: '1', description: '商品id' },
        { name: 'title', type: 'String' },
      ],
    },
    samples: { json: '{}' },
    errors: [{ code: 'isv.invalid-parameter', message: '参数错误' }],
    sources: [],
    ...patch,
  };
}

/** A copy of `spec` with one field list changed by `edit`. */
export function editFields(
  spec: MethodSpec,
  where: 'request' | 'response' | `types.${string}`,
  edit: (fields: SpecField[]) => SpecField[],
): MethodSpec {
  const copy = structuredClone(spec);
  if (where === 'request' || where === 'response') copy[where] = edit(copy[where]);
  else copy.types[where.slice(6)] = edit(copy.types[where.slice(6)] ?? []);
  return copy;
}

export function makeSide(
  specs: MethodSpec[],
  extra: { catalog?: CatalogSpec; time?: number; input?: string } = {},
): SpecSide {
  const summary: SideSummary = {
    input: extra.input ?? 'side',
    kind: 'folder',
    methods: specs.length,
    catalogTitles: extra.catalog?.titles.length ?? 0,
  };
  return {
    summary,
    methods: new Map(specs.map((s) => [s.method, s])),
    ...(extra.catalog ? { catalog: extra.catalog } : {}),
    ...(extra.time ? { time: extra.time } : {}),
  };
}

export function makeCatalog(titles: CatalogSpec['titles']): CatalogSpec {
  return { snapshots: [{ id: 'nav', file: 'nav', kind: 'seed-nav', titles: titles.length }], titles };
}
