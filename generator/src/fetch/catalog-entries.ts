/**
 * API entries of one category of the catalog handler's `data` object
 * (`treeCategories[0].catelogTrees[] → { id, name, catelogList[] }`; category 38 = 淘宝客API).
 */
export interface CatalogApi {
  method: string;
  title: string;
  docId: number;
  /** When the catalog carries it; otherwise freshness is decided by the cache's age rule. */
  gmtModified?: number;
}

export function catalogEntries(data: unknown, category: number): CatalogApi[] | undefined {
  const trees = (data as { treeCategories?: { catelogTrees?: unknown[] }[] })?.treeCategories?.[0]?.catelogTrees;
  if (!Array.isArray(trees)) return undefined;
  const tree = trees.find((t) => (t as { id?: unknown }).id === category) as { catelogList?: unknown[] } | undefined;
  if (!tree || !Array.isArray(tree.catelogList)) return undefined;
  const apis: CatalogApi[] = [];
  for (const raw of tree.catelogList) {
    const e = raw as { name?: unknown; subName?: unknown; docId?: unknown; gmtModified?: unknown };
    if (typeof e.name !== 'string' || typeof e.docId !== 'number') continue;
    apis.push({
      method: e.name,
      title: typeof e.subName === 'string' ? e.subName : '',
      docId: e.docId,
      ...(typeof e.gmtModified === 'number' ? { gmtModified: e.gmtModified } : {}),
    });
  }
  return apis.sort((a, b) => a.method.localeCompare(b.method));
}
