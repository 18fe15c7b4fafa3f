/**
 * The catalog (`spec/catalog.yaml`): every distinct API title any snapshot printed — the five
 * seed navs, the markdown dump's overview, the doc records' titles, a fetched catalog — with
 * the snapshots it appears in, the method where a source names one, and whether a spec exists.
 * A title that drifts between snapshots stays one entry per title, linked to its other titles
 * through `also_titled`: by method where a source names it, between seed navs (which name no
 * method) by the rename rule of title-drift.ts. Methods are never passed along such a link:
 * a title only carries a method that some source printed beside it.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { CatalogSnapshot } from '../read/page-model.js';
import type { CatalogSpec, CatalogTitle, MethodSpec } from '../spec/model.js';
import { findTitleRenames } from './title-drift.js';
import { CODES } from './normaliser-codes.js';

export interface BuildCatalogOptions {
  /**
   * The catalog already on disk. Its snapshots that were not read again are kept, with their
   * titles and links: scraping some sources never drops what others contributed.
   */
  previous?: CatalogSpec;
  /** Receives the catalog's own problems (a title printed for two methods, refused links). */
  diagnostics?: Diagnostic[];
}

/** Code-unit order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildCatalog(
  snapshots: readonly CatalogSnapshot[],
  specs: ReadonlyMap<string, MethodSpec> | ReadonlySet<string>,
  options: BuildCatalogOptions = {},
): CatalogSpec {
  const diagnostics = options.diagnostics ?? [];
  const merged = mergeSnapshots(snapshots);
  const carried = carriedSnapshots(options.previous, new Set(merged.map((s) => s.id)));
  const all = [...merged, ...carried.snapshots].sort((a, b) => byText(a.id, b.id));

  const appearances = new Map<string, Set<string>>();
  const methods = new Map<string, Map<string, { file: string; line: number }>>();
  for (const snapshot of all) {
    for (const entry of snapshot.entries) {
      const title = entry.title.trim();
      if (!title) continue;
      if (!appearances.has(title)) appearances.set(title, new Set());
      appearances.get(title)!.add(snapshot.id);
      if (!entry.method) continue;
      if (!methods.has(title)) methods.set(title, new Map());
      if (!methods.get(title)!.has(entry.method))
        methods.get(title)!.set(entry.method, { file: snapshot.file, line: entry.line });
    }
  }
  // One entry per title; a title the doc site prints for two APIs gets one entry per method
  // (the dump's overview and seed 003's nav both print 淘宝客-推广者-拉新承接页转链 for
  // taobao.tbk.dg.vc.landing.link.convert and taobao.tbk.sc.vc.landing.link.convert).
  const nodes = new Map<string, CatalogNode[]>();
  for (const title of [...appearances.keys()].sort(byText)) {
    const found = methods.get(title);
    const names = found ? [...found.keys()].sort(byText) : [];
    nodes.set(title, names.length ? names.map((method) => ({ title, method })) : [{ title }]);
    if (names.length > 1) {
      const where = found!.get(names[1]!)!;
      diagnostics.push({
        ...where,
        level: 'warning',
        code: CODES.sharedTitle,
        message: `title "${title}" is printed for ${names.length} methods (${names.join(', ')}); the catalog lists it once per method`,
      });
    }
  }

  const groups = new NodeGroups();
  const byMethod = new Map<string, CatalogNode>();
  for (const node of [...nodes.values()].flat()) {
    if (!node.method) continue;
    const first = byMethod.get(node.method);
    if (first) groups.join(first, node);
    else byMethod.set(node.method, node);
  }
  /** Links by title only where each title stands for one API. */
  const linkTitles = (a: string, b: string): boolean => {
    const [x, y] = [nodes.get(a), nodes.get(b)];
    return !x || !y || x.length !== 1 || y.length !== 1 || groups.join(x[0]!, y[0]!);
  };
  // Only navs read now: a carried snapshot has lost its entries' order, which the rule needs.
  const navs = merged.filter((s) => s.kind === 'seed-nav');
  for (let i = 1; i < navs.length; i++) {
    const before = navs[i - 1]!.entries.map((e) => e.title.trim());
    const after = navs[i]!.entries.map((e) => e.title.trim());
    for (const [old, renamed] of findTitleRenames(before, after)) {
      if (!linkTitles(old, renamed)) {
        const line = navs[i]!.entries.find((e) => e.title.trim() === renamed)?.line ?? 0;
        diagnostics.push({
          file: navs[i]!.file,
          line,
          level: 'notice',
          code: CODES.renameNotLinked,
          message: `"${old}" → "${renamed}" looks like a rename but the titles belong to different methods; not linked`,
        });
      }
    }
  }
  for (const [a, b] of carried.links) linkTitles(a, b);

  const titles: CatalogTitle[] = [...nodes.values()].flat().map((node) => {
    // Key order is the YAML's: title, method, snapshots, spec, also_titled (model.ts).
    const entry: CatalogTitle = {
      title: node.title,
      ...(node.method ? { method: node.method } : {}),
      snapshots: [...appearances.get(node.title)!].sort(byText),
      spec: node.method !== undefined && specs.has(node.method),
    };
    const others = new Set(groups.members(node).map((n) => n.title));
    others.delete(node.title);
    if (others.size) entry.also_titled = [...others].sort(byText);
    return entry;
  });
  return {
    snapshots: all.map((s) => ({
      id: s.id,
      file: s.file,
      kind: s.kind,
      titles: new Set(s.entries.map((e) => e.title.trim()).filter(Boolean)).size,
    })),
    titles,
  };
}

interface CatalogNode {
  title: string;
  method?: string;
}

/** Records arrive as one snapshot per file with their folder as id: one snapshot per id. */
function mergeSnapshots(snapshots: readonly CatalogSnapshot[]): CatalogSnapshot[] {
  const byId = new Map<string, CatalogSnapshot>();
  for (const s of [...snapshots].sort((a, b) => byText(a.id, b.id) || byText(a.file, b.file))) {
    const seen = byId.get(s.id);
    if (!seen) byId.set(s.id, { id: s.id, file: s.file, kind: s.kind, entries: [...s.entries] });
    else {
      seen.entries.push(...s.entries);
      if (seen.file !== s.file) seen.file = s.id;
    }
  }
  return [...byId.values()];
}

/** Snapshots of the previous catalog that were not read again, and its links among titles. */
function carriedSnapshots(
  previous: CatalogSpec | undefined,
  fresh: ReadonlySet<string>,
): { snapshots: CatalogSnapshot[]; links: [string, string][] } {
  if (!previous) return { snapshots: [], links: [] };
  const kept = previous.snapshots.filter((s) => !fresh.has(s.id));
  const snapshots: CatalogSnapshot[] = kept.map((s) => ({
    id: s.id,
    file: s.file,
    kind: s.kind as CatalogSnapshot['kind'],
    entries: [],
  }));
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const links: [string, string][] = [];
  for (const t of previous.titles) {
    const carriedHere = t.snapshots.filter((id) => byId.has(id));
    for (const id of carriedHere) byId.get(id)!.entries.push({ title: t.title, method: t.method, line: 0 });
    if (carriedHere.length) for (const other of t.also_titled ?? []) links.push([t.title, other]);
  }
  return { snapshots, links };
}

/** Union-find over catalog entries that refuses to join two groups of different methods. */
class NodeGroups {
  private parent = new Map<CatalogNode, CatalogNode>();
  private method = new Map<CatalogNode, string | undefined>();

  private find(node: CatalogNode): CatalogNode {
    if (!this.parent.has(node)) {
      this.parent.set(node, node);
      this.method.set(node, node.method);
    }
    let root = node;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(node, root);
    return root;
  }

  join(a: CatalogNode, b: CatalogNode): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ma = this.method.get(ra);
    const mb = this.method.get(rb);
    if (ma !== undefined && mb !== undefined && ma !== mb) return false;
    this.parent.set(rb, ra);
    this.method.set(ra, ma ?? mb);
    return true;
  }

  members(node: CatalogNode): CatalogNode[] {
    if (!this.parent.has(node)) return [node];
    const root = this.find(node);
    return [...this.parent.keys()].filter((n) => this.find(n) === root);
  }
}
