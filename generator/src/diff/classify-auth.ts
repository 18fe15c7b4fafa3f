/**
 * Auth (whether a user session is needed) as a contract of the generated client: a method whose
 * auth is `required` makes the client demand a session; every other value lets the caller pass
 * one or not.
 *
 * `unknown` (no source says: the markdown dump and the reduced records carry no labels and no
 * `execute(req, sessionKey)` sample) is treated like `optional`: the client can neither demand
 * nor refuse a session, so
 * - none | optional | unknown → required is breaking (callers without a session now fail);
 * - required → none | optional | unknown is compatible;
 * - any other move (none ↔ optional, anything ↔ unknown) changes only what the docs say.
 */
import type { Auth } from '../vocabulary/auth.js';
import type { Change } from './diff-model.js';

export function classifyAuthChange(before: Auth, after: Auth): Change | undefined {
  if (before === after) return undefined;
  const base = { path: 'auth', old: before, new: after };
  if (after === 'required')
    return {
      ...base,
      severity: 'breaking',
      kind: 'auth-required',
      message: `user authorisation now required (was ${before})`,
    };
  if (before === 'required')
    return {
      ...base,
      severity: 'compatible',
      kind: 'auth-relaxed',
      message: `user authorisation no longer required (now ${after})`,
    };
  return { ...base, severity: 'docs', kind: 'auth-changed', message: `auth changed ${before} → ${after}` };
}
