/**
 * `README.md` of the package: the logic-free handlebars template `templates/readme.md.hbs`
 * (style.md rule 5) filled with the view of readme-view.ts. The method index is a list, not a
 * table: prettier pads table columns to the longest cell, so one new long title would rewrite
 * every row of the diff.
 */
import Handlebars from 'handlebars';
import { alignMarkdownTables } from '../print/markdown-tables.js';
import { paths } from './package-layout.js';
import type { ReadmeView } from './readme-view.js';

export function emitReadme(view: ReadmeView, template: string): { path: string; source: string } {
  const render = Handlebars.compile(template, { noEscape: true, strict: true });
  // Final form: tables aligned as prettier aligns them (nothing else in the template needs it).
  return { path: paths.readme, source: alignMarkdownTables(render(view).replace(/\r\n/g, '\n')) };
}
