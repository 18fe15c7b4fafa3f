/**
 * `tbk-client/testing`: a local TOP gateway for tests (docs/mock-gateway.md).
 */
export { startMockGateway, MOCK_PATH } from './mock-gateway.js';
export type { MockGateway, MockGatewayOptions, RecordedCall } from './mock-gateway.js';
export type { Fault, FaultKind } from './faults.js';
export { topErrors, renderError } from './error-responses.js';
export type { GatewayError } from './error-responses.js';
export { TIMESTAMP_WINDOW_MS, parseTopTimestamp } from './check-request.js';
export { renderResponse } from './render-response.js';
export type { ResponseFormat } from './render-response.js';
export { readJsonSample, readXmlSample } from './response-value.js';
export type { ResponseObject, ResponseValue } from './response-value.js';
export { synthesizeResponse, SYNTHETIC_PREFIX } from './synthesize-value.js';
export { sampleValue, errorSampleValue, DEFAULT_ERROR_SAMPLE } from './sample-body.js';
export type { AnsweredRequest } from './mock-gateway.js';
export { describeAnswer } from './answer-line.js';
export { runMockCli, MOCK_CLI_USAGE } from './mock-cli.js';
export type { MockCliIo } from './mock-cli.js';
export { DEFAULT_MAX_WINDOW_MS, defaultTimeField, servePage } from './paged-records.js';
export type { RecordSet, RecordsOptions } from './paged-records.js';
