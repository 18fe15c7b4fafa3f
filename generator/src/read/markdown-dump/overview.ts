/**
 * The dump's overview (`##API接口总览`): one line per method,
 * `` -`taobao.tbk.item.convert` (24516) - 淘宝客-推广者-商品链接转换 ``. It is the dump's API
 * catalog and the only place that gives the docId of each method.
 */
import type { CatalogEntry } from '../page-model.js';
import { reportAt, type DumpContext } from './blocks.js';
import { DumpCode } from './dump-codes.js';

const ENTRY = /^-\s*`([^`]+)`\s*\((\d+)\)\s*-\s*(.*?)\s*$/;
const LOOKS_LIKE_ENTRY = /^-\s*`/;

export function readDumpOverview(ctx: DumpContext, from: number, to: number): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (let i = from; i < to; i++) {
    const line = ctx.lines[i]!.trim();
    if (!LOOKS_LIKE_ENTRY.test(line)) continue;
    const match = ENTRY.exec(line);
    if (!match || match[3] === '') {
      reportAt(
        ctx,
        'warning',
        DumpCode.overviewLineSkipped,
        i + 1,
        `overview line is not -\`<method>\` (<docId>) - <title>: ${JSON.stringify(line.slice(0, 80))}: skipped`,
      );
      continue;
    }
    entries.push({ title: match[3]!, method: match[1]!.trim(), docId: Number(match[2]), line: i + 1 });
  }
  return entries;
}
