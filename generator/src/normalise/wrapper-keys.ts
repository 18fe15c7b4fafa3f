/**
 * The gateway's naming conventions that response samples follow (corpus README, "Conventions
 * of the gateway"). The generator imports these two functions too, so that the keys the client
 * unwraps are exactly the keys the normaliser read from the samples.
 */

/**
 * The key that wraps a list field's elements: the element type name with `_` before every
 * capital but the first, lower-cased. `NTbkItem[]` → `n_tbk_item`, `FooDTO` → `foo_d_t_o`,
 * `UvIdGenerateRes []` → `uv_id_generate_res` (seed 000), `String[]` → `string`,
 * `Number[]` → `number`.
 */
export function listWrapperKey(typeName: string): string {
  const base = typeName.replace(/\s*\[\s*\]\s*$/, '').trim();
  return base.replace(/[A-Z]/g, (capital, index: number) => (index === 0 ? '' : '_') + capital.toLowerCase());
}

/**
 * The root key of a success response: the method minus a leading `taobao.`, dots → `_`, plus
 * `_response`. `taobao.tbk.uvid.encrypt` → `tbk_uvid_encrypt_response`.
 */
export function responseRootKey(method: string): string {
  return `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
}

/**
 * The inverse of `listWrapperKey`, used to name struct types learned only from a sample:
 * `uv_id_generate_res` → `UvIdGenerateRes`, `foo_d_t_o` → `FooDTO`, `promotion_info_dto` →
 * `PromotionInfoDto`.
 */
export function typeNameFromKey(key: string): string {
  return key
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
