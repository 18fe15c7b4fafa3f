/**
 * The guard of `TopClient.execute`/`send`: a call given something that is not a request (a plain
 * params object, a method name) fails with a TypeError that says what is expected, instead of
 * `Cannot read properties of undefined (reading 'method')` from deep inside the client.
 */
import { describe as describeValue } from './param-checks.js';
import type { TopRequest } from './request.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${describeValue(value)}`;
  if (typeof value !== 'object') return typeof value;
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? 'an object without keys' : `an object with keys ${keys.join(', ')}`;
}

export function assertRequest(request: unknown): asserts request is TopRequest<object, object> {
  const r = request as Partial<TopRequest<object, object>> | null | undefined;
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.meta === 'object' &&
    r.meta !== null &&
    typeof r.meta.method === 'string' &&
    Array.isArray(r.meta.request) &&
    typeof r.params === 'object' &&
    r.params !== null;
  if (!ok)
    throw new TypeError(
      `TopClient.execute: expected a request object such as new TbkItemInfoGetRequest({ ... }) (with meta.method and params), got ${describe(request)}`,
    );
}
