/**
 * Public exports of the runtime (the client core of `tbk-client`). Generated request modules
 * import `TopRequest` and the `MethodMeta` types from here; users import `TopClient`.
 */
export { TopClient, type CallOptions, type TopResult } from './client.js';
export { DEFAULT_GATEWAY, type TopClientOptions } from './client-options.js';
export {
  decodeResponse,
  parseTopResponse,
  type DecodedResponse,
  type DecodeOptions,
  type ResponseFormat,
  type XmlDecoder,
} from './decode-response.js';
export { decodeXmlResponse } from './decode-xml.js';
export {
  TopClientError,
  TopError,
  TopResponseError,
  TopTransportError,
  TopValidationError,
  type TopErrorFields,
  type TransportFailure,
  type ValidationProblem,
} from './errors.js';
export type { FileData, FileInput } from './file-input.js';
export { multipart, type MultipartSupport } from './multipart.js';
export type { TopLogEvent, TopLogger, TopRequestEvent, TopResponseEvent, TopRetryEvent } from './logger.js';
export type { Long } from './long.js';
export type {
  AuthMode,
  FieldMeta,
  MethodFixture,
  MethodMeta,
  OrderMethodMeta,
  PagedMethodMeta,
  PagingMeta,
  ScalarKind,
} from './metadata.js';
export type { ResponseOf, TopRequest, TopResponseBase } from './request.js';
export { sign, SIGN_METHODS, type SignMethod } from './sign.js';
export { formatTopTimestamp } from './timestamp.js';
export type { FetchLike } from './transport.js';
export { checkParams, validateParams } from './validate-params.js';
export {
  checkBoolean,
  checkDecimal,
  checkFile,
  checkInteger,
  checkJson,
  checkStruct,
  checkText,
  PARAM_CHECKS,
  type ParamCheck,
  type ParamChecks,
  type Validation,
} from './param-checks.js';
export { MemoryFlowStore } from './memory-flow-store.js';
export type { FlowControlStore, RateLimit } from './flow-store.js';
export { takeFromBucket, type BucketStep } from './token-bucket.js';
export {
  paginate,
  type ItemOf,
  type Page,
  type PagedRequest,
  type PaginateOptions,
  type TopSender,
} from './paginate.js';
export {
  syncOrders,
  type OrderRequestClass,
  type ParamsOfClass,
  type SyncCheckpoint,
  type SyncOrdersOptions,
  type SyncParams,
} from './sync-orders.js';
export { DEFAULT_WINDOW_MS } from './time-windows.js';
export { TopAuthError, TopFlowControlError, TopInvalidParameterError } from './top-error-kinds.js';
export { CLIENT_VERSION } from './version.js';
