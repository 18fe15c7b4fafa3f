/**
 * Merging the field lists several sources give for one place (request params, response fields,
 * one struct's fields). The lists arrive in precedence order. The result is their union in the
 * first list's order, a field only later lists name inserted after its nearest predecessor.
 * Each attribute comes from the first source that states it; the type follows the list-suffix
 * rule first. Every attribute the sources state differently is recorded as a disagreement.
 */
import type { Disagreement } from '../spec/model.js';
import type { DraftField } from './draft.js';
import { RULES } from './source-precedence.js';

export interface FieldList {
  file: string;
  fields: readonly DraftField[];
}

type Attribute = 'required' | 'example' | 'default' | 'limits' | 'description';
const ATTRIBUTES: Attribute[] = ['required', 'example', 'default', 'limits', 'description'];

export function mergeFieldLists(
  path: string,
  lists: readonly FieldList[],
  disagreements: Disagreement[],
): DraftField[] {
  if (lists.length === 1) return lists[0]!.fields.map((field) => ({ ...field }));
  const names = mergeOrder(lists.map((l) => l.fields.map((f) => f.name)));
  return names.map((name) => {
    const entries = lists.map((l) => ({ file: l.file, field: l.fields.find((f) => f.name === name) }));
    const present = entries.filter((e): e is { file: string; field: DraftField } => e.field !== undefined);
    if (present.length < entries.length) {
      disagreements.push({
        path: `${path}.${name}`,
        said: entries.map((e) => ({ source: e.file, value: e.field ? 'listed' : 'not listed' })),
        chose: 'listed',
        rule: RULES.union,
      });
    }
    return mergeField(`${path}.${name}`, present, disagreements);
  });
}

function mergeField(
  path: string,
  present: { file: string; field: DraftField }[],
  disagreements: Disagreement[],
): DraftField {
  const typeSaid = present.map((e) => ({ source: e.file, value: e.field.type }));
  const typeChoice = chooseType(typeSaid.map((s) => s.value));
  const winner = present.find((e) => e.field.type === typeChoice.type)!.field;
  if (new Set(typeSaid.map((s) => s.value)).size > 1) {
    disagreements.push({ path: `${path}.type`, said: typeSaid, chose: typeChoice.type, rule: typeChoice.rule });
  }
  const merged: DraftField = { name: winner.name, type: typeChoice.type, origin: winner.origin };
  for (const attribute of ATTRIBUTES) {
    const said = present
      .filter((e) => e.field[attribute] !== undefined)
      .map((e) => ({ source: e.file, value: e.field[attribute] }));
    if (said.length === 0) continue;
    (merged as unknown as Record<string, unknown>)[attribute] = said[0]!.value;
    if (new Set(said.map((s) => comparable(s.value))).size > 1) {
      disagreements.push({
        path: `${path}.${attribute}`,
        said: said.map((s) => ({ source: s.source, value: display(s.value) })),
        chose: display(said[0]!.value),
        rule: RULES.precedence,
      });
    }
  }
  if (present.every((e) => e.field.inferred)) merged.inferred = true;
  return merged;
}

/** Types in precedence order → the chosen type and the rule that chose it. */
export function chooseType(types: readonly string[]): { type: string; rule: string } {
  const first = types[0]!;
  const listed = types.find((t) => t === `${first}[]`);
  if (!first.endsWith('[]') && listed !== undefined) return { type: listed, rule: RULES.listSuffix };
  return { type: first, rule: RULES.precedence };
}

/**
 * Texts are compared after Unicode compatibility folding and whitespace collapsing: the
 * markdown dump prints full-width punctuation (`，`) where the doc page prints `,`, which is
 * not a disagreement about the API.
 */
export function comparable(value: unknown): string {
  if (typeof value === 'string') return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return JSON.stringify(value);
}

export function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Union of ordered name lists, the first list's order kept, later names after their predecessor. */
export function mergeOrder(lists: readonly (readonly string[])[]): string[] {
  const result: string[] = [];
  for (const list of lists) {
    let cursor = 0;
    for (const name of list) {
      const at = result.indexOf(name);
      if (at >= 0) cursor = at + 1;
      else {
        result.splice(cursor, 0, name);
        cursor += 1;
      }
    }
  }
  return result;
}
