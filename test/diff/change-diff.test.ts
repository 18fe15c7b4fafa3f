import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSiteEntry } from '../../generator/src/diff/change-diff-compare.js';
import type { ChangeDiffCheck } from '../../generator/src/diff/diff-model.js';
import { diffSpecs } from '../../generator/src/diff/diff-specs.js';
import { loadSide } from '../../generator/src/diff/load-side.js';
import type { SpecSide } from '../../generator/src/diff/spec-side.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { editFields, makeSide, makeSpec } from './make-spec.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, 'spec/pages');

function check(before: MethodSpec, after: MethodSpec, time?: number): ChangeDiffCheck | undefined {
  const old = makeSide([before], time ? { time } : {});
  return diffSpecs(old, makeSide([after])).methods[0]?.changeDiff;
}

const base = makeSpec();
const record = (gmt: number, input: string[], output: string[] = []) => ({ gmt_modified: gmt, input, output });
const withFields = editFields(base, 'request', (f) => [...f, { name: 'fields', type: 'String' }]);

describe('site change entries', () => {
  it('map input entries to request paths and output entries to response paths', () => {
    expect(parseSiteEntry('[+] fields', 'request')).toEqual({ sign: '+', path: 'request.fields' });
    expect(parseSiteEntry('[+] data->material_url_list->link_info_dto->origin_pid', 'response')).toEqual({
      sign: '+',
      path: 'response.data.material_url_list.link_info_dto.origin_pid',
    });
    expect(parseSiteEntry('[-] item_dto->x', 'request')).toEqual({ sign: '-', path: 'request.item_dto.x' });
    expect(parseSiteEntry('changed fields', 'request')).toBeUndefined();
  });
});

describe('the doc site change record beside our diff', () => {
  it('confirms what both say, and flags what only ours shows when the record is newer than the old side', () => {
    const before = { ...base, change_diff: record(1000, []) };
    const after = {
      ...editFields(withFields, 'request', (f) => [...f, { name: 'page_no', type: 'Number' }]),
      change_diff: record(2000, ['[+] fields']),
    };
    expect(check(before, after)).toEqual({
      gmtModified: 2000,
      input: ['[+] fields'],
      output: [],
      newerThanOld: true,
      confirmed: ['[+] request.fields'],
      alreadyOnOldSide: [],
      uncheckable: [],
      missingFromDiff: [],
      missingFromSite: ['[+] request.page_no'],
    });
    expect(diffSpecs(makeSide([before]), makeSide([after])).summary.changeDiffDisagreements).toBe(1);
  });

  it('uses the old side time (a git commit) to know the record is newer', () => {
    const after = { ...withFields, change_diff: record(2000, []) };
    expect(check(base, after, 1000)).toMatchObject({ newerThanOld: true, missingFromSite: ['[+] request.fields'] });
    expect(check(base, after, 3000)).toMatchObject({ newerThanOld: false, missingFromSite: [] });
  });

  it('does not claim the site missed anything when the old side time is unknown', () => {
    const after = { ...withFields, change_diff: record(2000, []) };
    expect(check(base, after)).toMatchObject({ newerThanOld: false, missingFromSite: [], missingFromDiff: [] });
  });

  it('flags a site entry the new side does not bear out', () => {
    const after = { ...base, change_diff: record(2000, ['[+] fields'], ['[-] results->title']) };
    expect(check(base, after)).toMatchObject({
      missingFromDiff: ['[+] request.fields', '[-] response.results.title'],
      confirmed: [],
    });
  });

  it('a site entry already true on the old side is an older change, unless the record is newer than the old side', () => {
    const after = { ...withFields, description: 'x', change_diff: record(2000, ['[+] fields']) };
    expect(check(withFields, after)).toMatchObject({ alreadyOnOldSide: ['[+] request.fields'], missingFromDiff: [] });
    expect(check(withFields, after, 1000)).toMatchObject({
      alreadyOnOldSide: [],
      missingFromDiff: ['[+] request.fields'],
    });
  });

  it('confirms removals and entries inside a struct our diff adds whole', () => {
    const before = editFields(base, 'response', (f) => [...f, { name: 'total', type: 'Number' }]);
    const after = {
      ...editFields(base, 'response', (f) => [...f, { name: 'extra', type: 'ExtraDTO' }]),
      types: { ...base.types, ExtraDTO: [{ name: 'x', type: 'String' }] },
      change_diff: record(2000, [], ['[-] total', '[+] extra->x']),
    };
    expect(check(before, after)).toMatchObject({
      confirmed: ['[-] response.total', '[+] response.extra.x'],
      missingFromDiff: [],
    });
  });

  it('cannot check entries below a struct one side does not expand', () => {
    const before = { ...base, types: {} };
    const after = {
      ...editFields(base, 'types.NTbkItem', (f) => [...f, { name: 'origin_pid', type: 'String' }]),
      change_diff: record(2000, [], ['[+] results->origin_pid']),
    };
    expect(check(before, after)).toMatchObject({
      uncheckable: ['[+] response.results.origin_pid'],
      missingFromDiff: [],
    });
  });

  it('has nothing to check when the old side carries the same record', () => {
    const both = { ...withFields, change_diff: record(2000, ['[+] fields']) };
    expect(check(both, { ...both, description: 'changed' })).toBeUndefined();
  });
});

describe('real doc records: the markdown dump → the doc-site records of the same methods', () => {
  let dump: SpecSide;
  let records: SpecSide;
  beforeAll(async () => {
    const opts = { cwd: ROOT, specDir: 'spec' };
    const loaded = await Promise.all([
      loadSide(path.join(CORPUS, 'markdown-dump'), opts),
      loadSide(path.join(CORPUS, 'doc-records'), opts),
    ]);
    [dump, records] = [loaded[0].side!, loaded[1].side!];
  });
  const checkOf = (method: string) =>
    diffSpecs(dump, records, { sharedOnly: true }).methods.find((m) => m.method === method)?.changeDiff;

  it('general.link.parse: the record of 2024-12-12 lists `fields` and origin_pid, which the dump already has', () => {
    expect(checkOf('taobao.tbk.dg.general.link.parse')).toEqual({
      gmtModified: 1733967521000,
      input: ['[+] fields'],
      output: ['[+] data->material_url_list->link_info_dto->origin_pid'],
      newerThanOld: false,
      confirmed: [],
      alreadyOnOldSide: ['[+] request.fields', '[+] response.data.material_url_list.link_info_dto.origin_pid'],
      uncheckable: [],
      missingFromDiff: [],
      missingFromSite: [],
    });
  });

  it('general.link.convert: manage_pub_id sits in item_dto, whose fields the dump does not print', () => {
    const c = checkOf('taobao.tbk.dg.general.link.convert')!;
    expect(c.uncheckable).toEqual(['[+] request.item_dto.manage_pub_id']);
    expect(c.alreadyOnOldSide).toEqual([
      '[+] response.data.material_url_list.promotion_info_dto.multiple_items_prices_count',
      '[+] response.data.material_url_list.multiple_items_coupon_info_list',
      '[+] response.data.item_url_list.promotion_info_dto.multiple_items_prices_count',
      '[+] response.data.item_url_list.multiple_items_coupon_info_list',
    ]);
    expect(c.missingFromDiff).toEqual([]);
  });

  it('general.link.parse: confirms the record against an older copy of it without those fields', () => {
    const now = records.methods.get('taobao.tbk.dg.general.link.parse')!;
    const older = structuredClone(now);
    delete older.change_diff;
    older.request = older.request.filter((f) => f.name !== 'fields');
    for (const fields of Object.values(older.types)) {
      const at = fields.findIndex((f) => f.name === 'origin_pid');
      if (at >= 0) fields.splice(at, 1);
    }
    const c = diffSpecs(makeSide([older], { time: now.change_diff!.gmt_modified - 1 }), makeSide([now])).methods[0]!
      .changeDiff!;
    expect(c).toMatchObject({
      newerThanOld: true,
      confirmed: ['[+] request.fields', '[+] response.data.material_url_list.link_info_dto.origin_pid'],
      missingFromDiff: [],
      missingFromSite: [],
    });
  });
});
