/**
 * Values of a decoded response by a path of field names (`PagingMeta.items`,
 * `['data', 'results']`): what paging reads from each page.
 */

/** The value at `path`, or undefined when a step is missing or not an object. */
export function readPath(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const name of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/** The list at `path` (a missing list is an empty page). */
export function readList(data: unknown, path: readonly string[]): unknown[] {
  const value = readPath(data, path);
  return Array.isArray(value) ? value : [];
}
