import { describe, expect, it } from 'vitest';
import { XML_PROLOG } from './render-response.js';
import { addRequestIdToJson, addRequestIdToXml, newRequestId } from './request-id.js';

describe('addRequestIdToJson', () => {
  it.each([
    ['under the root key, after the last member', '{"a_response":{"x":1}}', '{"a_response":{"x":1,"request_id":"R"}}'],
    [
      'keeping the layout around it',
      '{\n  "a_response": {\n    "x": 1\n  }\n}\n',
      '{\n  "a_response": {\n    "x": 1,"request_id":"R"\n  }\n}',
    ],
    ['without a comma in an empty root', '{"a_response":{ }}', '{"a_response":{"request_id":"R" }}'],
    ['in the error_response root', '{"error_response":{"code":50}}', '{"error_response":{"code":50,"request_id":"R"}}'],
    [
      'in the outer object when there is no single root key',
      '{"x":1,"y":{"z":2}}',
      '{"x":1,"y":{"z":2},"request_id":"R"}',
    ],
    [
      'into invalid JSON judged from its start (seed 004 style)',
      '{"a_response":{"x":oops}}',
      '{"a_response":{"x":oops,"request_id":"R"}}',
    ],
  ])('adds it %s', (_name, text, want) => {
    expect(addRequestIdToJson(text, 'R')).toBe(want);
  });

  it('leaves text that is not an object alone', () => {
    expect(addRequestIdToJson('[1]', 'R')).toBe('[1]');
  });
});

describe('addRequestIdToXml', () => {
  it('adds it before the root closing tag and adds the prolog when missing', () => {
    expect(addRequestIdToXml('<a_response> <x>1</x> </a_response>', 'R')).toBe(
      `${XML_PROLOG}<a_response> <x>1</x> <request_id>R</request_id></a_response>`,
    );
  });
  it('keeps an existing prolog', () => {
    const text = '<?xml version="1.0"?><a><x/></a>';
    expect(addRequestIdToXml(text, 'R')).toBe('<?xml version="1.0"?><a><x/><request_id>R</request_id></a>');
  });
});

describe('newRequestId', () => {
  it('gives fresh 13-character base-36 ids', () => {
    const ids = new Set(Array.from({ length: 50 }, newRequestId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{13}$/);
  });
});
