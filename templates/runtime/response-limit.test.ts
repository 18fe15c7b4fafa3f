import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TopClient } from './client.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './client-options.js';
import { TopResponseError } from './errors.js';
import type { MethodMeta } from './metadata.js';
import type { TopRequest, TopResponseBase } from './request.js';

const meta: MethodMeta = {
  method: 'taobao.tbk.test.big',
  auth: 'none',
  rootKey: 'tbk_test_big_response',
  request: [],
  response: [],
  types: {},
};
class BigRequest implements TopRequest<Record<string, never>, TopResponseBase> {
  readonly meta = meta;
  readonly params = {};
}

interface Streamer {
  url: string;
  /** Bytes the server managed to write before the client went away. */
  written(): number;
  /** Resolves when the server saw its connection closed. */
  closed: Promise<void>;
  server: Server;
}

/** A gateway that answers an endless JSON-looking body in 64 KB chunks (or `total` bytes). */
async function startStreamer(options: { contentLength?: number } = {}): Promise<Streamer> {
  let written = 0;
  let onClosed = (): void => {};
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = createServer((req, res) => {
    req.resume();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.contentLength !== undefined) headers['content-length'] = String(options.contentLength);
    res.writeHead(200, headers);
    res.write('{"tbk_test_big_response":{"x":"');
    const pump = (): void => {
      if (res.destroyed) return;
      if (written > 256 * 1024 * 1024) return void res.end('"}}'); // a runaway test ends anyway
      written += chunk.length;
      if (res.write(chunk)) setImmediate(pump);
      else res.once('drain', pump);
    };
    res.on('close', onClosed);
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/router/rest`, written: () => written, closed, server };
}

let streamer: Streamer | undefined;
afterEach(async () => {
  if (!streamer) return;
  streamer.server.closeAllConnections();
  await new Promise((resolve) => streamer!.server.close(resolve));
  streamer = undefined;
});

describe('maxResponseBytes', () => {
  it('defaults to 16 MiB and is checked like the other options', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => new TopClient({ appKey: 'k', appSecret: 's', maxResponseBytes: bad })).toThrow(/maxResponseBytes/);
    }
  });

  it.each([
    ['node:http', false],
    ['fetch', true],
  ])(
    '%s: an answer past the limit is a TopResponseError, reading stops and the connection is freed',
    async (_name, useFetch) => {
      streamer = await startStreamer();
      const client = new TopClient({
        appKey: 'k',
        appSecret: 's',
        gateway: streamer.url,
        maxResponseBytes: 1024 * 1024,
        timeoutMs: 20_000,
        ...(useFetch ? { fetch: globalThis.fetch } : {}),
      });
      const error = await client.send(new BigRequest()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TopResponseError);
      expect((error as TopResponseError).message).toContain('larger than maxResponseBytes (1048576 bytes)');
      expect((error as TopResponseError).attempts).toBe(1);
      expect((error as TopResponseError).body.length).toBeLessThanOrEqual(1024);
      await streamer.closed;
      // Socket buffers take a few MB at most; the endless body is not read to its end.
      expect(streamer.written()).toBeLessThan(32 * 1024 * 1024);
      client.close();
    },
  );

  it.each([
    ['node:http', false],
    ['fetch', true],
  ])('%s: a Content-Length past the limit is refused before the body is read', async (_name, useFetch) => {
    streamer = await startStreamer({ contentLength: 50 * 1024 * 1024 });
    const client = new TopClient({
      appKey: 'k',
      appSecret: 's',
      gateway: streamer.url,
      maxResponseBytes: 4096,
      ...(useFetch ? { fetch: globalThis.fetch } : {}),
    });
    const error = await client.send(new BigRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopResponseError);
    expect((error as Error).message).toContain('Content-Length 52428800 is larger than maxResponseBytes (4096 bytes)');
    client.close();
  });
});

describe('execute() given something that is not a request', () => {
  it.each([[{ foo: 1 }], [undefined], [null], ['taobao.tbk.item.get'], [{ meta: {} }], [{ meta: { method: 'x' } }]])(
    '%j: a TypeError that says what is expected',
    async (bad) => {
      const client = new TopClient({ appKey: 'k', appSecret: 's', gateway: 'http://127.0.0.1:9/router/rest' });
      const error = await client.execute(bad as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(
        /^TopClient\.execute: expected a request object such as new TbkItemInfoGetRequest\(\{ \.\.\. \}\) \(with meta\.method and params\), got /,
      );
    },
  );
});
