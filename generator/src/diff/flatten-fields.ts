/**
 * Flatten a method's request params and response fields, with the fields of their struct types,
 * into one map keyed by path (`request.item_dto.manage_pub_id`, `response.results.item_id`).
 * Comparing two such maps path by path is what lets a nested struct field count like a top-level
 * one (the doc site's own `changeDiff` speaks the same way: `data->material_url_list->...`).
 *
 * Given the method's IR, each field also carries what the generated client declares of it: its
 * TypeScript type and whether it is optional, read from the IR field at the same place (a struct
 * field from the IR struct of its section's flavour: a struct used both ways is generated twice).
 */
import type { IrField, IrMethod, StructFlavour } from '../ir/model.js';
import type { MethodSpec, SpecField } from '../spec/model.js';
import { isDeclaredOptional } from '../vocabulary/required.js';
import { compactTopType, splitTopType } from '../vocabulary/top-types.js';

/** A section is the flavour of the IR structs below it. */
export type Section = StructFlavour;

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
  /**
   * The field's TypeScript type in the generated client (`IrField.tsType`); absent when the
   * method has no IR (the generator rejects its spec), and then types compare as TOP text.
   */
  tsType?: string;
  /**
   * Whether the generated client declares the field optional (`IrField.optional`: response
   * fields always, request params unless required). Without an IR, the same rule on the spec.
   */
  optional: boolean;
}

function describeType(type: string): { list: boolean; base: string; struct: boolean } {
  const { element, list, scalar } = splitTopType(type);
  return { list, base: element, struct: scalar === undefined };
}

function generatedFacts(section: Section, field: SpecField, generated: IrField | undefined) {
  return generated
    ? { tsType: generated.tsType, optional: generated.optional }
    : { optional: isDeclaredOptional(field, section) };
}

/** `ir`: the method's IR built from `spec`, when the generator accepts the spec. */
export function flattenFields(spec: MethodSpec, ir?: IrMethod): Map<string, FlatField> {
  const out = new Map<string, FlatField>();
  const structs = new Map(ir?.structs.map((s) => [`${s.flavour} ${s.specName}`, s.fields]));
  const visit = (
    section: Section,
    prefix: string,
    fields: readonly SpecField[],
    generated: readonly IrField[] | undefined,
    chain: readonly string[],
  ) => {
    const byWireName = new Map(generated?.map((f) => [f.wireName, f]));
    for (const field of fields) {
      const path = `${prefix}.${field.name}`;
      const type = compactTopType(field.type);
      const shape = describeType(type);
      const listed = shape.struct ? spec.types?.[shape.base] : undefined;
      const members = listed?.length ? listed : undefined;
      // A struct that contains itself (directly or further down) is walked once per chain.
      const cyclic = chain.includes(shape.base);
      const facts = generatedFacts(section, field, byWireName.get(field.name));
      out.set(path, { path, section, field, type, ...shape, opaque: shape.struct && !members, ...facts });
      if (members && !cyclic)
        visit(section, path, members, structs.get(`${section} ${shape.base}`), [...chain, shape.base]);
    }
  };
  visit('request', 'request', spec.request ?? [], ir?.params, []);
  visit('response', 'response', spec.response ?? [], ir?.response, []);
  return out;
}

/** Paths strictly above `path`, nearest first (`a.b.c` → `a.b`, `a`). */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 2; i--) out.push(parts.slice(0, i).join('.'));
  return out;
}
