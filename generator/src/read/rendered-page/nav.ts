/**
 * The catalog nav at the top of a seed page: the doc site's left-hand list of 淘宝客 API titles,
 * one per line. Two kinds of lines in it are not titles (corpus README, "Seed pages"): seed 002
 * starts with a notice (`注意:以下文档只适用于TOP接口,请谨慎使用!`), and in seed 001 the last line
 * is the API's own description sentence (`服务商使用。可通过该接口…使用方法:https://…`).
 */
import type { CatalogEntry, Located } from '../page-model.js';
import { SeedCode, quote, type Report } from './reader-codes.js';
import type { ScanLine } from './scan-text.js';

// The longest of the 202 titles in the five seed navs has 24 characters; a sentence is longer.
const MAX_TITLE_LENGTH = 40;
// Titles use `-`, `_`, `()`, `【】`, `&` but never sentence punctuation; both lines that are not
// titles in the seeds contain `。`, `:` or `,` (full or half width).
const SENTENCE_PUNCTUATION = /[。，,！!？?；;：:]/;
const CJK = /[\u3400-\u9fff]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const NOTICE_START = /^(注意|提示|说明|公告)/;

/**
 * A catalog title: a short line with at least one Chinese character, no sentence punctuation,
 * no URL, no control characters and no table pipe.
 */
export function isCatalogTitle(text: string): boolean {
  const title = text.trim();
  return (
    title.length > 0 &&
    [...title].length <= MAX_TITLE_LENGTH &&
    CJK.test(title) &&
    !SENTENCE_PUNCTUATION.test(title) &&
    !title.includes('://') &&
    !title.includes('|') &&
    !CONTROL.test(title)
  );
}

/** A banner line such as seed 002's `注意:以下文档只适用于TOP接口,请谨慎使用!`. */
export function looksLikeNotice(text: string): boolean {
  return NOTICE_START.test(text.trim());
}

export interface NavReading {
  entries: CatalogEntry[];
  description?: Located<string>;
}

/**
 * Titles become catalog entries in page order (duplicates kept, as printed). Non-title lines
 * before the first title that start like a notice are notices; the run of Chinese non-title
 * lines after the last title is the page's description; any other line is reported and skipped.
 */
export function readNav(lines: readonly ScanLine[], report: Report): NavReading {
  const titleAt = lines.map((l) => isCatalogTitle(l.text));
  const first = titleAt.indexOf(true);
  const last = titleAt.lastIndexOf(true);
  const reading: NavReading = { entries: [] };
  const seen = new Map<string, number>();
  const descriptionLines: ScanLine[] = [];

  lines.forEach((l, i) => {
    if (titleAt[i]) {
      const earlier = seen.get(l.text);
      if (earlier !== undefined) {
        report(l.line, 'notice', SeedCode.navDuplicate, `catalog title ${quote(l.text)} repeats line ${earlier}`);
      } else seen.set(l.text, l.line);
      reading.entries.push({ title: l.text, line: l.line });
    } else if ((first === -1 || i < first) && looksLikeNotice(l.text)) {
      report(l.line, 'notice', SeedCode.navNotice, `notice line ${quote(l.text)} is not a catalog title`);
    } else if (i > last && CJK.test(l.text) && !CONTROL.test(l.text)) {
      descriptionLines.push(l);
    } else {
      report(
        l.line,
        'warning',
        SeedCode.navNotTitle,
        `line ${quote(l.text)} in the catalog nav is not a title; skipped`,
      );
    }
  });
  if (descriptionLines.length > 0) {
    reading.description = {
      value: descriptionLines.map((l) => l.text).join('\n'),
      line: descriptionLines[0]!.line,
    };
  }
  return reading;
}
