import { describe, expect, it } from 'vitest';
import { boundaryOf, readMultipart } from './multipart-body.js';
import { parseRequest, RequestBodyError } from './parse-request.js';

const form = 'application/x-www-form-urlencoded;charset=utf-8';

describe('parseRequest', () => {
  it('merges query and form params, the body winning', () => {
    const r = parseRequest(
      'POST',
      '/router/rest?method=m&v=2.0&x=query',
      form,
      Buffer.from('x=body&q=%E6%B7%98+%E5%AE%A2'),
    );
    expect(r.params).toEqual({ method: 'm', v: '2.0', x: 'body', q: '淘 客' });
    expect(r.queryNames).toEqual(['method', 'v', 'x']);
    expect(r.path).toBe('/router/rest');
  });

  it('ignores the body of a GET', () => {
    expect(parseRequest('GET', '/router/rest?a=1', form, Buffer.from('b=2')).params).toEqual({ a: '1' });
  });

  it('keeps a param named __proto__ as a param', () => {
    const r = parseRequest('POST', '/router/rest', form, Buffer.from('__proto__=x'));
    expect(Object.keys(r.params)).toEqual(['__proto__']);
  });

  it('reads text parts as params and filename parts as files', async () => {
    const data = new FormData();
    data.append('method', 'taobao.tbk.sc.pic.embed');
    data.append('title', '图 "1"\r\nline');
    data.append('pic_stream', new Blob([new Uint8Array([0, 13, 10, 45, 45, 255])], { type: 'image/png' }), 'a b.png');
    const req = new Request('http://x/router/rest', { method: 'POST', body: data });
    const r = parseRequest(
      'POST',
      '/router/rest',
      req.headers.get('content-type')!,
      Buffer.from(await req.arrayBuffer()),
    );
    expect(r.params).toEqual({ method: 'taobao.tbk.sc.pic.embed', title: '图 "1"\r\nline' });
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ name: 'pic_stream', filename: 'a b.png', contentType: 'image/png' });
    expect([...r.files[0]!.data]).toEqual([0, 13, 10, 45, 45, 255]);
  });

  it.each([
    ['an unknown content type', 'application/json', '{}'],
    ['multipart without boundary', 'multipart/form-data', '--x--'],
    [
      'multipart not closed',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
    ],
  ])('refuses %s', (_name, type, body) => {
    expect(() => parseRequest('POST', '/router/rest', type, Buffer.from(body))).toThrow(RequestBodyError);
  });
});

describe('readMultipart', () => {
  it('reads a quoted boundary and LF-only line breaks', () => {
    expect(boundaryOf('multipart/form-data; boundary="a:b"')).toBe('a:b');
    const body = '--a:b\nContent-Disposition: form-data; name="k"\n\nv\n--a:b--\n';
    expect(readMultipart(Buffer.from(body), 'a:b').text).toEqual({ k: 'v' });
  });
});
