/**
 * The markdown dump prints nested response fields as `└ name` rows under their top-level
 * parent, with the depth flattened: grandchildren carry the same single `└` (corpus README,
 * "Markdown dump"; e.g. `data` of taobao.tbk.dg.general.link.convert has 121 such rows, three
 * levels deep). The rows are in doc order (a pre-order walk of the tree), so each row is placed
 * under the deepest open struct whose sample object shows that key and does not have it yet;
 * a struct row opens a new level. A row the sample does not show stays under the top-level
 * parent, with a warning. When no row is a struct, the rows are the parent's fields as printed.
 */
import type { Diagnostic } from '../report/diagnostic.js';
import type { DraftField } from './draft.js';
import { CODES, diagnostic } from './normaliser-codes.js';
import { isStructTypeName, splitTopType } from '../vocabulary/top-types.js';
import { fieldItems, objectsOf, type SampleObject, type SampleRoot } from './sample-walk.js';
import { addStructFields } from './struct-fields.js';

interface Node {
  type: string;
  fields: DraftField[];
  objects: SampleObject[];
  keys: Set<string>;
  parent?: Node;
}

export function placeFlattenedRows(
  parent: DraftField,
  rows: DraftField[],
  types: Map<string, DraftField[]>,
  root: SampleRoot | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const base = splitTopType(parent.type).element;
  const keep = (type: string, fields: DraftField[]) => diagnostics.push(...addStructFields(types, type, fields));
  if (!rows.some((row) => isStructTypeName(splitTopType(row.type).element))) {
    keep(base, rows);
    return diagnostics;
  }
  const xml = root?.xml ?? false;
  const top = newNode(base, root ? childObjects([root.object], parent, xml) : []);
  if (top.objects.length === 0) {
    diagnostics.push(
      diagnostic(
        parent.origin,
        'warning',
        CODES.rowsDepthUnknown,
        `${parent.name}: its ${rows.length} └ rows include structs and no usable sample shows the tree; all kept as fields of ${base}`,
      ),
    );
    keep(
      base,
      rows.map((row) => ({ ...row, depthUnknown: true })),
    );
    return diagnostics;
  }
  const all: Node[] = [top];
  let open: Node = top;
  for (const row of rows) {
    const fits = (node: Node) => node.keys.has(row.name) && !node.fields.some((f) => f.name === row.name);
    const target = ancestry(open).reverse().find(fits) ?? [...all].reverse().find(fits);
    if (target === undefined) {
      const duplicate = top.fields.some((f) => f.name === row.name);
      diagnostics.push(
        diagnostic(
          row.origin,
          'warning',
          CODES.rowNotInSample,
          `└ ${row.name} is not shown by the ${root!.kind} sample under ${parent.name}; ${duplicate ? `dropped, ${base} already has a field of that name` : `kept as a field of ${base}`}`,
        ),
      );
      if (!duplicate) top.fields.push({ ...row, depthUnknown: true });
      continue;
    }
    target.fields.push(row);
    open = target;
    const rowBase = splitTopType(row.type).element;
    if (isStructTypeName(rowBase)) {
      const child = newNode(rowBase, childObjects(target.objects, row, xml), target);
      all.push(child);
      open = child;
    }
  }
  for (const node of all) if (node.fields.length > 0) keep(node.type, node.fields);
  return diagnostics;
}

function newNode(type: string, objects: SampleObject[], parent?: Node): Node {
  const keys = new Set(objects.flatMap((o) => Object.keys(o)));
  return parent ? { type, fields: [], objects, keys, parent } : { type, fields: [], objects, keys };
}

/** The sample objects of `field` inside the given objects, list wrappers removed. */
function childObjects(objects: SampleObject[], field: DraftField, xml: boolean): SampleObject[] {
  return objectsOf(objects.flatMap((o) => fieldItems(o[field.name], field.type, xml)));
}

/** The node and its ancestors, outermost first. */
function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) chain.unshift(n);
  return chain;
}
