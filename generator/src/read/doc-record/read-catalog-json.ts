/**
 * Reader for the doc site's API catalog (`getApiCatelogConfig.json?docId=285&docType=2`, the
 * `data` object or its whole envelope; corpus README "Doc-site JSON"):
 * `treeCategories[0].catelogTrees[] → { id, name, catelogList[] }`, category 38 being 淘宝客API,
 * each entry `{ id, name (method), subName (title), docId, docType, tips }`. Yields one
 * `catalog-json` snapshot of category 38 and no pages.
 *
 * The Go SDK generator's `catelog.json` (`{ name: "淘宝客API", pkg: "tbk", id: 38 }`) names the
 * category but lists no method. It yields no snapshot: an empty snapshot would read as "every
 * API was removed from the catalog" to whoever compares snapshots. A notice says so.
 */
import type { CatalogEntry, ReadResult, Reader } from '../page-model.js';
import { hasMember, memberOf, type JsonNode } from '../../positions/json-positions.js';
import { readList, readNumber, readText, report, type JsonReadContext } from './json-fields.js';
import { openJsonBody } from './envelope.js';
import { RecordCode } from './record-codes.js';

const TBK_CATEGORY_ID = 38;
const TBK_CATEGORY_NAME = '淘宝客API';

/** True for the catalog handler's `data` object and for the Go generator's category file. */
export function isCatalogJson(body: JsonNode): boolean {
  if (hasMember(body, 'treeCategories')) return true;
  return hasMember(body, 'pkg') && !hasMember(body, 'requestParams') && !hasMember(body, 'responseParams');
}

export const readCatalogJson: Reader = (file, text) => {
  const ctx: JsonReadContext = { file, diagnostics: [] };
  const result: ReadResult = { pages: [], catalogs: [], diagnostics: ctx.diagnostics };
  const body = openJsonBody(ctx, text, 'catalog');
  if (!body) return result;
  if (!hasMember(body, 'treeCategories') && hasMember(body, 'pkg')) {
    const name = readText(ctx, body, 'name', 'catalog')?.value ?? '';
    report(
      ctx,
      'notice',
      RecordCode.goCatalogEmpty,
      body.line,
      `category descriptor ${name} (pkg ${readText(ctx, body, 'pkg', 'catalog')?.value ?? ''}) lists no APIs: no catalog snapshot`,
    );
    return result;
  }
  const tree = findTbkTree(ctx, body);
  if (!tree) return result;
  const entries = (readList(ctx, tree, 'catelogList', 'category 38') ?? []).flatMap(
    (item, index) => readEntry(ctx, item, index) ?? [],
  );
  result.catalogs.push({ id: file, file, kind: 'catalog-json', entries });
  return result;
};

function findTbkTree(ctx: JsonReadContext, body: JsonNode): JsonNode | undefined {
  const categories = readList(ctx, body, 'treeCategories', 'catalog');
  if (!categories) {
    report(ctx, 'error', RecordCode.noTreeCategories, body.line, 'no treeCategories[] in the catalog: nothing read');
    return undefined;
  }
  const trees = categories
    .flatMap((category, index) => readList(ctx, category, 'catelogTrees', `treeCategories[${index}]`) ?? [])
    .map((tree, index) => ({
      tree,
      id: readNumber(ctx, tree, 'id', `catelogTrees[${index}]`)?.value,
      name: readText(ctx, tree, 'name', `catelogTrees[${index}]`)?.value.trim(),
    }));
  const found = (trees.find((t) => t.id === TBK_CATEGORY_ID) ?? trees.find((t) => t.name === TBK_CATEGORY_NAME))?.tree;
  if (!found) {
    const seen = trees.map((t) => [t.id, t.name].filter((v) => v !== undefined).join(' ')).join(', ');
    report(
      ctx,
      'error',
      RecordCode.noTbkCategory,
      body.line,
      `no category ${TBK_CATEGORY_ID} (${TBK_CATEGORY_NAME}) in treeCategories[].catelogTrees[] (found: ${seen || 'none'}): nothing read`,
    );
  }
  return found;
}

function readEntry(ctx: JsonReadContext, item: JsonNode, index: number): CatalogEntry | undefined {
  const path = `catelogList[${index}]`;
  const method = readText(ctx, item, 'name', path);
  const title = readText(ctx, item, 'subName', path);
  const line = memberOf(item, 'name')?.line ?? item.line;
  if (!title) {
    report(
      ctx,
      'warning',
      RecordCode.catalogEntryIncomplete,
      line,
      `${path} has no subName (the API title): entry dropped`,
    );
    return undefined;
  }
  if (!method)
    report(
      ctx,
      'warning',
      RecordCode.catalogEntryIncomplete,
      line,
      `${path} (${title.value}) has no name (the method): kept with its title only`,
    );
  const docId = readNumber(ctx, item, 'docId', path);
  return {
    title: title.value.trim(),
    ...(method ? { method: method.value.trim() } : {}),
    ...(docId ? { docId: docId.value } : {}),
    line,
  };
}
