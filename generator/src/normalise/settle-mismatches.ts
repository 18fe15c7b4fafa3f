/**
 * Table-vs-sample mismatches (normaliser warning TBK120) that an override settled. The
 * normaliser runs before overrides and keeps the table's type, so seed 004's
 * `biz_error_desc` (typed Boolean, sample a sentence) is reported on every scrape even though
 * spec/overrides/taobao.tbk.sc.organization.member.mod.yaml fixes it. Once the override has
 * changed that field's type, or accepted the mismatch, the warning becomes a notice that
 * names the override, so a clean scrape stays clean.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { Page } from '../read/page-model.js';
import type { MethodSpec, SpecField } from '../spec/model.js';
import { CODES } from './normaliser-codes.js';

/** `response.biz_error_desc: the table types it Boolean but …` → owner, field, table type. */
const MISMATCH = /^([A-Za-z_][A-Za-z0-9_]*)\.([^\s:]+): the table types it (.+?) but /;

/** The method whose page holds `line` of `file` (the page starting last at or before it). */
function methodAt(pages: readonly Page[], file: string, line: number): string | undefined {
  let best: Page | undefined;
  for (const page of pages) {
    if (page.file !== file || page.line > line || !page.method) continue;
    if (!best || page.line > best.line) best = page;
  }
  return best?.method?.value;
}

export function settleMismatches(
  diagnostics: readonly Diagnostic[],
  pages: readonly Page[],
  specs: readonly MethodSpec[],
): Diagnostic[] {
  const byMethod = new Map(specs.map((s) => [s.method, s]));
  return diagnostics.map((d) => {
    if (d.code !== CODES.sampleTypeMismatch || d.level !== 'warning') return d;
    const match = MISMATCH.exec(d.message);
    const method = match ? methodAt(pages, d.file, d.line) : undefined;
    const spec = method ? byMethod.get(method) : undefined;
    if (!match || !spec?.override) return d;
    const [, owner, name, tableType] = match;
    const list: SpecField[] | undefined = owner === 'response' ? spec.response : spec.types[owner!];
    const field = list?.find((f) => f.name === name);
    const path = owner === 'response' ? `response.${name}` : `types.${owner}.${name}`;
    const accepted = spec.accepted_mismatches?.some((m) => m.path === path);
    if (!field || (field.type === tableType && !accepted)) return d;
    return { ...d, level: 'notice', message: `${d.message} (settled by ${spec.override})` };
  });
}
