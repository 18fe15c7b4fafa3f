import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalog } from '../../generator/src/diff/diff-catalog.js';
import type { CatalogChange } from '../../generator/src/diff/diff-model.js';
import { loadSide } from '../../generator/src/diff/load-side.js';
import type { SpecSide } from '../../generator/src/diff/spec-side.js';
import { scrapeIntoSpec } from '../../generator/src/pipeline/scrape-into-spec.js';
import type { CatalogSpec } from '../../generator/src/spec/model.js';
import { makeCatalog } from './make-spec.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `['removed', t]`, `['added', t]`, `['renamed', from, to]`, in report order. */
type Row = [string, string] | ['renamed', string, string];
const rows = (changes: CatalogChange[]): Row[] =>
  changes.map((c) =>
    c.kind === 'title-renamed' ? ['renamed', c.from!, c.title] : [c.kind.slice('title-'.length), c.title],
  );

describe('catalog diff rules', () => {
  const t = (title: string, extra: Partial<CatalogSpec['titles'][number]> = {}) => ({
    title,
    snapshots: ['nav'],
    spec: false,
    ...extra,
  });

  it('reports titles added and removed', () => {
    const before = makeCatalog([t('淘宝客-公用-长链转短链'), t('淘宝客-推广者-店铺搜索')]);
    const after = makeCatalog([t('淘宝客-推广者-店铺搜索'), t('淘宝客-服务商-推广计划')]);
    expect(rows(diffCatalog(before, after))).toEqual([
      ['removed', '淘宝客-公用-长链转短链'],
      ['added', '淘宝客-服务商-推广计划'],
    ]);
    expect(rows(diffCatalog(after, before))).toEqual([
      ['removed', '淘宝客-服务商-推广计划'],
      ['added', '淘宝客-公用-长链转短链'],
    ]);
  });

  it('links a rename by method, whatever the titles look like', () => {
    const before = makeCatalog([t('淘宝客-推广者-全量售后退款订单查询', { method: 'taobao.tbk.order.refund.get' })]);
    const after = makeCatalog([t('全量维权订单', { method: 'taobao.tbk.order.refund.get' })]);
    expect(diffCatalog(before, after)).toEqual([
      {
        kind: 'title-renamed',
        title: '全量维权订单',
        from: '淘宝客-推广者-全量售后退款订单查询',
        method: 'taobao.tbk.order.refund.get',
        linkedBy: 'method',
      },
    ]);
  });

  it('links a rename that either catalog records in also_titled', () => {
    // Different roles, so the title-drift rule would not pair them: only the link does.
    const renamed = [
      { kind: 'title-renamed', title: '淘宝客【服务商】新名字', from: '淘宝客-推广者-旧名字', linkedBy: 'also_titled' },
    ];
    const oldTitle = '淘宝客-推广者-旧名字';
    const newTitle = '淘宝客【服务商】新名字';
    expect(diffCatalog(makeCatalog([t(oldTitle)]), makeCatalog([t(newTitle, { also_titled: [oldTitle] })]))).toEqual(
      renamed,
    );
    expect(diffCatalog(makeCatalog([t(oldTitle, { also_titled: [newTitle] })]), makeCatalog([t(newTitle)]))).toEqual(
      renamed,
    );
    expect(rows(diffCatalog(makeCatalog([t(oldTitle)]), makeCatalog([t(newTitle)])))).toEqual([
      ['removed', oldTitle],
      ['added', newTitle],
    ]);
  });

  it('links a nav rename by the title-drift rule: same role, similar text, single best match', () => {
    const before = makeCatalog([t('淘宝客-服务商-自定义服务组成员修改'), t('淘宝客-推广者-店铺搜索')]);
    const after = makeCatalog([t('淘宝客【服务商】自定义账号组成员修改'), t('淘宝客-推广者-店铺搜索')]);
    expect(diffCatalog(before, after)).toEqual([
      {
        kind: 'title-renamed',
        title: '淘宝客【服务商】自定义账号组成员修改',
        from: '淘宝客-服务商-自定义服务组成员修改',
        linkedBy: 'title-drift',
      },
    ]);
  });

  it('never pairs titles of another role, nor titles that sources map to different methods', () => {
    const roles = diffCatalog(
      makeCatalog([t('淘宝客-推广者-售后退款订单查询')]),
      makeCatalog([t('淘宝客-服务商-维权退款订单查询')]),
    );
    expect(roles.map((c) => c.kind)).toEqual(['title-removed', 'title-added']);
    const methods = diffCatalog(
      makeCatalog([t('淘宝客-推广者-售后退款订单查询', { method: 'taobao.tbk.relation.refund' })]),
      makeCatalog([t('淘宝客-推广者-维权退款订单查询', { method: 'taobao.tbk.sc.relation.refund' })]),
    );
    expect(methods.map((c) => c.kind)).toEqual(['title-removed', 'title-added']);
  });

  it('does not pair when two candidates match equally well', () => {
    const changes = diffCatalog(
      makeCatalog([t('淘宝客-推广者-物料精选')]),
      makeCatalog([t('淘宝客-推广者-物料精选A'), t('淘宝客-推广者-物料精选B')]),
    );
    expect(changes.map((c) => c.kind)).toEqual(['title-removed', 'title-added', 'title-added']);
  });
});

describe('catalog diffs between the five seed navs', () => {
  const pages = readdirSync(path.join(ROOT, 'spec/pages/rendered-pages'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  let sides: SpecSide[];
  let joint: CatalogSpec;
  beforeAll(async () => {
    const loaded = await Promise.all(
      pages.map((f) => loadSide(`spec/pages/rendered-pages/${f}`, { cwd: ROOT, specDir: 'spec' })),
    );
    sides = loaded.map((l) => l.side!);
    joint = (
      await scrapeIntoSpec({
        sources: ['spec/pages/rendered-pages'],
        specDir: 'test/tmp/diff-no-such-spec',
        cwd: ROOT,
        write: false,
      })
    ).catalog;
  });
  const pair = (i: number) => rows(diffCatalog(sides[i]!.catalog!, sides[i + 1]!.catalog!));

  it("has five navs (nav lines less 001's description, 002's notice and 003's repeated title)", () => {
    expect(pages).toHaveLength(5);
    expect(sides.map((s) => s.catalog!.titles.length)).toEqual([159, 165 - 1, 165 - 1, 174 - 1, 166]);
  });

  it('000 → 001: 售后退款 becomes 维权退款; seed 001 description line is not a title', () => {
    expect(pair(0)).toEqual([
      ['removed', '创建社群拉新礼金'],
      ['removed', '淘宝客-内容三方-媒体数据报表交换-汇总数据'],
      ['removed', '淘宝客-推广者-UVID人群挑量'],
      ['removed', '淘宝客-服务商-UVID人群挑量'],
      ['removed', '淘宝客-服务商-自定义服务组成员修改'],
      ['removed', '淘宝客-服务商-自定义服务组成员查询'],
      ['renamed', '淘宝客-推广者-全量售后退款订单查询', '淘宝客-推广者-全量维权退款订单查询'],
      ['renamed', '淘宝客-推广者-售后退款订单查询', '淘宝客-推广者-维权退款订单查询'],
      ['renamed', '淘宝客-服务商-全量售后退款订单查询', '淘宝客-服务商-全量维权退款订单查询'],
      ['renamed', '淘宝客-服务商-售后退款订单查询', '淘宝客-服务商-维权退款订单查询'],
      ['added', '淘宝客-公用-手淘注册用户判定'],
      ['added', '淘宝客-推广者-商业化图片生成'],
      ['added', '淘宝客-推广者-图文智能识别达人端商品筛选'],
      ['added', '淘宝客-推广者-图文智能识别达人端推荐物料查询'],
      ['added', '淘宝客-推广者-媒体日报(达人维度)'],
      ['added', '淘宝客-推广者-媒体月报(媒体维度)'],
      ['added', '淘宝客-推广者-拉新活动首购预估数据'],
      ['added', '淘宝客-推广者-渠道管理rid推广效果'],
      ['added', '淘宝客-推广者-联盟口令生成'],
      ['added', '淘宝客-服务商-删除人群标签'],
      ['added', '淘宝客-服务商-获取人群标签'],
    ]);
  });

  it('001 → 002: 维权退款 back to 售后退款, 行为上报 → 商品行为上报; the notice line is not a title', () => {
    expect(pair(1)).toEqual([
      ['removed', '淘宝客-公用-手淘注册用户判定'],
      ['removed', '淘宝客-推广者-商业化图片生成'],
      ['removed', '淘宝客-推广者-图文智能识别达人端商品筛选'],
      ['removed', '淘宝客-推广者-图文智能识别达人端推荐物料查询'],
      ['removed', '淘宝客-推广者-媒体日报(达人维度)'],
      ['removed', '淘宝客-推广者-媒体月报(媒体维度)'],
      ['removed', '淘宝客-推广者-拉新活动首购预估数据'],
      ['removed', '淘宝客-推广者-渠道管理rid推广效果'],
      ['removed', '淘宝客-推广者-渠道管理组团明细数据'],
      ['removed', '淘宝客-推广者-渠道管理组团汇总数据'],
      ['removed', '淘宝客-推广者-联盟口令生成'],
      ['removed', '淘宝客-服务商-删除人群标签'],
      ['removed', '淘宝客-服务商-获取人群标签'],
      ['renamed', '淘宝客-推广者-全量维权退款订单查询', '淘宝客-推广者-全量售后退款订单查询'],
      ['renamed', '淘宝客-推广者-维权退款订单查询', '淘宝客-推广者-售后退款订单查询'],
      ['renamed', '淘宝客-推广者-行为上报', '淘宝客-推广者-商品行为上报'],
      ['renamed', '淘宝客-服务商-全量维权退款订单查询', '淘宝客-服务商-全量售后退款订单查询'],
      ['renamed', '淘宝客-服务商-维权退款订单查询', '淘宝客-服务商-售后退款订单查询'],
      ['renamed', '淘宝客-服务商-行为上报', '淘宝客-服务商-商品行为上报'],
      ['added', '创建社群拉新礼金'],
      ['added', '淘宝客-内容三方-媒体数据报表交换-汇总数据'],
      ['added', '淘宝客-推广者-UVID人群挑量'],
      ['added', '淘宝客-推广者-目标用户批量匹配'],
      ['added', '淘宝客-服务商-UVID人群挑量'],
      ['added', '淘宝客-服务商-拉新CPA奖励明细数据'],
      ['added', '淘宝客-服务商-联盟推广位查询API'],
      ['added', '淘宝客-服务商-自定义服务组成员修改'],
      ['added', '淘宝客-服务商-自定义服务组成员查询'],
      ['added', '淘宝客-服务商-订单ID挑量'],
      ['added', '生态发单结果回调'],
      ['added', '生态发单计划拉取'],
      ['added', '生态发单通路状态上报'],
    ]);
  });

  it('002 → 003: no renames; the title 003 prints twice is added once', () => {
    expect(pair(2)).toEqual([
      ['removed', '内容媒体-达人实时销量榜单'],
      ['removed', '淘宝客-推广者-媒体智能化投放'],
      ['removed', '淘宝客-推广者-店铺链接转换'],
      ['removed', '淘宝客-推广者-快手日报(达人维度)'],
      ['removed', '淘宝客-推广者-物料上行'],
      ['removed', '淘宝客-推广者-达人实时销量汇总数据'],
      ['removed', '淘宝客-服务商-店铺链接转换'],
      ['removed', '淘宝客-服务商-新用户订单明细查询'],
      ['added', '淘宝客-推广者-KA私域专享转链'],
      ['added', '淘宝客-推广者-拉新承接页转链'],
      ['added', '淘宝客-服务商-Agent异常上报'],
      ['added', '淘宝客-服务商-Agent能力上报'],
      ['added', '淘宝客-服务商-推广计划'],
      ['added', '淘宝客-服务商-机器人好友变更通知'],
      ['added', '淘宝客-服务商-机器人能力状态同步'],
      ['added', '淘宝客-服务商-物料上翻'],
      ['added', '淘宝客-服务商-物料更新'],
      ['added', '淘宝客-服务商-社群明细数据'],
      ['added', '淘宝客-服务商-私聊计划拉取'],
      ['added', '淘宝客-服务商-组管理结果回调'],
      ['added', '淘宝客-服务商-组管理计划拉取'],
      ['added', '淘宝客【推广者】识图找优惠h5'],
      ['added', '淘宝客【推广者】识图找优惠商品List'],
      ['added', '淘宝客【推广者】超级红包媒体直发状态查询'],
      ['added', '淘宝客【服务商】超级红包媒体直发状态查询'],
    ]);
  });

  it('003 → 004: 售后退款 → 维权退款, 商品行为上报 → 行为上报, 自定义服务组 → 自定义账号组', () => {
    expect(pair(3)).toEqual([
      ['removed', '创建社群拉新礼金'],
      ['removed', '淘宝客-内容三方-媒体数据报表交换-汇总数据'],
      ['removed', '淘宝客-推广者-KA私域专享转链'],
      ['removed', '淘宝客-推广者-UVID人群挑量'],
      ['removed', '淘宝客-推广者-拉新承接页转链'],
      ['removed', '淘宝客-推广者-目标用户批量匹配'],
      ['removed', '淘宝客-服务商-Agent异常上报'],
      ['removed', '淘宝客-服务商-Agent能力上报'],
      ['removed', '淘宝客-服务商-UVID人群挑量'],
      ['removed', '淘宝客-服务商-拉新CPA奖励明细数据'],
      ['removed', '淘宝客-服务商-推广计划'],
      ['removed', '淘宝客-服务商-机器人好友变更通知'],
      ['removed', '淘宝客-服务商-机器人能力状态同步'],
      ['removed', '淘宝客-服务商-物料上翻'],
      ['removed', '淘宝客-服务商-物料更新'],
      ['removed', '淘宝客-服务商-社群明细数据'],
      ['removed', '淘宝客-服务商-私聊计划拉取'],
      ['removed', '淘宝客-服务商-组管理结果回调'],
      ['removed', '淘宝客-服务商-组管理计划拉取'],
      ['removed', '淘宝客-服务商-联盟推广位查询API'],
      ['removed', '淘宝客-服务商-订单ID挑量'],
      ['removed', '淘宝客【推广者】识图找优惠h5'],
      ['removed', '淘宝客【推广者】识图找优惠商品List'],
      ['removed', '淘宝客【推广者】超级红包媒体直发状态查询'],
      ['removed', '淘宝客【服务商】超级红包媒体直发状态查询'],
      ['removed', '生态发单结果回调'],
      ['removed', '生态发单计划拉取'],
      ['removed', '生态发单通路状态上报'],
      ['renamed', '淘宝客-推广者-全量售后退款订单查询', '淘宝客-推广者-全量维权退款订单查询'],
      ['renamed', '淘宝客-推广者-售后退款订单查询', '淘宝客-推广者-维权退款订单查询'],
      ['renamed', '淘宝客-推广者-商品行为上报', '淘宝客-推广者-行为上报'],
      ['renamed', '淘宝客-服务商-全量售后退款订单查询', '淘宝客-服务商-全量维权退款订单查询'],
      ['renamed', '淘宝客-服务商-售后退款订单查询', '淘宝客-服务商-维权退款订单查询'],
      ['renamed', '淘宝客-服务商-商品行为上报', '淘宝客-服务商-行为上报'],
      ['renamed', '淘宝客-服务商-自定义服务组成员修改', '淘宝客【服务商】自定义账号组成员修改'],
      ['renamed', '淘宝客-服务商-自定义服务组成员查询', '淘宝客【服务商】自定义账号组成员查询'],
      ['added', '内容媒体-达人实时销量榜单'],
      ['added', '淘宝客-公用-手淘注册用户判定'],
      ['added', '淘宝客-推广者-商业化图片生成'],
      ['added', '淘宝客-推广者-图文智能识别达人端商品筛选'],
      ['added', '淘宝客-推广者-图文智能识别达人端推荐物料查询'],
      ['added', '淘宝客-推广者-媒体日报(达人维度)'],
      ['added', '淘宝客-推广者-媒体智能化投放'],
      ['added', '淘宝客-推广者-媒体月报(媒体维度)'],
      ['added', '淘宝客-推广者-店铺链接转换'],
      ['added', '淘宝客-推广者-快手日报(达人维度)'],
      ['added', '淘宝客-推广者-拉新活动首购预估数据'],
      ['added', '淘宝客-推广者-渠道管理rid推广效果'],
      ['added', '淘宝客-推广者-渠道管理组团明细数据'],
      ['added', '淘宝客-推广者-渠道管理组团汇总数据'],
      ['added', '淘宝客-推广者-物料上行'],
      ['added', '淘宝客-推广者-联盟口令生成'],
      ['added', '淘宝客-推广者-达人实时销量汇总数据'],
      ['added', '淘宝客-服务商-删除人群标签'],
      ['added', '淘宝客-服务商-店铺链接转换'],
      ['added', '淘宝客-服务商-新用户订单明细查询'],
      ['added', '淘宝客-服务商-获取人群标签'],
    ]);
  });

  it('every rename it finds is a drift the joint catalog of all five navs links in also_titled', () => {
    const renames = [0, 1, 2, 3].flatMap((i) =>
      pair(i).filter((r): r is ['renamed', string, string] => r[0] === 'renamed'),
    );
    expect(renames).toHaveLength(4 + 6 + 0 + 8);
    const linked = new Map(joint.titles.map((t) => [t.title, new Set(t.also_titled ?? [])]));
    for (const [, from, to] of renames) expect(linked.get(from)?.has(to), `${from} → ${to}`).toBe(true);
  });

  it('links the same renames through also_titled when one side is the joint catalog', () => {
    // The joint catalog knows the drift; a side that is one nav does not. Keep only the titles of
    // seed 004 in the joint catalog, so the renames must come from its also_titled links.
    const only004 = new Set(sides[4]!.catalog!.titles.map((t) => t.title));
    const after = { ...joint, titles: joint.titles.filter((t) => only004.has(t.title)) };
    const changes = diffCatalog(sides[3]!.catalog!, after).filter((c) => c.kind === 'title-renamed');
    expect(changes.map((c) => `${c.linkedBy}: ${c.from} → ${c.title}`)).toContain(
      'also_titled: 淘宝客-服务商-自定义服务组成员修改 → 淘宝客【服务商】自定义账号组成员修改',
    );
    expect(changes.every((c) => c.linkedBy === 'also_titled' || c.linkedBy === 'method')).toBe(true);
    expect(changes).toHaveLength(8);
  });
});
