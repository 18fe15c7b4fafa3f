/**
 * The harness behind every generated method test (docs/design.md "Tests", docs/style.md rule 6): one
 * `describe` per method, run with the real client against the mock gateway.
 *
 * Imports are relative to `templates/`; the generator rewrites them to `../../src/runtime/` and
 * `../../src/testing/` when it copies this file to the package's `test/harness/`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TopClient,
  TopError,
  decodeResponse,
  decodeXmlResponse,
  type MethodFixture,
  type TopRequest,
} from '../runtime/index.js';
// The gateway modules themselves, not the package's testing entry, which loads every method.
import { startMockGateway, type MockGateway } from '../testing/mock-gateway.js';
import { DEFAULT_ERROR_SAMPLE, errorSampleValue } from '../testing/sample-body.js';
import { countAssertions } from './assertion-count.js';
import { exampleRequestParams } from './example-request.js';
import { findSampleMismatches, missingDeclaredFields } from './sample-fields.js';

export { harnessAssertions } from './assertion-count.js';

const APP_KEY = '10000001';
const APP_SECRET = 'harness-secret';
const SESSION = 'harness-session';

// `any`: every request class takes its own params type, and no type other than `any` accepts all
// of them as a constructor parameter; the example params come from the spec's checked examples.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RequestClass = new (params: any) => TopRequest;

/** Without `request_id`: it differs on every answer. */
function withoutRequestId(value: object): Record<string, unknown> {
  const { request_id: _ignored, ...rest } = value as Record<string, unknown>;
  return rest;
}

export function testMethod(fixture: MethodFixture, Request: RequestClass): void {
  const { meta, samples } = fixture;
  const session = meta.auth === 'none' ? undefined : SESSION;
  const send = (client: TopClient) => client.execute(new Request(exampleRequestParams(fixture)), { session });

  describe(meta.method, () => {
    let gateway: MockGateway;
    let clients: { label: string; client: TopClient }[];
    beforeAll(async () => {
      gateway = await startMockGateway({ apps: { [APP_KEY]: APP_SECRET }, methods: [fixture] });
      // One client per answer format, each signing another way; no retries, so one call each.
      const make = (options: Partial<ConstructorParameters<typeof TopClient>[0]>) =>
        new TopClient({
          appKey: APP_KEY,
          appSecret: APP_SECRET,
          gateway: gateway.url,
          maxRetries: 0,
          timeoutMs: 10_000,
          ...options,
        });
      clients = [
        { label: 'JSON answer', client: make({ format: 'json', signMethod: 'hmac-sha256' }) },
        { label: 'XML answer', client: make({ format: 'xml', xml: decodeXmlResponse, signMethod: 'md5' }) },
        { label: 'simplified answer', client: make({ format: 'json', simplify: true, signMethod: 'hmac' }) },
      ];
    });
    afterAll(() => gateway?.close());

    it('sends the doc example signed, and the gateway verifies and accepts it', async ({ task }) => {
      expect.hasAssertions();
      const before = gateway.calls.length;
      const data = (await send(clients[0]!.client)) as Record<string, unknown>;
      expect(gateway.calls).toHaveLength(before + 1);
      const call = gateway.calls[before]!;
      expect(call).toMatchObject({ method: meta.method, verified: true });
      expect(call.error).toBeUndefined();
      for (const [name, text] of Object.entries(fixture.example)) {
        const field = meta.request.find((f) => f.name === name);
        if (field?.kind === 'file')
          expect(
            call.files.map((f) => f.name),
            `file param ${name}`,
          ).toContain(name);
        else expect(call.params[name], `param ${name}`).toBe(text);
      }
      expect(data['request_id']).toBe(call.requestId);
      countAssertions(task.meta);
    });

    it('decodes the JSON, XML and simplified samples and answers to the same object', async ({ task }) => {
      expect.hasAssertions();
      const decoded: [string, Record<string, unknown>][] = [];
      for (const kind of ['json', 'xml', 'simplify_json'] as const) {
        const text = samples[kind];
        if (text !== undefined) decoded.push([`${kind} sample`, withoutRequestId(decodeResponse(meta, text))]);
      }
      for (const { label, client } of clients) decoded.push([label, withoutRequestId(await send(client))]);
      const [first, ...rest] = decoded;
      for (const [label, value] of rest) expect(value, `${label} against the ${first![0]}`).toEqual(first![1]);
      countAssertions(task.meta);
    });

    it('turns the error sample into a TopError with its code and sub_code', async ({ task }) => {
      expect.hasAssertions();
      const want = errorSampleValue(fixture) ?? DEFAULT_ERROR_SAMPLE;
      for (const { label, client } of clients.slice(0, 2)) {
        gateway.inject({ kind: 'error-sample', method: meta.method });
        const error: unknown = await send(client).catch((e: unknown) => e);
        expect(error, label).toBeInstanceOf(TopError);
        const e = error as TopError;
        expect({ code: e.code, subCode: e.subCode, method: e.method }, label).toEqual({
          code: want.code,
          subCode: want.sub_code,
          method: meta.method,
        });
        expect(e.requestId, label).toBe(gateway.calls.at(-1)!.requestId);
      }
      countAssertions(task.meta);
    });

    const hasSuccessSample =
      samples.json !== undefined || samples.xml !== undefined || samples.simplify_json !== undefined;
    if (hasSuccessSample) {
      it('declares every field of the success samples, each holding a value of its type', ({ task }) => {
        expect.hasAssertions();
        const found = findSampleMismatches(fixture);
        const accepted = fixture.acceptedMismatches ?? [];
        const unaccepted = found.filter((m) => !accepted.some((a) => a.path === m.path));
        expect(unaccepted, 'sample values the metadata does not declare or types otherwise').toEqual([]);
        const stale = accepted.filter((a) => !found.some((m) => m.path === a.path));
        expect(stale, 'accepted mismatches that no sample shows any more').toEqual([]);
        countAssertions(task.meta);
      });
    } else {
      // No source documents a sample (methods known only from reduced doc records): the gateway
      // answers with a value synthesized from the declared types. Check that this answer covers
      // every declared field, so the round trip above exercises the whole type tree.
      it('has no doc sample: the synthetic answer holds every declared field, each of its type', async ({ task }) => {
        expect.hasAssertions();
        const sent = await clients[0]!.client.send(new Request(exampleRequestParams(fixture)), { session });
        expect(
          findSampleMismatches({ ...fixture, samples: { json: sent.body } }),
          'synthetic answer vs metadata',
        ).toEqual([]);
        expect(
          missingDeclaredFields(meta, sent.data as Record<string, unknown>),
          'declared fields absent from the synthetic answer',
        ).toEqual([]);
        countAssertions(task.meta);
      });
    }
  });
}
