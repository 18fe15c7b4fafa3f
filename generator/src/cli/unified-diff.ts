/**
 * A short unified diff of two texts for `tbk-gen check`: the first hunks of changed lines with
 * two lines of context, cut after `maxLines` lines so one rewritten file cannot flood the
 * output. Lines are compared after the common head and tail are trimmed; the middle is diffed
 * by longest common subsequence when small enough, and otherwise shown as removed then added.
 */
const CONTEXT = 2;
/** Cells of the LCS table past which the middle is shown whole (keeps check fast on big files). */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number };

function diffMiddle(a: string[], b: string[], aStart: number, bStart: number): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text, i) => ({ kind: '-' as const, text, oldLine: aStart + i, newLine: bStart })),
      ...b.map((text, j) => ({ kind: '+' as const, text, oldLine: aStart + n, newLine: bStart + j })),
    ];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j])
      ops.push({ kind: ' ', text: a[i]!, oldLine: aStart + i++, newLine: bStart + j++ });
    else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!))
      ops.push({ kind: '-', text: a[i]!, oldLine: aStart + i++, newLine: bStart + j });
    else ops.push({ kind: '+', text: b[j]!, oldLine: aStart + i, newLine: bStart + j++ });
  }
  return ops;
}

/** The diff of `before` (on disk) and `after` (what a fresh run writes), `maxLines` lines at most. */
export function unifiedDiff(before: string, after: string, maxLines = 12): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(Math.max(0, head - CONTEXT), head).map((text, k) => ({
      kind: ' ' as const,
      text,
      oldLine: head - Math.min(head, CONTEXT) + k,
      newLine: head - Math.min(head, CONTEXT) + k,
    })),
    ...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head, head),
    ...a
      .slice(a.length - tail, a.length - tail + CONTEXT)
      .map((text, k) => ({ kind: ' ' as const, text, oldLine: a.length - tail + k, newLine: b.length - tail + k })),
  ];
  // Keep changed lines and CONTEXT lines around each.
  const keep = ops.map(
    (op, k) => op.kind !== ' ' || ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((o) => o.kind !== ' '),
  );
  const out: string[] = [];
  let shown = 0;
  const changed = ops.filter((op) => op.kind !== ' ').length;
  let printedChanges = 0;
  for (let k = 0; k < ops.length; k++) {
    if (!keep[k]) continue;
    if (shown >= maxLines) {
      out.push(`… ${changed - printedChanges} more changed line(s)`);
      break;
    }
    if (k === 0 || !keep[k - 1]) out.push(`@@ -${ops[k]!.oldLine + 1} +${ops[k]!.newLine + 1} @@`);
    const op = ops[k]!;
    out.push(`${op.kind}${op.text.length > 160 ? `${op.text.slice(0, 160)}…` : op.text}`);
    shown++;
    if (op.kind !== ' ') printedChanges++;
  }
  return out;
}
