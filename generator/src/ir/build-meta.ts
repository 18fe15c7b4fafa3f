/**
 * `MethodMeta`: the data a generated module declares and the runtime and mock gateway
 * interpret (templates/runtime/metadata.ts). A projection of the IR (ir/model.ts): the types
 * are parsed, the required rule applied and the paging derived once by build-ir, so that the
 * generator, the fixtures and `tbk-gen mock` agree on every byte of it.
 */
import type { FieldMeta, MethodMeta } from '../../../templates/runtime/metadata.js';
import type { IrField, IrMethod } from './model.js';

/** What the metadata is projected from. */
export type MetaSource = Pick<IrMethod, 'names' | 'auth' | 'params' | 'response' | 'structs' | 'paging'>;

function fieldMeta(field: IrField): FieldMeta {
  const { ref, limits } = field;
  const meta: FieldMeta = { name: field.wireName, kind: ref.kind };
  if (ref.struct !== undefined) meta.struct = ref.struct;
  if (ref.list) meta.list = true;
  if (ref.wrapper !== undefined) meta.wrapper = ref.wrapper;
  if (field.required) meta.required = true;
  if (limits?.max_length !== undefined) meta.maxLength = limits.max_length;
  if (limits?.max_list_size !== undefined) meta.maxListSize = limits.max_list_size;
  if (limits?.max_value !== undefined) meta.maxValue = limits.max_value;
  if (limits?.min_value !== undefined) meta.minValue = limits.min_value;
  return meta;
}

/**
 * The method's metadata. `types` holds each struct once, sorted by spec name: a struct of both
 * flavours has the same wire fields in each.
 */
export function buildMethodMeta(m: MetaSource): MethodMeta {
  const structs = new Map<string, readonly IrField[]>();
  for (const s of m.structs) if (!structs.has(s.specName)) structs.set(s.specName, s.fields);
  const types: Record<string, FieldMeta[]> = {};
  for (const name of [...structs.keys()].sort()) types[name] = structs.get(name)!.map(fieldMeta);
  const meta: MethodMeta = {
    method: m.names.method,
    auth: m.auth,
    rootKey: m.names.rootKey,
    request: m.params.map(fieldMeta),
    response: m.response.map(fieldMeta),
    types,
  };
  if (m.paging) meta.paging = m.paging;
  return meta;
}
