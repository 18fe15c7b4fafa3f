/**
 * Catalog changes: API titles added, removed and renamed between two catalogs (spec/catalog.yaml).
 * A catalog lists every title of every snapshot it was built from, so a title is "in" a catalog
 * when any of its snapshots lists it.
 *
 * A removed title and an added title are one rename when something links them, strongest first:
 * 1. `method`: both map to the same method (a source printed it beside each title);
 * 2. `also_titled`: either catalog records one as another title of the other (a catalog built
 *    from several seed navs knows their drift: 售后退款 ↔ 维权退款, 自定义服务组 → 自定义账号组);
 * 3. `title-drift`: the nav rename rule of normalise/title-drift.ts (same role, similarity ≥ 0.7,
 *    each the other's single best match) applied to the unlinked rest. A catalog keeps titles
 *    sorted, not in nav order, so the rule runs over all removed and added titles at once; on
 *    the five seed navs this pairs exactly what the positional rule pairs. Two titles that
 *    sources map to different methods are never paired.
 */
import type { CatalogSpec, CatalogTitle } from '../spec/model.js';
import { DRIFT_SIMILARITY, titleRole, titleSimilarity } from '../normalise/title-drift.js';
import { compareText } from './compare-text.js';
import type { CatalogChange, CatalogLink } from './diff-model.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Pairs of titles some catalog records as titles of the same API. */
function collectAliases(catalogs: readonly CatalogSpec[]): Set<string> {
  const out = new Set<string>();
  for (const catalog of catalogs) {
    for (const t of catalog.titles) for (const other of t.also_titled ?? []) out.add(pairKey(t.title, other));
  }
  return out;
}

function conflicting(a: CatalogTitle, b: CatalogTitle): boolean {
  return a.method !== undefined && b.method !== undefined && a.method !== b.method;
}

/** The single best drift match of `title` among `candidates`, or undefined (none, or a tie). */
function bestDriftMatch(title: CatalogTitle, candidates: readonly CatalogTitle[]): CatalogTitle | undefined {
  const scored = candidates
    .filter((c) => !conflicting(title, c) && titleRole(c.title) === titleRole(title.title))
    .map((c) => ({ c, s: titleSimilarity(title.title, c.title) }))
    .filter((x) => x.s >= DRIFT_SIMILARITY)
    .sort((x, y) => y.s - x.s);
  if (!scored.length || (scored.length > 1 && scored[1]!.s === scored[0]!.s)) return undefined;
  return scored[0]!.c;
}

export function diffCatalog(before: CatalogSpec, after: CatalogSpec): CatalogChange[] {
  const oldTitles = new Set(before.titles.map((t) => t.title));
  const newTitles = new Set(after.titles.map((t) => t.title));
  let removed = before.titles.filter((t) => !newTitles.has(t.title));
  let added = after.titles.filter((t) => !oldTitles.has(t.title));
  const aliases = collectAliases([before, after]);
  const out: CatalogChange[] = [];
  const pair = (from: CatalogTitle, to: CatalogTitle, linkedBy: CatalogLink) => {
    const method = to.method ?? from.method;
    out.push({ kind: 'title-renamed', title: to.title, from: from.title, ...(method ? { method } : {}), linkedBy });
    removed = removed.filter((t) => t !== from);
    added = added.filter((t) => t !== to);
  };
  const links: [CatalogLink, (a: CatalogTitle, b: CatalogTitle) => boolean][] = [
    ['method', (a, b) => a.method !== undefined && a.method === b.method],
    ['also_titled', (a, b) => !conflicting(a, b) && aliases.has(pairKey(a.title, b.title))],
  ];
  for (const [link, linked] of links) {
    for (const from of [...removed]) {
      const to = added.find((t) => linked(from, t));
      if (to) pair(from, to, link);
    }
  }
  const drift: [CatalogTitle, CatalogTitle][] = [];
  for (const from of removed) {
    const to = bestDriftMatch(from, added);
    if (to && bestDriftMatch(to, removed) === from) drift.push([from, to]);
  }
  for (const [from, to] of drift) pair(from, to, 'title-drift');
  for (const t of removed)
    out.push({ kind: 'title-removed', title: t.title, ...(t.method ? { method: t.method } : {}) });
  for (const t of added) out.push({ kind: 'title-added', title: t.title, ...(t.method ? { method: t.method } : {}) });
  const order = { 'title-removed': 0, 'title-renamed': 1, 'title-added': 2 } as const;
  return out.sort(
    (a, b) => order[a.kind] - order[b.kind] || compareText(a.title, b.title) || compareText(a.from ?? '', b.from ?? ''),
  );
}
