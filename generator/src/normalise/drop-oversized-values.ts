/**
 * Values no doc page holds. The longest text value of the 112 specs is 1.7 KB (a repair note),
 * the longest sample 11 KB; 10 MB glued into a description or a cell once became a 10 MB spec
 * file without a word. A text value past MAX_TEXT_CHARS, or a sample past MAX_SAMPLE_CHARS, is
 * not doc text: it is dropped from the page before normalising, with an error at its line
 * (TBK104), so the committed spec keeps what it had (the loss guard) and nothing huge is written.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { Page, PageParam } from '../read/page-model.js';
import { CODES, diagnostic } from './normaliser-codes.js';

/** About 40× the longest text value of the corpus. */
export const MAX_TEXT_CHARS = 64 * 1024;
/** About 90× the longest sample of the corpus. */
export const MAX_SAMPLE_CHARS = 1024 * 1024;

type TextKey = 'example' | 'default' | 'limitsText' | 'description';
const PARAM_TEXT: readonly TextKey[] = ['example', 'default', 'limitsText', 'description'];

/** Drops oversized values from `page` in place; returns one error per value dropped. */
export function dropOversizedValues(page: Page): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (line: number, path: string, length: number, sample: boolean) =>
    out.push(
      diagnostic(
        { file: page.file, line },
        'error',
        CODES.oversizedValue,
        `${path} is ${length} characters long, more than any doc ${sample ? 'sample' : 'text'} (${sample ? MAX_SAMPLE_CHARS : MAX_TEXT_CHARS}): not doc text; dropped`,
      ),
    );
  for (const key of ['title', 'description'] as const) {
    const value = page[key];
    if (value && value.value.length > MAX_TEXT_CHARS) {
      report(value.line, key, value.value.length, false);
      delete page[key];
    }
  }
  const params = (list: PageParam[], prefix: string): void => {
    for (const param of list) {
      for (const key of PARAM_TEXT) {
        const value = param[key];
        if (value !== undefined && value.length > MAX_TEXT_CHARS) {
          report(param.line, `${prefix}.${param.name}.${key}`, value.length, false);
          delete param[key];
        }
      }
      if (param.children) params(param.children, `${prefix}.${param.name}`);
    }
  };
  params(page.request, 'request');
  params(page.response, 'response');
  for (const error of page.errors) {
    for (const key of ['message', 'solution'] as const) {
      if (error[key].length > MAX_TEXT_CHARS) {
        report(error.line, `errors.${error.code}.${key}`, error[key].length, false);
        error[key] = '';
      }
    }
  }
  for (const [kind, sample] of Object.entries(page.samples)) {
    if (sample && sample.value.length > MAX_SAMPLE_CHARS) {
      report(sample.line, `samples.${kind}`, sample.value.length, true);
      delete page.samples[kind as keyof Page['samples']];
    }
  }
  return out;
}
