import { describe, expect, it } from 'vitest';
import { refundFixture } from '../../test/testing/fixtures/refund-fixture.js';
import { renderError, topErrors } from './error-responses.js';
import { errorSampleValue } from './sample-body.js';

describe('renderError', () => {
  const err = topErrors.missingRequiredArguments('adzone_id');

  it('writes error_response in JSON with request_id last', () => {
    expect(renderError(err, 'json', 'R')).toBe(
      '{"error_response":{"code":40,"msg":"Missing required arguments:adzone_id","sub_code":"isv.missing-parameter:adzone_id","sub_msg":"缺少必选参数:adzone_id","request_id":"R"}}',
    );
  });

  it('writes the same fields in XML', () => {
    expect(renderError(topErrors.invalidSignature(), 'xml', 'R')).toBe(
      '<?xml version="1.0" encoding="utf-8" ?><error_response><code>25</code><msg>Invalid signature</msg><request_id>R</request_id></error_response>',
    );
  });

  it('keeps the error_response root when simplified', () => {
    expect(renderError(err, 'simplify', 'R')).toBe(renderError(err, 'json', 'R'));
  });
});

describe('topErrors', () => {
  it('announces a code-7 ban the way clients parse it', () => {
    expect(topErrors.appCallLimited(30).sub_msg).toBe('This ban will last for 30 more seconds');
  });
});

describe('errorSampleValue', () => {
  it('reads the fields of the JSON and of the XML error sample alike', () => {
    const want = { code: 50, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: '非法参数' };
    expect(errorSampleValue(refundFixture)).toEqual(want);
    const xmlOnly = { ...refundFixture, samples: { error_xml: refundFixture.samples.error_xml! } };
    expect(errorSampleValue(xmlOnly)).toEqual(want);
  });
});
