/**
 * Renamed APIs between two snapshots of the seed navigation. The navs print titles only, no
 * method names (corpus README "Seed pages"), yet the five seeds show the same APIs under
 * drifting titles: 售后退款订单查询 ↔ 维权退款订单查询 (000→001, 001→002, 003→004),
 * 行为上报 ↔ 商品行为上报 (001→002, 003→004), and 淘宝客-服务商-自定义服务组成员修改 →
 * 淘宝客【服务商】自定义账号组成员修改 (003→004, inside a 31-for-2 replacement).
 *
 * Rule: align the two title lists (longest common subsequence); inside each replaced stretch
 * (titles removed and added at the same position), pair a removed and an added title when
 * - they name the same role (推广者, 服务商, 公用, … after writing `淘宝客【X】` as `淘宝客-X-`),
 * - their similarity (common subsequence of characters / longer length) is at least 0.7,
 * - each is the other's single best match in that stretch.
 * Titles that merely move, or are added or removed alone, are never paired.
 */

export const DRIFT_SIMILARITY = 0.7;

/** `淘宝客【服务商】自定义账号组成员修改` → `淘宝客-服务商-自定义账号组成员修改`. */
export function canonicalTitle(title: string): string {
  return title
    .replace(/【([^】]*)】/g, '-$1-')
    .replace(/^-/, '')
    .replace(/-{2,}/g, '-');
}

/** The role segment of a title (`推广者` in `淘宝客-推广者-…`), or '' when it has none. */
export function titleRole(title: string): string {
  const parts = canonicalTitle(title).split('-');
  const at = parts.indexOf('淘宝客');
  return at >= 0 && at + 2 < parts.length ? parts[at + 1]! : '';
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

export function titleSimilarity(a: string, b: string): number {
  const x = [...canonicalTitle(a)];
  const y = [...canonicalTitle(b)];
  return lcsLength(x, y) / Math.max(x.length, y.length, 1);
}

/** Stretches of `before` replaced by stretches of `after` in an LCS alignment. */
export function replacedStretches(
  before: readonly string[],
  after: readonly string[],
): { removed: string[]; added: string[] }[] {
  const n = before.length;
  const m = after.length;
  // suffix table: lcs[i][j] = LCS of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const stretches: { removed: string[]; added: string[] }[] = [];
  let current = { removed: [] as string[], added: [] as string[] };
  const close = () => {
    if (current.removed.length && current.added.length) stretches.push(current);
    current = { removed: [], added: [] };
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      close();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) current.removed.push(before[i++]!);
    else current.added.push(after[j++]!);
  }
  close();
  return stretches;
}

/** Pairs `[old, new]` of titles renamed between two nav snapshots, by the rule above. */
export function findTitleRenames(before: readonly string[], after: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const { removed, added } of replacedStretches(before, after)) {
    const best = (title: string, candidates: string[]) => {
      const scored = candidates
        .filter((c) => titleRole(c) === titleRole(title))
        .map((c) => ({ c, s: titleSimilarity(title, c) }))
        .filter((x) => x.s >= DRIFT_SIMILARITY)
        .sort((x, y) => y.s - x.s);
      // A tie means two equally good candidates: not a one-for-one replacement.
      if (!scored.length || (scored.length > 1 && scored[1]!.s === scored[0]!.s)) return undefined;
      return scored[0]!.c;
    };
    for (const old of removed) {
      const next = best(old, added);
      if (next !== undefined && best(next, removed) === old) pairs.push([old, next]);
    }
  }
  return pairs;
}
