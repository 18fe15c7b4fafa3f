/**
 * The text of an answer taken from a method's doc samples: the sample of the requested format
 * as printed, else a rendering of another sample, else a synthetic value; always with a fresh
 * `request_id`.
 */
import type { MethodFixture } from '../runtime/metadata.js';
import { renderError, type GatewayError } from './error-responses.js';
import { LosslessNumber, parseJsonLossless } from '../runtime/json-lossless.js';
import { parseXml } from '../runtime/xml.js';
import { renderResponse, type ResponseFormat } from './render-response.js';
import { addRequestIdToJson, addRequestIdToXml } from './request-id.js';
import { isObject, readJsonSample, readXmlSample, type ResponseObject } from './response-value.js';
import { synthesizeResponse } from './synthesize-value.js';

export interface AnswerBody {
  text: string;
  /** No sample existed: the value was synthesised from the metadata. */
  synthetic: boolean;
}

/** The doc's usual error sample (every error sample of the corpus is this one). */
export const DEFAULT_ERROR_SAMPLE: GatewayError = {
  code: 50,
  msg: 'Remote service error',
  sub_code: 'isv.invalid-parameter',
  sub_msg: '非法参数',
};

export function successBody(
  fixture: MethodFixture,
  format: ResponseFormat,
  requestId: string,
  value?: ResponseObject,
): AnswerBody {
  const { meta, samples } = fixture;
  if (value) return { text: renderResponse(meta, value, format, requestId), synthetic: false };
  const sample = format === 'json' ? samples.json : format === 'simplify' ? samples.simplify_json : samples.xml;
  if (sample !== undefined) {
    const text = format === 'xml' ? addRequestIdToXml(sample, requestId) : addRequestIdToJson(sample, requestId);
    return { text, synthetic: false };
  }
  const documented = sampleValue(fixture);
  const synthetic = documented === undefined;
  return { text: renderResponse(meta, documented ?? synthesizeResponse(fixture), format, requestId), synthetic };
}

/** The decoded-shape value of the first readable success sample (JSON, simplified, XML). */
export function sampleValue(fixture: MethodFixture): ResponseObject | undefined {
  const { meta, samples } = fixture;
  const readers: [string | undefined, (text: string) => ResponseObject][] = [
    [samples.json, (t) => readJsonSample(meta, t)],
    [samples.simplify_json, (t) => readJsonSample(meta, t)],
    [samples.xml, (t) => readXmlSample(meta, t)],
  ];
  for (const [text, read] of readers) {
    if (text === undefined) continue;
    try {
      return read(text);
    } catch {
      // An unreadable sample (seed 004 prints invalid JSON) is served as printed, never rendered.
    }
  }
  return undefined;
}

export function errorSampleBody(fixture: MethodFixture, format: ResponseFormat, requestId: string): string {
  const { error_json: json, error_xml: xml } = fixture.samples;
  if (format === 'xml' && xml !== undefined) return addRequestIdToXml(xml, requestId);
  if (format !== 'xml' && json !== undefined) return addRequestIdToJson(json, requestId);
  return renderError(errorSampleValue(fixture) ?? DEFAULT_ERROR_SAMPLE, format, requestId);
}

/** The error fields of the JSON or XML error sample. */
export function errorSampleValue(fixture: MethodFixture): GatewayError | undefined {
  const { error_json: json, error_xml: xml } = fixture.samples;
  const fields: Record<string, string> = {};
  try {
    if (json !== undefined) {
      const root = parseJsonLossless(json);
      const body = isObject(root) ? root['error_response'] : undefined;
      if (!isObject(body)) return undefined;
      for (const [k, v] of Object.entries(body)) fields[k] = v instanceof LosslessNumber ? v.text : String(v);
    } else if (xml !== undefined) {
      for (const child of parseXml(xml).children) fields[child.name] = child.text;
    } else {
      return undefined;
    }
  } catch {
    return undefined;
  }
  const code = Number(fields['code']);
  if (!Number.isInteger(code) || fields['msg'] === undefined) return undefined;
  const error: GatewayError = { code, msg: fields['msg'] };
  if (fields['sub_code'] !== undefined) error.sub_code = fields['sub_code'];
  if (fields['sub_msg'] !== undefined) error.sub_msg = fields['sub_msg'];
  return error;
}
