/**
 * Flatten a method's request params and response fields, with the fields of their struct types,
 * into one map keyed by path (`request.item_dto.manage_pub_id`, `response.results.item_id`).
 * Comparing two such maps path by path is what lets a nested struct field count like a top-level
 * one (the doc site's own `changeDiff` speaks the same way: `data->material_url_list->...`).
 */
import type { MethodSpec, SpecField } from '../spec/model.js';
import { compactTopType, splitTopType } from '../vocabulary/top-types.js';

export type Section = 'request' | 'response';

export interface FlatField {
  path: string;
  section: Section;
  field: SpecField;
  /** Type with whitespace before `[]` removed (`Foo []` → `Foo[]`). */
  type: string;
  /** `X[]` (but not `byte[]`, which is a scalar: a file upload). */
  list: boolean;
  /** The element type: `type` without the list brackets. */
  base: string;
  struct: boolean;
  /**
   * A struct whose fields are not known: absent from `types`, or listed with no fields (the
   * markdown dump prints no rows for the fields of request structs, e.g. `requests` of
   * taobao.tbk.spread.get, so its spec says `TbkSpreadRequest: []`). Its children cannot be
   * compared.
   */
  opaque: boolean;
}

function describeType(type: string): { list: boolean; base: string; struct: boolean } {
  const { element, list, scalar } = splitTopType(type);
  return { list, base: element, struct: scalar === undefined };
}

export function flattenFields(spec: MethodSpec): Map<string, FlatField> {
  const out = new Map<string, FlatField>();
  const visit = (section: Section, prefix: string, fields: readonly SpecField[], chain: readonly string[]) => {
    for (const field of fields) {
      const path = `${prefix}.${field.name}`;
      const type = compactTopType(field.type);
      const shape = describeType(type);
      const listed = shape.struct ? spec.types?.[shape.base] : undefined;
      const members = listed?.length ? listed : undefined;
      // A struct that contains itself (directly or further down) is walked once per chain.
      const cyclic = chain.includes(shape.base);
      out.set(path, { path, section, field, type, ...shape, opaque: shape.struct && !members });
      if (members && !cyclic) visit(section, path, members, [...chain, shape.base]);
    }
  };
  visit('request', 'request', spec.request ?? [], []);
  visit('response', 'response', spec.response ?? [], []);
  return out;
}

/** Paths strictly above `path`, nearest first (`a.b.c` → `a.b`, `a`). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 2; i--) out.push(parts.slice(0, i).join('.'));
  return out;
}
