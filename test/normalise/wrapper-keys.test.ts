import { describe, expect, it } from 'vitest';
import { listWrapperKey, responseRootKey, typeNameFromKey } from '../../generator/src/normalise/wrapper-keys.js';

describe('list wrapper keys', () => {
  it.each([
    ['NTbkItem', 'n_tbk_item'],
    ['NTbkItem[]', 'n_tbk_item'],
    ['FooDTO', 'foo_d_t_o'],
    ['UvIdGenerateRes []', 'uv_id_generate_res'],
    ['PublisherRefundOrderDTO', 'publisher_refund_order_d_t_o'],
    ['MaterialUrlList[]', 'material_url_list'],
    ['String[]', 'string'],
    ['Number[]', 'number'],
    ['Youjiacouponinfo', 'youjiacouponinfo'],
  ])('listWrapperKey(%j) = %j', (type, key) => {
    expect(listWrapperKey(type)).toBe(key);
  });

  it.each([
    ['taobao.tbk.uvid.encrypt', 'tbk_uvid_encrypt_response'],
    ['taobao.tbk.dg.material.optional', 'tbk_dg_material_optional_response'],
    ['tbk.custom.method', 'tbk_custom_method_response'],
  ])('responseRootKey(%j) = %j', (method, key) => {
    expect(responseRootKey(method)).toBe(key);
  });

  it.each(['NTbkItem', 'FooDTO', 'UvIdGenerateRes', 'PublisherRefundOrderDTO', 'MaterialUrlList'])(
    'typeNameFromKey inverts listWrapperKey for %s',
    (type) => {
      expect(typeNameFromKey(listWrapperKey(type))).toBe(type);
    },
  );

  it('names a struct from a plain snake_case key', () => {
    expect(typeNameFromKey('promotion_info_dto')).toBe('PromotionInfoDto');
  });
});
