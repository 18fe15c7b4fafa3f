/**
 * The markdown dump's outline: level-2 headings (`##<method>（<title>）`, `##公共参数`,
 * `##API接口总览`) and, inside a method, level-3 sub-sections (`### 请求参数`, …). Headings split
 * the text even inside an unclosed code block: the dump's samples are JSON and JavaScript,
 * where no line starts with `#`, so a broken fence spoils one sub-section, not the rest of the
 * file (the code-block reader reports the fence).
 */
import type { Diagnostic, Level } from '../../report/diagnostic.js';
import { DumpCode, type DumpCodeValue } from './dump-codes.js';

export interface DumpContext {
  file: string;
  /** The file's lines without line ends (the dump is CRLF; both endings are accepted). */
  lines: string[];
  diagnostics: Diagnostic[];
}

/** A heading and the lines under it: `lines[start .. end)` (0-based indexes, end exclusive). */
export interface DumpBlock {
  title: string;
  /** 1-based line of the heading. */
  line: number;
  start: number;
  end: number;
}

export interface DumpOutline {
  /** Lines before the first heading of the level: `lines[start .. end)`. */
  preamble: { start: number; end: number };
  blocks: DumpBlock[];
}

const HEADINGS = { 2: /^##(?!#)\s*(.*?)\s*$/, 3: /^###(?!#)\s*(.*?)\s*$/ } as const;

export function splitBlocks(lines: readonly string[], start: number, end: number, level: 2 | 3): DumpOutline {
  const blocks: DumpBlock[] = [];
  let preambleEnd = end;
  for (let i = start; i < end; i++) {
    const match = HEADINGS[level].exec(lines[i]!);
    if (!match) continue;
    if (blocks.length === 0) preambleEnd = i;
    const last = blocks.at(-1);
    if (last) last.end = i;
    blocks.push({ title: match[1]!, line: i + 1, start: i + 1, end });
  }
  return { preamble: { start, end: preambleEnd }, blocks };
}

export function reportAt(ctx: DumpContext, level: Level, code: DumpCodeValue, line: number, message: string): void {
  ctx.diagnostics.push({ file: ctx.file, line, level, code, message });
}

/** True for lines that carry nothing: blank, or the `---` rule that separates sections. */
export function isFiller(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed === '---';
}

/** Report text the reader does not use (between `from` and `to`), so nothing is lost silently. */
export function reportStrayText(ctx: DumpContext, from: number, to: number, where: string): void {
  for (let i = from; i < to; i++) {
    if (isFiller(ctx.lines[i]!)) continue;
    reportAt(
      ctx,
      'notice',
      DumpCode.textIgnored,
      i + 1,
      `text ${where} ignored: ${JSON.stringify(ctx.lines[i]!.trim().slice(0, 60))}`,
    );
    return; // one notice per stretch is enough to point a reader at it
  }
}
