/**
 * A markdown-dump `└` row whose depth could not be recovered sits under its top-level parent
 * (place-flattened-rows.ts). When another source nests a field of that name somewhere else in
 * the same method, that source knows the depth and the row is dropped from the parent instead
 * of joining the union: taobao.tbk.dg.punish.order.get's dump sample is not valid JSON, so its
 * 21 rows all sit under RpcResult, while the reduced record nests union_id… under Result.
 */
import type { Draft } from './draft.js';
import type { Disagreement } from '../spec/model.js';
import { RULES } from './source-precedence.js';

/** Drafts in precedence order; removes misplaced rows in place and records each removal. */
export function dropMisplacedRows(drafts: readonly Draft[], disagreements: Disagreement[]): void {
  for (const draft of drafts) {
    for (const [typeName, fields] of draft.types) {
      for (const field of [...fields]) {
        if (!field.depthUnknown) continue;
        const placed = placementElsewhere(drafts, draft, typeName, field.name);
        if (placed === undefined) continue;
        fields.splice(fields.indexOf(field), 1);
        disagreements.push({
          path: `types.${typeName}.${field.name}`,
          said: [
            { source: draft.origin.file, value: 'listed (└ row, depth unknown)' },
            { source: placed.file, value: `listed under ${placed.owner}, not under ${typeName}` },
          ],
          chose: 'not listed',
          rule: RULES.depth,
        });
      }
    }
  }
}

function placementElsewhere(
  drafts: readonly Draft[],
  self: Draft,
  typeName: string,
  name: string,
): { file: string; owner: string } | undefined {
  for (const other of drafts) {
    if (other === self) continue;
    const owners = [...other.types]
      .filter(([, fields]) => fields.some((f) => f.name === name && !f.depthUnknown))
      .map(([owner]) => owner);
    if (other.response.some((f) => f.name === name)) owners.unshift('response');
    if (owners.length > 0 && !owners.includes(typeName)) return { file: other.origin.file, owner: owners.join(', ') };
  }
  return undefined;
}
