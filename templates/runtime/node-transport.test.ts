/**
 * The default transport (node:http with keep-alive) against real local servers: connections
 * are reused, bodies arrive intact (urlencoded and multipart), and every failure becomes the
 * same error the fetch transport gives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TopTransportError } from './errors.js';
import { createNodeTransport, type NodeAttempt } from './node-transport.js';
import { multipart } from './multipart.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server answering `handler`; counts the TCP connections it accepted. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; connections: () => number }> {
  const server = createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest?x=1`,
    connections: () => connections,
  };
}

const attempt = (url: string, extra: Partial<NodeAttempt> = {}): NodeAttempt => ({
  url,
  init: {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: 'a=1&b=%E6%B7%98',
  },
  timeoutMs: 2000,
  method: 'taobao.tbk.test',
  redact: (t) => t.replaceAll('s3cret', '***'),
  ...extra,
});

describe('node transport', () => {
  it('reuses one kept-alive connection for sequential calls, and reads the whole answer', async () => {
    const server = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
        res.end(JSON.stringify({ body, length: req.headers['content-length'], url: req.url }));
      });
    });
    const transport = createNodeTransport();
    try {
      for (let i = 0; i < 20; i++) {
        const answer = await transport.send(attempt(server.url));
        expect(answer.status).toBe(200);
        expect(answer.contentType).toBe('application/json;charset=UTF-8');
        expect(JSON.parse(answer.body)).toEqual({ body: 'a=1&b=%E6%B7%98', length: '15', url: '/router/rest?x=1' });
      }
      expect(server.connections()).toBe(1);
    } finally {
      transport.close();
    }
  });

  it('sends a multipart body with its boundary and the file bytes intact', async () => {
    const server = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const form = await new Response(Buffer.concat(chunks), {
          headers: { 'content-type': req.headers['content-type']! },
        }).formData();
        const file = form.get('pic') as File;
        res.end(
          JSON.stringify({ q: form.get('q'), name: file.name, bytes: [...new Uint8Array(await file.arrayBuffer())] }),
        );
      });
    });
    const body = await multipart.body(
      { q: '淘宝' },
      { pic: { data: new Uint8Array([0, 255, 10, 13]), filename: 'a.png' } },
    );
    const transport = createNodeTransport();
    try {
      const answer = await transport.send(attempt(server.url, { init: { method: 'POST', ...body.make() } }));
      expect(JSON.parse(answer.body)).toEqual({ q: '淘宝', name: 'a.png', bytes: [0, 255, 10, 13] });
    } finally {
      transport.close();
    }
  });

  it('turns a slow answer into a timeout, a cut connection and a refused one into network errors', async () => {
    const slow = await serve((_req, res) => void setTimeout(() => res.end('late'), 1000));
    const cut = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const transport = createNodeTransport();
    try {
      const timeout = await transport.send(attempt(slow.url, { timeoutMs: 50 })).catch((e: unknown) => e);
      expect(timeout).toBeInstanceOf(TopTransportError);
      expect(timeout).toMatchObject({ kind: 'timeout', message: 'taobao.tbk.test: no answer within 50 ms' });
      const cutShort = await transport.send(attempt(cut.url)).catch((e: unknown) => e);
      expect(cutShort).toMatchObject({ kind: 'network' });
      expect((cutShort as Error).message).toMatch(/^taobao\.tbk\.test: network error: /);
      const refused = await transport.send(attempt('http://127.0.0.1:1/router/rest?s3cret')).catch((e: unknown) => e);
      expect(refused).toMatchObject({ kind: 'network', errno: 'ECONNREFUSED' });
    } finally {
      transport.close();
    }
  });

  it('rejects with the signal reason when aborted before or during the call', async () => {
    const slow = await serve((_req, res) => void setTimeout(() => res.end('late'), 1000));
    const transport = createNodeTransport();
    try {
      const before = new AbortController();
      before.abort(new Error('stop before'));
      await expect(transport.send(attempt(slow.url, { signal: before.signal }))).rejects.toThrow('stop before');
      const during = new AbortController();
      const call = transport.send(attempt(slow.url, { signal: during.signal }));
      setTimeout(() => during.abort(new Error('stop during')), 30);
      const started = performance.now();
      await expect(call).rejects.toThrow('stop during');
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      transport.close();
    }
  });

  it('picks node:https for an https gateway', async () => {
    const transport = createNodeTransport();
    try {
      // A plain-HTTP server spoken to over TLS: the handshake fails, as a network error.
      const server = await serve((_req, res) => res.end('plain'));
      const error = await transport.send(attempt(server.url.replace('http:', 'https:'))).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'network' });
      expect((error as Error).message).toMatch(/SSL|TLS|ssl|tls|EPROTO|packet length/);
    } finally {
      transport.close();
    }
  });
});
