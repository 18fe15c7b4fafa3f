import { afterEach, describe, expect, it } from 'vitest';
import { TopClient } from './client.js';
import { encodeParams } from './encode-params.js';
import type { MethodMeta } from './metadata.js';
import type { TopRequest, TopResponseBase } from './request.js';
import { sign } from './sign.js';
import { startLocalGateway, type LocalGateway } from './test-support/local-gateway.js';
import { validateParams } from './validate-params.js';

// Params named like Object.prototype members (test/golden/prototype-names.yaml).
const meta: MethodMeta = {
  method: 'taobao.tbk.golden.prototype.names',
  auth: 'none',
  rootKey: 'tbk_golden_prototype_names_response',
  request: [
    { name: 'constructor', kind: 'number' },
    { name: 'toString', kind: 'string' },
    { name: 'valueOf', kind: 'boolean' },
    { name: 'hasOwnProperty', kind: 'string' },
    { name: '__proto__', kind: 'string' },
  ],
  response: [],
  types: {},
};

class ProtoRequest implements TopRequest<Record<string, unknown>, TopResponseBase> {
  readonly meta = meta;
  constructor(readonly params: Record<string, unknown> = {}) {}
}

let gateway: LocalGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('params named like Object.prototype members', () => {
  it('are read as own properties only: absent optional params are not the inherited functions', () => {
    expect(validateParams(meta, {})).toEqual([]);
    expect(validateParams(meta, Object.create(null))).toEqual([]);
    const required: MethodMeta = { ...meta, request: [{ name: 'toString', kind: 'string', required: true }] };
    expect(validateParams(required, {})).toEqual([{ param: 'toString', message: 'required param is missing' }]);
  });

  it('are validated and encoded when given, __proto__ included', () => {
    const params = { constructor: 5, toString: 'ts', valueOf: true, hasOwnProperty: 'h', ['__proto__']: 'p' };
    expect(Object.keys(params)).toContain('__proto__');
    expect(validateParams(meta, params)).toEqual([]);
    expect(validateParams(meta, { constructor: 'x' })).toEqual([
      { param: 'constructor', message: expect.stringContaining('expects an integer') },
    ]);
    const { text } = encodeParams(meta, params);
    expect(Object.entries(text)).toEqual([
      ['constructor', '5'],
      ['toString', 'ts'],
      ['valueOf', 'true'],
      ['hasOwnProperty', 'h'],
      ['__proto__', 'p'],
    ]);
  });

  it('are sent and signed: the gateway receives __proto__ and a signature over it', async () => {
    gateway = await startLocalGateway(() => ({ body: '{"tbk_golden_prototype_names_response":{"request_id":"r"}}' }));
    const client = new TopClient({ appKey: 'k', appSecret: 'secret', gateway: gateway.url });
    await client.execute(new ProtoRequest({ ['__proto__']: 'p', constructor: 1 }));
    const [req] = gateway.requests;
    const body = Object.fromEntries(req!.parts.map((p) => [p.name, p.value as string]));
    expect(Object.entries(body)).toEqual([
      ['__proto__', 'p'],
      ['constructor', '1'],
    ]);
    const { sign: signature, ...signed } = req!.query;
    const all: Record<string, string> = Object.create(null);
    for (const [k, v] of [...Object.entries(signed), ...req!.parts.map((p) => [p.name, p.value as string] as const)])
      all[k] = v;
    expect(signature).toBe(sign(all, 'secret', 'hmac-sha256'));
  });
});
