/**
 * Adding fields to a struct type. The doc prints one struct name with different field subsets
 * at different places (LinkInfoDTO under material_url_list and under shop_url_list in
 * taobao.tbk.dg.general.link.convert), and the struct is their union; the first spelling of a
 * field wins and a field typed differently elsewhere is reported.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { DraftField } from './draft.js';
import { CODES, diagnostic } from './normaliser-codes.js';

export function addStructFields(
  types: Map<string, DraftField[]>,
  name: string,
  fields: readonly DraftField[],
): Diagnostic[] {
  let list = types.get(name);
  if (list === undefined) {
    list = [];
    types.set(name, list);
  }
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const kept = list.find((f) => f.name === field.name);
    if (kept === undefined) list.push(field);
    else if (kept.type !== field.type) {
      const where =
        kept.origin.file === field.origin.file ? `line ${kept.origin.line}` : `${kept.origin.file}:${kept.origin.line}`;
      diagnostics.push(
        diagnostic(
          field.origin,
          'warning',
          CODES.fieldTypeClash,
          `${name}.${field.name} is typed ${field.type} here and ${kept.type} at ${where}; ${kept.type} kept`,
        ),
      );
    }
  }
  return diagnostics;
}
