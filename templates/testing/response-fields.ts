/**
 * Lookups on response metadata shared by the sample readers, the renderer and the synthesiser.
 */
import type { FieldMeta, MethodMeta } from '../runtime/metadata.js';

/** Fields of the response root (`struct` undefined) or of a struct type. */
export function fieldsOf(meta: MethodMeta, struct: string | undefined): readonly FieldMeta[] {
  if (struct === undefined) return meta.response;
  return meta.types[struct] ?? [];
}

export function findField(fields: readonly FieldMeta[], name: string): FieldMeta | undefined {
  return fields.find((f) => f.name === name);
}

/**
 * Inner key of a list wrapper (corpus README "Conventions of the gateway"): the declared
 * `wrapper`, else the element type name with `_` before every capital (`NTbkItem` →
 * `n_tbk_item`, `FooDTO` → `foo_d_t_o`), else the primitive name (`string`, `number`).
 */
export function wrapperKey(field: FieldMeta): string {
  if (field.wrapper) return field.wrapper;
  if (field.kind === 'struct' && field.struct) return snakeTypeName(field.struct);
  if (field.kind === 'number') return 'number';
  if (field.kind === 'boolean') return 'boolean';
  return 'string';
}

export function snakeTypeName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, '');
}
