/**
 * Type spellings → the spec's TOP vocabulary (spec/model.ts `SpecField.type`; the vocabulary
 * itself is vocabulary/top-types.ts). Case variants of the TOP scalars are corrected and
 * reported; anything that is neither a scalar nor a struct name is kept as printed and
 * reported, so an override can fix it.
 */
import { compactTopType, isStructTypeName, splitTopType, topScalarAlias } from '../vocabulary/top-types.js';

export interface NormalisedType {
  type: string;
  /** Set when the spelling was changed beyond whitespace and `[]` (e.g. `string` → `String`). */
  corrected?: string;
  /** Set when the spelling is neither a TOP scalar nor a struct name. */
  odd?: string;
}

export function normaliseType(raw: string): NormalisedType {
  const compact = compactTopType(raw);
  if (compact === '') return { type: '', odd: 'no type given' };
  const { element, list, scalar } = splitTopType(compact);
  if (scalar !== undefined) return { type: compact };
  const alias = topScalarAlias(compact) ?? topScalarAlias(element);
  if (alias !== undefined) {
    const type = alias === 'byte[]' || !list ? alias : `${alias}[]`;
    return { type, corrected: `type "${raw.trim()}" read as "${type}"` };
  }
  if (isStructTypeName(element)) return { type: compact };
  return { type: compact, odd: `unknown type spelling "${raw.trim()}" kept as printed` };
}
