/**
 * Method metadata: the plain data each generated request module declares and the runtime
 * (encoding, validation, decoding) and the mock gateway interpret. Generated code only
 * declares this (and, for a method with `byte[]` params, points `multipart` at the runtime's
 * multipart support); all behaviour lives in the hand-written runtime.
 */
import type { MultipartSupport } from './multipart.js';

/** Wire-level kind of a scalar, derived from the TOP type name. */
export type ScalarKind =
  | 'string' // String, Date (yyyy-MM-dd HH:mm:ss text), Field List
  | 'number' // Number (Java Long: integers beyond 2^53 are kept exact as bigint)
  | 'boolean' // Boolean
  | 'price' // Price, BigDecimal: decimal text, never a float
  | 'json' // Json: JSON text on the wire
  | 'file'; // byte[]: multipart upload, never signed

export interface FieldMeta {
  /** Wire name (snake_case). */
  name: string;
  /** Scalar kind, or 'struct' with `struct` naming a key of `MethodMeta.types`. */
  kind: ScalarKind | 'struct';
  struct?: string;
  /** The TOP type ends in `[]`. */
  list?: boolean;
  /**
   * Key of the list wrapper object in non-simplified JSON and XML responses:
   * `"results": { "n_tbk_item": [...] }` → wrapper `n_tbk_item`.
   */
  wrapper?: string;
  /** Request params and struct request fields. */
  required?: boolean;
  maxLength?: number;
  maxListSize?: number;
  maxValue?: number;
  minValue?: number;
}

export type AuthMode = 'none' | 'optional' | 'required' | 'unknown';

export interface MethodMeta {
  /** e.g. `taobao.tbk.uvid.encrypt` */
  method: string;
  auth: AuthMode;
  /** Root key of a success response, e.g. `tbk_uvid_encrypt_response`. */
  rootKey: string;
  request: FieldMeta[];
  response: FieldMeta[];
  /** Struct types referenced by request and response fields. */
  types: Record<string, FieldMeta[]>;
  /** How the method pages, when it does (derived from the spec: docs/runtime.md "Paging"). */
  paging?: PagingMeta;
  /**
   * For a method with `byte[]` params: `multipart` of multipart.ts, which recognises file params
   * and sends them as `multipart/form-data` parts. Without it no param is taken for a file.
   */
  multipart?: MultipartSupport;
  /**
   * The checks of the kinds the request params have (param-checks.ts; generated modules name the
   * checks they import). The client checks values of these kinds only; a kind without a check is
   * only looked at for being present. `PARAM_CHECKS` holds every check.
   */
  checks?: ParamChecks;
}

/**
 * How a method pages, derived by the generator from its params and response fields:
 * - `page`: a `page_no` param (with `page_size` when the method has one);
 * - `cursor`: `position_index` + `jump_type` + `page_no` params, and `has_next` and
 *   `position_index` in the response (the order APIs: pass the position back, jump forward).
 * Paths are response field names from the decoded object's root.
 */
export interface PagingMeta {
  style: 'page' | 'cursor';
  /** The struct param holding the paging params (e.g. `af_order_option`); absent: top-level params. */
  param?: string;
  /** Path to the list of items, e.g. `['data', 'results']`. */
  items: string[];
  /** Path to `has_next`, when the response has one. */
  hasNext?: string[];
  /** Path to `total_results` / `total_count`, when the response has one. */
  total?: string[];
  /** `cursor`: path to the `position_index` to send with the next page. */
  position?: string[];
  /** The doc's default `page_size`, when it states one (a shorter page is the last). */
  defaultPageSize?: number;
  /** Names of the window params (`start_time`, `end_time`) when the method queries a time range. */
  window?: { start: string; end: string };
  /** Item fields that name an order (`trade_parent_id`, `trade_id`): the identity of an item. */
  identity?: string[];
}

/** Metadata of a method that pages: what `paginate` accepts. */
export interface PagedMethodMeta extends MethodMeta {
  paging: PagingMeta;
}

/** Metadata of an order-like method (pages, a time window, order ids): what `syncOrders` accepts. */
export interface OrderMethodMeta extends MethodMeta {
  paging: PagingMeta & { window: { start: string; end: string }; identity: string[] };
}

/** Test data for one method, taken from its doc samples (generated `testing` entry). */
export interface MethodFixture {
  meta: MethodMeta;
  /** Example request params by wire name, from the doc's example values. */
  example: Record<string, string>;
  samples: {
    json?: string;
    xml?: string;
    simplify_json?: string;
    error_json?: string;
    error_xml?: string;
  };
  /** `path` of sample values whose type differs from the declaration, accepted in the spec. */
  acceptedMismatches?: { path: string; reason: string }[];
}

/** What a kind's check reports to and recurses with. */
export interface Validation {
  meta: MethodMeta;
  add(param: string, message: string): void;
  /** Checks the fields of a struct value (paths prefixed). */
  fields(list: readonly FieldMeta[], values: Record<string, unknown>, prefix: string): void;
}

/** The check of one kind: a single value that is not blank (each item of a list). */
export type ParamCheck = (field: FieldMeta, value: unknown, path: string, v: Validation) => void;

/** Checks by kind (`MethodMeta.checks`). */
export type ParamChecks = Partial<Record<FieldMeta['kind'], ParamCheck>>;
