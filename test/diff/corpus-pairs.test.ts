import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport, MethodDiff } from '../../generator/src/diff/diff-model.js';
import { diffSpecs } from '../../generator/src/diff/diff-specs.js';
import { loadSide } from '../../generator/src/diff/load-side.js';
import type { SpecSide } from '../../generator/src/diff/spec-side.js';

/*
 * Two crawls of the same doc site, each scraped on its own into a temporary spec (page sources
 * → scrapeIntoSpec), compared on the methods both cover. Which is newer was checked in the raw
 * files: the markdown dump has params the records lack (taobao.tbk.dg.vegas.tlj.create:
 * use_threshold, award_img_template_id; taobao.tbk.dg.general.link.convert: uvid_not_authorized,
 * required_link_type), so the records are the old side and the dump the new one.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, 'spec/pages');

type Grouped = Partial<Record<'breaking' | 'compatible' | 'docs', Record<string, string[]>>>;

/** A method's changes as severity → kind → paths, in report order. */
function group(m: MethodDiff, severities: readonly string[] = ['breaking', 'compatible', 'docs']): Grouped {
  const out: Record<string, Record<string, string[]>> = {};
  for (const c of m.changes) {
    if (!severities.includes(c.severity)) continue;
    ((out[c.severity] ??= {})[c.kind] ??= []).push(c.path);
  }
  return out;
}

async function scrape(folder: string): Promise<SpecSide> {
  const loaded = await loadSide(path.join(CORPUS, folder), { cwd: ROOT, specDir: 'spec' });
  expect(loaded.diagnostics).toEqual([]);
  return loaded.side!;
}

/*
 * Every change between the reduced doc records and the markdown dump, classified. The reduced
 * records keep no examples, samples or error codes and the dump no method descriptions, so most
 * changes are documentation; the dump prints no fields for request structs (`TbkSpreadRequest`
 * of taobao.tbk.spread.get) and flattens response depth, so some structs cannot be compared.
 */
const REDUCED_TO_DUMP: Record<string, Grouped> = {
  'taobao.tbk.activity.info.get': {
    docs: {
      'example-changed': ['request.activity_material_id', 'request.adzone_id', 'request.sub_pid', 'request.relation_id', 'request.union_id', 'response.data.wx_qrcode_url', 'response.data.click_url', 'response.data.short_click_url', 'response.data.terminal_type', 'response.data.material_oss_url', 'response.data.page_name', 'response.data.page_start_time', 'response.data.page_end_time', 'response.data.wx_miniprogram_path'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.invalid-parameter-adzone', 'errors.4', 'errors.isp.invalid-parameter-materialId', 'errors.1108', 'errors.1107', 'errors.isp.isp.get-activityinfo-unavailable', 'errors.isv.invalid-parameter-materialId', 'errors.isv.invalid-parameter-adzone', 'errors.isv.empty-parameter-materialId'],
    },
  },
  'taobao.tbk.coupon.get': {
    docs: {
      'example-changed': ['request.me', 'request.item_id', 'request.activity_id', 'response.data', 'response.data.coupon_start_fee', 'response.data.coupon_remain_count', 'response.data.coupon_total_count', 'response.data.coupon_end_time', 'response.data.coupon_start_time', 'response.data.coupon_amount', 'response.data.coupon_src_scene', 'response.data.coupon_type', 'response.data.coupon_activity_id'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.1001', 'errors.10000', 'errors.1002', 'errors.10', 'errors.11', 'errors.13', 'errors.14', 'errors.15', 'errors.17', 'errors.1', 'errors.12', 'errors.16', 'errors.1912'],
    },
  },
  'taobao.tbk.dg.cpa.activity.detail': {
    docs: {
      'example-changed': ['request.query_type', 'request.page_size', 'request.page_no', 'request.event_id', 'request.indicator_alias', 'request.start_id', 'request.runtime', 'response.result.biz_error_feature', 'response.result.data', 'response.result.data.results.calc_type', 'response.result.data.results.id', 'response.result.data.pre_page', 'response.result.data.next_page', 'response.result.data.page_no', 'response.result.data.total_pages', 'response.result.data.page_size', 'response.result.data.has_next', 'response.result.data.total_count', 'response.result.data.has_pre', 'response.result.data.runtime', 'response.result.success', 'response.result.result_code', 'response.result.biz_error_desc', 'response.result.biz_error_code', 'response.result.result_msg'],
      'default-changed': ['request.query_type', 'request.page_size', 'request.page_no'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.cpa.activity.report': {
    docs: {
      'example-changed': ['request.event_id', 'request.biz_date', 'request.page_no', 'request.query_type', 'request.page_size', 'request.pid', 'request.relation_id', 'response.result', 'response.result.data', 'response.result.data.results', 'response.result.data.results.union_30d_lx_uv', 'response.result.data.results.reward_amount', 'response.result.data.results.relation_id', 'response.result.data.results.biz_date', 'response.result.data.results.pid', 'response.result.data.results.query_type', 'response.result.data.results.ext_info'],
      'default-changed': ['request.query_type'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.newuser.order.get': {
    docs: {
      'example-changed': ['request.page_size', 'request.page_no', 'request.adzone_id', 'request.start_time', 'request.end_time', 'request.activity_id', 'response.results', 'response.results.data.results.register_time', 'response.results.data.results.bind_time', 'response.results.data.results.buy_time', 'response.results.data.results.status', 'response.results.data.results.mobile', 'response.results.data.results.order_tk_type', 'response.results.data.results.union_id', 'response.results.data.results.member_id', 'response.results.data.results.member_nick', 'response.results.data.results.site_id', 'response.results.data.results.site_name', 'response.results.data.results.adzone_id', 'response.results.data.results.adzone_name', 'response.results.data.results.tb_trade_parent_id', 'response.results.data.results.accept_time', 'response.results.data.results.receive_time', 'response.results.data.results.success_time', 'response.results.data.results.activity_type', 'response.results.data.results.activity_id', 'response.results.data.results.biz_date', 'response.results.data.results.orders.commission', 'response.results.data.results.orders.confirm_receive_time', 'response.results.data.results.orders.pay_time', 'response.results.data.results.orders.order_no', 'response.results.data.results.bind_card_time', 'response.results.data.results.login_time', 'response.results.data.results.is_card_save', 'response.results.data.results.use_rights_time', 'response.results.data.results.get_rights_time', 'response.results.data.results.relation_id', 'response.results.data.page_no', 'response.results.data.page_size', 'response.results.data.has_next'],
      'default-changed': ['request.page_size', 'request.page_no'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2'],
    },
  },
  'taobao.tbk.dg.newuser.order.sum': {
    docs: {
      'example-changed': ['request.page_size', 'request.adzone_id', 'request.page_no', 'request.site_id', 'request.activity_id', 'request.settle_month', 'response.results', 'response.results.activity_id', 'response.results.biz_date', 'response.results.reg_user_cnt', 'response.results.login_user_cnt', 'response.results.alipay_user_cnt', 'response.results.rcv_valid_user_cnt', 'response.results.rcv_user_cnt', 'response.results.alipay_user_cpa_pre_amt', 'response.results.bind_buy_user_cpa_pre_amt', 'response.results.bind_buy_valid_user_cnt', 'response.results.relation_id', 'response.results.page_no', 'response.results.page_size', 'response.results.has_next', 'response.results.data'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2'],
    },
  },
  'taobao.tbk.dg.optimus.material': {
    docs: {
      'example-changed': ['request.page_size', 'request.page_no', 'request.adzone_id', 'request.material_id', 'request.device_value', 'request.device_encrypt', 'request.device_type', 'request.content_id', 'request.content_source', 'request.item_id', 'request.favorites_id', 'response.result_list.coupon_amount', 'response.result_list.shop_title', 'response.result_list.category_id', 'response.result_list.coupon_start_fee', 'response.result_list.item_id', 'response.result_list.coupon_total_count', 'response.result_list.user_type', 'response.result_list.zk_final_price', 'response.result_list.coupon_remain_count', 'response.result_list.commission_rate', 'response.result_list.coupon_start_time', 'response.result_list.title', 'response.result_list.item_description', 'response.result_list.seller_id', 'response.result_list.volume', 'response.result_list.coupon_end_time', 'response.result_list.coupon_click_url', 'response.result_list.pict_url', 'response.result_list.click_url', 'response.result_list.stock', 'response.result_list.sell_num', 'response.result_list.total_stock', 'response.result_list.oetime', 'response.result_list.ostime', 'response.result_list.jdd_num', 'response.result_list.jdd_price', 'response.result_list.orig_price', 'response.result_list.level_one_category_name', 'response.result_list.level_one_category_id', 'response.result_list.category_name', 'response.result_list.white_image', 'response.result_list.short_title', 'response.result_list.word_list.url', 'response.result_list.word_list.word', 'response.result_list.tmall_play_activity_info', 'response.result_list.uv_sum_pre_sale', 'response.result_list.x_id', 'response.result_list.new_user_price', 'response.result_list.coupon_info', 'response.result_list.coupon_share_url', 'response.result_list.nick', 'response.result_list.reserve_price', 'response.result_list.ju_online_end_time', 'response.result_list.ju_online_start_time', 'response.result_list.maochao_play_end_time', 'response.result_list.maochao_play_start_time', 'response.result_list.maochao_play_conditions', 'response.result_list.maochao_play_discounts', 'response.result_list.maochao_play_discount_type', 'response.result_list.maochao_play_free_post_fee', 'response.result_list.multi_coupon_zk_rate', 'response.result_list.price_after_multi_coupon', 'response.result_list.multi_coupon_item_count', 'response.result_list.lock_rate', 'response.result_list.lock_rate_end_time', 'response.result_list.lock_rate_start_time', 'response.result_list.promotion_type', 'response.result_list.promotion_info', 'response.result_list.promotion_discount', 'response.result_list.promotion_condition', 'response.result_list.presale_discount_fee_text', 'response.result_list.presale_tail_end_time', 'response.result_list.presale_tail_start_time', 'response.result_list.presale_end_time', 'response.result_list.presale_start_time', 'response.result_list.presale_deposit', 'response.result_list.ysyl_tlj_use_start_time', 'response.result_list.ysyl_commission_rate', 'response.result_list.ysyl_tlj_send_time', 'response.result_list.ysyl_tlj_face', 'response.result_list.ysyl_click_url', 'response.result_list.ysyl_tlj_use_end_time', 'response.result_list.ju_play_end_time', 'response.result_list.ju_play_start_time', 'response.result_list.play_info', 'response.result_list.tmall_play_activity_end_time', 'response.result_list.tmall_play_activity_start_time', 'response.result_list.ju_pre_show_end_time', 'response.result_list.ju_pre_show_start_time', 'response.result_list.favorites_info.total_count', 'response.result_list.favorites_info.favorites_list.favorites_id', 'response.result_list.favorites_info.favorites_list.favorites_title', 'response.result_list.sale_price', 'response.result_list.kuadian_promotion_info', 'response.result_list.sub_title', 'response.result_list.jhs_price_usp_list', 'response.result_list.tqg_online_end_time', 'response.result_list.tqg_online_start_time', 'response.result_list.tqg_sold_count', 'response.result_list.tqg_total_count', 'response.result_list.superior_brand', 'response.result_list.is_brand_flash_sale', 'response.result_list.hot_flag', 'response.result_list.topn_info.topn_quantity', 'response.result_list.topn_info.topn_total_count', 'response.result_list.topn_info.topn_end_time', 'response.result_list.topn_info.topn_start_time', 'response.result_list.topn_info.topn_rate', 'response.result_list.bybt_info.bybt_brand_logo', 'response.result_list.bybt_info.bybt_pic_url', 'response.result_list.bybt_info.bybt_item_tags', 'response.result_list.bybt_info.bybt_coupon_amount', 'response.result_list.bybt_info.bybt_show_price', 'response.result_list.bybt_info.bybt_lowest_price', 'response.result_list.bybt_info.bybt_end_time', 'response.result_list.bybt_info.bybt_start_time', 'response.result_list.tt_sold_count', 'response.result_list.maifan_promotion.maifan_promotion_end_time', 'response.result_list.maifan_promotion.maifan_promotion_start_time', 'response.result_list.maifan_promotion.maifan_promotion_discount', 'response.result_list.maifan_promotion.maifan_promotion_condition', 'response.result_list.cpa_reward_type', 'response.result_list.cpa_reward_amount', 'response.result_list.activity_id', 'response.result_list.sp_campaign_list.sp_cid', 'response.result_list.sp_campaign_list.sp_name', 'response.result_list.sp_campaign_list.sp_rate', 'response.result_list.sp_campaign_list.sp_lock_status', 'response.result_list.sp_campaign_list.sp_apply_link', 'response.result_list.sp_campaign_list.sp_status', 'response.is_default', 'response.total_count'],
      'default-changed': ['request.page_size', 'request.page_no'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2', 'errors.50001', 'errors.isp.sys-error', 'errors.30001', 'errors.40001', 'errors.50002', 'errors.41', 'errors.isp.entry-sys-error', 'errors.1103', 'errors.1201'],
    },
  },
  'taobao.tbk.dg.optimus.promotion': {
    docs: {
      'example-changed': ['request.page_size', 'request.page_num', 'request.adzone_id', 'request.promotion_id', 'response.result_list.promotion_type', 'response.result_list.condition_type', 'response.result_list.discount_type', 'response.result_list.total_count', 'response.result_list.remain_count', 'response.result_list.display_start_time', 'response.result_list.display_end_time', 'response.result_list.promotion_list.entry_used_start_time', 'response.result_list.promotion_list.entry_used_end_time', 'response.result_list.promotion_list.entry_condition', 'response.result_list.promotion_list.entry_discount', 'response.result_list.promotion_extend.recommend_item_list.item_id', 'response.result_list.promotion_extend.recommend_item_list.url', 'response.result_list.promotion_extend.youjia_coupon_info.item_id', 'response.result_list.promotion_extend.youjia_coupon_info.url', 'response.result_list.promotion_extend.promotion_url', 'response.result_list.seller_id', 'response.result_list.nick', 'response.result_list.shop_title', 'response.result_list.shop_picture_url'],
      'default-changed': ['request.page_size', 'request.page_num'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.50001', 'errors.40001'],
    },
  },
  'taobao.tbk.dg.punish.order.get': {
    // The dump's sample prints empty values; repaired to null, it places the flattened └ rows
    // where the reduced record nests them, so the trees agree and only examples differ.
    docs: {
      'fields-unknown': ['request.af_order_option'],
      'example-changed': ['response.result.data.results.relation_id', 'response.result.data.results.settle_month', 'response.result.data.results.punish_status', 'response.result.data.results.violation_type', 'response.result.data.results.tk_trade_create_time', 'response.result.data.results.tb_trade_id', 'response.result.data.results.tk_adzone_id', 'response.result.data.results.tk_site_id', 'response.result.data.results.tk_pub_id', 'response.result.data.page_no', 'response.result.data.page_size', 'response.result.data.total_count', 'response.result.biz_error_desc', 'response.result.biz_error_code', 'response.result.result_msg', 'response.result.result_code'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.tpwd.report.get': {
    docs: {
      'example-changed': ['request.tao_password', 'request.adzone_id', 'response.data.hour_pv', 'response.data.hour_uv', 'response.data.uv', 'response.data.pv'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.tpwd.risk.report': {
    docs: {
      'example-changed': ['request.pid', 'request.offset', 'request.limit', 'response.result', 'response.result.status_list', 'response.result.status_list.pid', 'response.result.status_list.rid', 'response.result.status_list.status'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.vegas.send.report': {
    docs: {
      'example-changed': ['request.biz_date', 'request.relation_id', 'request.activity_id', 'request.page_no', 'request.page_size', 'request.pid', 'request.rpt_dim', 'request.activity_category', 'response.result.success', 'response.result.model.relation_rpt_list.biz_date', 'response.result.model.relation_rpt_list.relation_id', 'response.result.model.relation_rpt_list.fund_num', 'response.result.model.relation_rpt_list.pid', 'response.result.model.relation_rpt_list.use_num', 'response.result.model.pid_rpt_list.biz_date', 'response.result.model.pid_rpt_list.relation_id', 'response.result.model.pid_rpt_list.fund_num', 'response.result.model.pid_rpt_list.pid', 'response.result.model.pid_rpt_list.use_num', 'response.result.msg_info', 'response.result.msg_code'],
      'default-changed': ['request.page_no', 'request.page_size', 'request.activity_category'],
      'description-changed': ['request.activity_category', 'description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.vegas.send.status': {
    compatible: {
      'field-added': ['response.biz_error_desc'],
    },
    docs: {
      'example-changed': ['request.relation_id', 'request.special_id', 'request.device_value', 'request.device_type', 'request.thor_biz_code', 'request.pid', 'request.activity_category', 'response.result_msg', 'response.data.result_list.is_new_user'],
      'description-changed': ['request.activity_category', 'description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.vegas.tlj.create': {
    compatible: {
      'param-added-optional': ['request.use_threshold', 'request.award_img_template_id'],
    },
    docs: {
      'example-changed': ['request.security_level', 'request.use_start_time', 'request.use_end_time_mode', 'request.use_end_time', 'request.send_end_time', 'request.send_start_time', 'request.per_face', 'request.security_switch', 'request.user_total_win_num_limit', 'request.name', 'request.total_num', 'request.item_id', 'request.campaign_type', 'request.adzone_id', 'response.result.model', 'response.result.model.rights_id', 'response.result.model.send_url', 'response.result.model.vegas_code', 'response.result.model.available_fee', 'response.result.model.item_today_num_left', 'response.result.msg_code', 'response.result.msg_info', 'response.result.success'],
      'description-changed': ['request.use_start_time', 'request.use_end_time', 'description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.vegas-server-unavailable', 'errors.isp.call-limited', 'errors.isv.FAIL_BIZ_HAS_NO_PRIVILEGE', 'errors.isv.FAIL_BIZ_VIOLATION_POINT_EXCEED', 'errors.isv.FAIL_BIZ_ITEM_FORBIDDEN', 'errors.isv.FAIL_BIZ_NOT_TK_ITEM', 'errors.isv.FAIL_CHECK_DAILY_SEND_AMOUNT_EXCEED', 'errors.isv.FAIL_CHECK_MEMBER_DAILY_SEND_ITEM_ABOVE_LIMIT_ERROR', 'errors.isv.FAIL_CHECK_MEMBER_ITEM_DAILY_SEND_TLJ_ABOVE_LIMIT_ERROR', 'errors.isv.FAIL_CHECK_SELLER_CREATE_ITEM_NUM_RULE_ERROR', 'errors.isv.FAIL_CHECK_MEMBER_CREATE_ITEM_NUM_CHECK_ERROR', 'errors.isv.FAIL_CHECK_SELLER_DAILY_CREATE_NUM_ABOVE_LIMIT_ERROR', 'errors.isv.FAIL_CHECK_TLJ_MIN_FACE_ERROR', 'errors.isv.FAIL_BIZ_ASSET_ACCOUNT_NOT_EXISTS', 'errors.isv.FAIL_BIZ_ACCOUNT_UN_PAID', 'errors.isv.ASSET_ACCOUNT_BALANCE_NOT_ENOUGH', 'errors.isv.FAIL_BIZ_PARAMS_ERROR', 'errors.isv.FAIL_BIZ_CREATE_FORBIDDEN', 'errors.isv.FAIL_BIZ_EXTERNAL_SERVICE_EXCEPTION', 'errors.isv.FAIL_BIZ_SYSTEM_ERROR', 'errors.isp.ACK_FREEZE_ASSET_ACCOUNT_ERROR', 'errors.isv.FAIL_CHECK_ITEM_DAILY_SEND_NUM_CHECK_ERROR', 'errors.isv.PARAM_IS_EMPTY', 'errors.isv.FAIL_BIZ_SERVICE_TIMEOUT', 'errors.isv.MEMBER_DAILY_DRAW_ITEM_ABOVE_LIMIT', 'errors.isv.SELLER_DAILY_DRAW_ITEM_ABOVE_LIMIT', 'errors.isv.DAILY_DRAW_ITEM_ABOVE_LIMIT', 'errors.isv.CREATE_INSTANCE_ERROR', 'errors.isv.ACK_FREEZE_FAIL', 'errors.isv.NAME_LENGTH_EXCEED', 'errors.isv.SEND_DATE_TIME_LIMIT', 'errors.isv.TOTAL_NUM_BELOW_LIMIT', 'errors.isv.USER_TOTAL_WIN_NUM_LIMIT', 'errors.isv.USER_TOTAL_WIN_NUM_LIMIT_BELOW_TOTAL_NUM', 'errors.isv.ACCOUNT_STATUS_INVALID', 'errors.isv.invalid-argument', 'errors.isv.SHIELD_ACCESS_RELATION_ERROR', 'errors.isv.SHIELD_ACCESS_SELF_ERROR', 'errors.-4003'],
    },
  },
  'taobao.tbk.dg.vegas.tlj.report': {
    docs: {
      'example-changed': ['request.rights_id', 'request.adzone_id', 'response.model', 'response.model.extra', 'response.model.extra.get_rate', 'response.model.extra.use_rate', 'response.model.extra.alipay_num', 'response.model.extra.alipay_amt', 'response.model.extra.pre_pub_share_fee_for_disp', 'response.model.extra.cm_settle_amt', 'response.model.extra.win_pv', 'response.model.extra.win_sum_amt', 'response.model.extra.remaining_num', 'response.model.extra.remaining_amt', 'response.model.extra.use_num', 'response.model.extra.use_sum_amt', 'response.model.extra.refund_num', 'response.model.extra.refund_sum_amt', 'response.msg_info', 'response.msg_code', 'response.result_success'],
      'description-changed': ['response.model.extra.use_num', 'response.model.extra.refund_num', 'description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.dg.vegas.tlj.stop': {
    docs: {
      'example-changed': ['request.rights_id', 'request.adzone_id', 'response.model', 'response.model.update_success', 'response.msg_info', 'response.msg_code', 'response.result_success'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
    },
  },
  'taobao.tbk.rta.consumer.match': {
    docs: {
      'example-changed': ['request.adzone_id', 'request.special_id', 'request.device_value', 'request.device_type', 'request.strategy_id_list', 'response.data.result_list.offer_id', 'response.data.result_list.status', 'response.data.result_list.click_url', 'response.data.result_list.wx_miniprogram_path', 'response.data.result_list.wx_qrcode_url', 'response.data.strategy_result_list.strategy_id', 'response.data.strategy_result_list.status'],
      'fields-unknown': ['request.offer_list'],
      'description-changed': ['request.device_type', 'description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.1601', 'errors.1701', 'errors.1702', 'errors.2', 'errors.4', 'errors.1803', 'errors.1802'],
    },
  },
  'taobao.tbk.sc.invitecode.get': {
    docs: {
      'example-changed': ['request.relation_id', 'request.relation_app', 'request.code_type', 'response.data.inviter_code'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2'],
    },
  },
  'taobao.tbk.sc.publisher.info.get': {
    docs: {
      'example-changed': ['request.relation_id', 'request.page_no', 'request.page_size', 'request.info_type', 'request.relation_app', 'request.special_id', 'request.external_id', 'request.external_type', 'response.data.total_count', 'response.data.inviter_list', 'response.data.inviter_list.relation_app', 'response.data.inviter_list.create_date', 'response.data.inviter_list.account_name', 'response.data.inviter_list.real_name', 'response.data.inviter_list.relation_id', 'response.data.inviter_list.offline_scene', 'response.data.inviter_list.online_scene', 'response.data.inviter_list.note', 'response.data.inviter_list.root_pid', 'response.data.inviter_list.rtag', 'response.data.inviter_list.offline_info', 'response.data.inviter_list.offline_info.shop_name', 'response.data.inviter_list.offline_info.shop_type', 'response.data.inviter_list.offline_info.phone_number', 'response.data.inviter_list.offline_info.detail_address', 'response.data.inviter_list.offline_info.location', 'response.data.inviter_list.offline_info.shop_certify_type', 'response.data.inviter_list.offline_info.certify_number', 'response.data.inviter_list.offline_info.career', 'response.data.inviter_list.special_id', 'response.data.inviter_list.punish_status', 'response.data.inviter_list.external_id', 'response.data.inviter_list.external_type', 'response.data.root_pid_channel_list'],
      'default-changed': ['request.page_no', 'request.page_size', 'request.external_type'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2', 'errors.30501', 'errors.isp.sys-error'],
    },
  },
  'taobao.tbk.sc.publisher.info.save': {
    docs: {
      'example-changed': ['request.relation_from', 'request.offline_scene', 'request.online_scene', 'request.inviter_code', 'request.info_type', 'request.note', 'request.register_info', 'response.data.relation_id', 'response.data.account_name', 'response.data.special_id', 'response.data.desc'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable', 'errors.isv.invalid-parameter:start_price', 'errors.isv.invalid-parameter:end_price', 'errors.isv.invalid-parameter:end_tk_rate', 'errors.4', 'errors.2', 'errors.1', 'errors.30501', 'errors.isp.sys-error'],
    },
  },
  'taobao.tbk.shop.get': {
    docs: {
      'example-changed': ['request.end_auction_count', 'request.end_commission_rate', 'request.end_credit', 'request.end_total_action', 'request.fields', 'request.is_tmall', 'request.page_no', 'request.page_size', 'request.platform', 'request.q', 'request.sort', 'request.start_auction_count', 'request.start_commission_rate', 'request.start_credit', 'request.start_total_action', 'response.results.shop_url', 'response.results.seller_nick', 'response.results.shop_type', 'response.results.shop_title', 'response.results.user_id', 'response.results.pict_url', 'response.total_results'],
      'default-changed': ['request.page_no', 'request.page_size', 'request.platform'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable'],
    },
  },
  'taobao.tbk.shop.recommend.get': {
    docs: {
      'example-changed': ['request.count', 'request.fields', 'request.platform', 'request.user_id', 'response.results.user_id', 'response.results.shop_title', 'response.results.seller_nick', 'response.results.shop_type', 'response.results.shop_url', 'response.results.pict_url'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.tbkapi-service-unavailable'],
    },
  },
  'taobao.tbk.spread.get': {
    docs: {
      'fields-unknown': ['request.requests'],
      'example-changed': ['response.results.content', 'response.results.err_msg', 'response.total_results'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.dependency-error', 'errors.isp.tbkapi-service-unavailable', 'errors.isv.not-support-param-type'],
    },
  },
  'taobao.tbk.tpwd.create': {
    docs: {
      'example-changed': ['request.url', 'request.text', 'request.logo', 'request.ext', 'request.user_id', 'response.data.password_simple', 'response.data.model'],
      'description-changed': ['description'],
      'sample-added': ['samples.json', 'samples.error_json'],
      'error-added': ['errors.isp.param-error', 'errors.isp.sys-error', 'errors.20000', 'errors.20001', 'errors.1', 'errors.20002', 'errors.24', 'errors.25', 'errors.23', 'errors.26'],
    },
  },

};

describe('reduced doc records → markdown dump, on the methods both cover', () => {
  let report: DiffReport;
  let records: SpecSide;
  let dump: SpecSide;
  beforeAll(async () => {
    [records, dump] = await Promise.all([scrape('doc-records-reduced'), scrape('markdown-dump')]);
    report = diffSpecs(records, dump, { sharedOnly: true });
  });

  it('compares the 24 methods the two crawls share', () => {
    const shared = [...records.methods.keys()].filter((m) => dump.methods.has(m));
    expect(shared).toHaveLength(24);
    expect(report.methods.map((m) => m.method).sort()).toEqual(shared.sort());
  });

  it('taobao.tbk.dg.vegas.tlj.create gained two optional params', () => {
    const m = report.methods.find((x) => x.method === 'taobao.tbk.dg.vegas.tlj.create')!;
    expect(m.changes.filter((c) => c.severity !== 'docs')).toEqual([
      { severity: 'compatible', kind: 'param-added-optional', path: 'request.use_threshold', new: 'String', message: 'optional param added (String)' },
      { severity: 'compatible', kind: 'param-added-optional', path: 'request.award_img_template_id', new: 'String', message: 'optional param added (String)' },
    ]);
  });

  it('classifies every change', () => {
    const actual = Object.fromEntries(report.methods.map((m) => [m.method, group(m)]));
    expect(actual).toEqual(REDUCED_TO_DUMP);
  });

  it('adds up to a minor bump: nothing breaking, no catalog change on these methods', () => {
    expect(report.summary).toEqual({
      breaking: 0,
      compatible: 3,
      docs: 738,
      methodsAdded: 0,
      methodsRemoved: 0,
      methodsChanged: 24,
      catalogChanges: 0,
      changeDiffDisagreements: 0,
    });
    expect(report.bump).toBe('minor');
  });
});

describe('full doc records → markdown dump: taobao.tbk.dg.general.link.convert', () => {
  let report: DiffReport;
  beforeAll(async () => {
    const [records, dump] = await Promise.all([scrape('doc-records'), scrape('markdown-dump')]);
    report = diffSpecs(records, dump, { sharedOnly: true });
  });

  it('gained two optional params and twelve link fields in each of its four url lists', () => {
    const lists = ['material_url_list', 'shop_url_list', 'event_url_list', 'item_url_list'];
    const fields = ['coupon_channel_url', 'coupon_channel_tpwd', 'cps_channel_url', 'cps_channel_tpwd', 'coupon_supered_long_url', 'coupon_supered_short_url', 'coupon_supered_long_tpwd', 'coupon_supered_short_tpwd', 'cps_supered_long_url', 'cps_supered_short_url', 'cps_supered_long_tpwd', 'cps_supered_short_tpwd'];
    const m = report.methods.find((x) => x.method === 'taobao.tbk.dg.general.link.convert')!;
    expect(group(m, ['breaking', 'compatible'])).toEqual({
      breaking: {
        // The dump drops `[]` from struct-list request params (corpus README "Markdown dump"):
        // between these two sources alone that reads as list → single value.
        'type-changed': ['request.item_dto', 'request.page_dto', 'request.shop_dto', 'request.material_dto'],
        'field-removed': lists.slice(0, 3).flatMap((l) => ['tpwd_origin_url', 'material_id'].map((f) => `response.data.${l}.link_info_dto.${f}`)),
      },
      compatible: {
        'param-added-optional': ['request.uvid_not_authorized', 'request.required_link_type'],
        'field-added': lists.flatMap((l) => fields.map((f) => `response.data.${l}.link_info_dto.${f}`)),
      },
    });
  });

  it('the other shared methods: link.parse loses `[]` the same way, order.refund.get only changed its docs', () => {
    expect(report.methods.map((m) => `${m.severity} ${m.method}`)).toEqual([
      'breaking taobao.tbk.dg.general.link.convert',
      'breaking taobao.tbk.dg.general.link.parse',
      'docs taobao.tbk.order.refund.get',
    ]);
    const parse = report.methods.find((x) => x.method === 'taobao.tbk.dg.general.link.parse')!;
    expect(group(parse, ['breaking', 'compatible'])).toEqual({ breaking: { 'type-changed': ['request.material_dto'] } });
  });

  it('links the catalog title drift of order.refund.get by its method', () => {
    expect(report.catalog).toEqual([
      { kind: 'title-renamed', title: '淘宝客-推广者-全量售后退款订单查询', from: '淘宝客-推广者-全量维权退款订单查询', method: 'taobao.tbk.order.refund.get', linkedBy: 'method' },
    ]);
  });
});
