/**
 * The contract between generated request classes and the runtime. A generated module
 * declares `class XRequest implements TopRequest<XParams, XResponse>` with a static and an
 * instance `meta`; `TopClient.execute` reads only `meta` and `params`.
 */
import type { MethodMeta } from './metadata.js';

/** Fields every decoded success response may carry besides the documented ones. */
export interface TopResponseBase {
  /** The gateway's id of this call: quote it when asking TOP support. */
  request_id?: string;
}

export interface TopRequest<P extends object = Record<string, unknown>, R extends object = TopResponseBase> {
  readonly meta: MethodMeta;
  readonly params: P;
  /** Type-only link from a request to its response type; never set at run time. */
  readonly __response?: R;
}

/** The response type a request resolves to. */
export type ResponseOf<Q> = Q extends TopRequest<object, infer R> ? R : never;
