/**
 * Reader for the seed doc pages (`spec/pages/*.txt`): one method's doc page of the open.taobao.com
 * doc site rendered to text (corpus README, "Seed pages"). The page does not print its method
 * name or title; the name comes from the SDK samples, the title is left to other sources.
 */
import type { ReadResult, Reader } from '../page-model.js';
import { SeedCode } from './reader-codes.js';
import { assemblePage } from './scan-to-page.js';
import { scanSeedText } from './scan-text.js';

export const readSeedText: Reader = (file: string, text: string): ReadResult => {
  if (text.trim() === '') {
    return {
      pages: [],
      catalogs: [],
      diagnostics: [{ file, line: 0, level: 'error', code: SeedCode.emptyPage, message: 'page is empty' }],
    };
  }
  return assemblePage(scanSeedText(text), { file, text, format: 'seed-text' });
};
