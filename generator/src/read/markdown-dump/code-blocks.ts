/**
 * Code blocks of the dump's sample sub-sections (`### JSON 响应示例`, `### 异常示例`): the
 * text between the ```` ```json ```` fence and the closing fence, verbatim (lines joined with
 * LF; the dump itself is CRLF), located at the first line of code.
 */
import type { Located } from '../page-model.js';
import { reportAt, reportStrayText, type DumpBlock, type DumpContext } from './blocks.js';
import { DumpCode } from './dump-codes.js';

const FENCE = /^\s*```/;

export function readDumpCode(ctx: DumpContext, sub: DumpBlock): Located<string> | undefined {
  const where = `### ${sub.title} (line ${sub.line})`;
  let open = sub.start;
  while (open < sub.end && !FENCE.test(ctx.lines[open]!)) open++;
  if (open >= sub.end) {
    reportAt(ctx, 'warning', DumpCode.noSample, sub.line, `${where} has no code block: no sample read`);
    reportStrayText(ctx, sub.start, sub.end, `under ${where}`);
    return undefined;
  }
  reportStrayText(ctx, sub.start, open, `before the code block of ${where}`);
  let close = open + 1;
  while (close < sub.end && !/^\s*```\s*$/.test(ctx.lines[close]!)) close++;
  if (close >= sub.end) {
    reportAt(
      ctx,
      'error',
      DumpCode.codeBlockUnclosed,
      open + 1,
      `code block of ${where} is not closed before ${sub.end >= ctx.lines.length ? 'the end of the file' : `line ${sub.end + 1}`}: sample dropped`,
    );
    return undefined;
  }
  reportStrayText(ctx, close + 1, sub.end, `after the code block of ${where}`);
  const code = ctx.lines.slice(open + 1, close);
  if (code.every((line) => line.trim() === '')) {
    reportAt(ctx, 'warning', DumpCode.noSample, open + 1, `code block of ${where} is empty: no sample read`);
    return undefined;
  }
  return { value: code.join('\n'), line: open + 2 };
}
