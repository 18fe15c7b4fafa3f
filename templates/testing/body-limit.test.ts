import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseXml } from '../runtime/xml.js';
import { startMockGateway, type MockGateway } from './mock-gateway.js';

let gateway: MockGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** POSTs `total` bytes in 64 KB chunks; resolves with the answer and the bytes written before it. */
function postHuge(
  url: string,
  total: number,
  declare: boolean,
): Promise<{ status: number; type: string; text: string; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(declare ? { 'content-length': String(total) } : {}),
      },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          text: Buffer.concat(parts).toString('utf8'),
          written,
        }),
      );
    });
    req.on('error', reject);
    const pump = (): void => {
      while (written < total && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (written >= total) req.end();
    };
    pump();
  });
}

describe('mock gateway: a request body over maxBodyBytes', () => {
  it.each([
    ['json', 'application/json', true],
    ['xml', 'text/xml', true],
    ['json', 'application/json', false],
  ])(
    'answers 413 in TOP error format (%s; Content-Length given: %s), with no stack trace, without reading the rest',
    async (format, type, declare) => {
      gateway = await startMockGateway({ apps: { k: 's' }, maxBodyBytes: 1024 * 1024 });
      const total = 64 * 1024 * 1024;
      const answer = await postHuge(`${gateway.url}?method=taobao.tbk.x&format=${format}`, total, declare);
      expect(answer.status).toBe(413);
      expect(answer.type).toContain(type);
      expect(answer.text).not.toMatch(/\n\s+at |\/[a-z]+\/|\\\\/);
      const error =
        format === 'json'
          ? (JSON.parse(answer.text) as { error_response: Record<string, unknown> }).error_response
          : undefined;
      if (error) {
        expect(error).toMatchObject({ code: 43, msg: 'Parameter error', sub_code: 'isv.request-body-too-large' });
        expect(error['sub_msg']).toBe('request body over 1048576 bytes');
        expect(error['request_id']).toMatch(/^[0-9a-z]{13}$/);
      } else {
        expect(parseXml(answer.text.replace(/^<\?xml[^>]*\?>/, ''))).toMatchObject({ name: 'error_response' });
        expect(answer.text).toContain('<sub_code>isv.request-body-too-large</sub_code>');
      }
      // The gateway stopped reading: the sender could not write the whole 64 MB.
      expect(answer.written).toBeLessThan(total);
    },
  );
});
