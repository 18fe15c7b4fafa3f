/**
 * TOP's gateway errors: codes and message texts as the gateway sends them (TOP error-code
 * table, "平台错误码"), and their rendering. Shape: `{"error_response": {"code", "msg",
 * "sub_code", "sub_msg", "request_id"}}` in JSON, `<error_response>…</error_response>` in XML.
 * Simplified JSON keeps the `error_response` root: the doc site publishes no simplified error
 * sample, and every official SDK looks for `error_response` whatever `simplify` says.
 */
import { stringifyJson } from '../runtime/json-lossless.js';
import { writeXmlElement, XML_PROLOG, type ResponseFormat } from './render-response.js';

export interface GatewayError {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
}

const error = (code: number, msg: string, sub_code?: string, sub_msg?: string): GatewayError => {
  const e: GatewayError = { code, msg };
  if (sub_code !== undefined) e.sub_code = sub_code;
  if (sub_msg !== undefined) e.sub_msg = sub_msg;
  return e;
};

export const topErrors = {
  appCallLimited: (seconds: number): GatewayError =>
    error(
      7,
      'App Call Limited',
      'accesscontrol.limited-by-app-access-count',
      `This ban will last for ${seconds} more seconds`,
    ),
  remoteServiceError: (
    subCode: string = 'isp.remote-service-error',
    subMsg: string = '服务端异常，请稍后重试',
  ): GatewayError => error(15, 'Remote service error', subCode, subMsg),
  missingMethod: (): GatewayError => error(21, 'Missing method'),
  invalidMethod: (method: string): GatewayError =>
    error(22, 'Invalid method', 'isv.method-not-exist', `method ${method} not exist`),
  invalidFormat: (format: string): GatewayError =>
    error(23, 'Invalid format', 'isv.invalid-format', `format ${format} is not json or xml`),
  missingSignature: (): GatewayError => error(24, 'Missing signature'),
  invalidSignature: (): GatewayError => error(25, 'Invalid signature'),
  unsupportedSignMethod: (signMethod: string): GatewayError =>
    error(
      25,
      'Invalid signature',
      'isv.invalid-sign-method',
      `sign_method ${signMethod} is not md5, hmac or hmac-sha256`,
    ),
  missingSession: (): GatewayError => error(26, 'Missing session'),
  invalidSession: (): GatewayError => error(27, 'Invalid session', 'invalid-sessionkey', 'session key is not valid'),
  missingAppKey: (): GatewayError => error(28, 'Missing app key'),
  invalidAppKey: (): GatewayError => error(29, 'Invalid app Key', 'isv.appkey-not-exists'),
  missingTimestamp: (): GatewayError => error(30, 'Missing timestamp'),
  invalidTimestamp: (reason: string): GatewayError => error(31, 'Invalid timestamp', 'isv.invalid-timestamp', reason),
  missingVersion: (): GatewayError => error(32, 'Missing version'),
  unsupportedVersion: (v: string): GatewayError =>
    error(34, 'Unsupported version', 'isv.unsupported-version', `version ${v} is not 2.0`),
  missingRequiredArguments: (name: string): GatewayError =>
    error(40, `Missing required arguments:${name}`, `isv.missing-parameter:${name}`, `缺少必选参数:${name}`),
  parameterError: (subCode: string, subMsg: string): GatewayError => error(43, 'Parameter error', subCode, subMsg),
  invalidArguments: (name: string, reason: string): GatewayError =>
    error(41, `Invalid arguments:${name}`, `isv.invalid-parameter:${name}`, reason),
} as const;

/** The error in the requested format; `request_id` last, as the gateway writes it. */
export function renderError(err: GatewayError, format: ResponseFormat, requestId: string): string {
  const body = { ...err, request_id: requestId };
  if (format === 'xml') return XML_PROLOG + writeXmlElement('error_response', body);
  return stringifyJson({ error_response: body });
}
