/**
 * A local HTTP server emulating the doc site's handlers (corpus README "Doc-site JSON") from the
 * corpus's doc records: `/docCenter` sets `_tb_token_`; the catalog and record handlers answer
 * in the real envelope and refuse requests without the token. Faults are scripted per docId.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

export type Fault = 'http-500' | 'success-false' | 'malformed' | { slowMs: number };

export interface Emulator {
  url: string;
  records: { method: string; docId: number; data: Record<string, unknown> }[];
  /** Faults for the next requests of a docId, consumed in order. */
  faults: Map<number, Fault[]>;
  recordRequests: number;
  maxInFlight: number;
  close(): Promise<void>;
}

/** docIds as the markdown dump's overview lists them: -`method` (docId) - title */
function docIds(corpus: string): Map<string, number> {
  const dump = readFileSync(join(corpus, 'markdown-dump/tbk-doc-dump.md'), 'utf8');
  return new Map([...dump.matchAll(/^-`([\w.]+)` \((\d+)\)/gm)].map((m) => [m[1]!, Number(m[2])]));
}

export async function startEmulator(corpus: string): Promise<Emulator> {
  const ids = docIds(corpus);
  const dir = join(corpus, 'doc-records');
  const records = readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
    // Records the dump's overview does not list get stand-in docIds (the records carry none).
    .map((data, i) => ({ method: String(data.name), docId: ids.get(String(data.name)) ?? 900_000 + i, data }));
  const state = { recordRequests: 0, maxInFlight: 0, inFlight: 0 };
  const faults = new Map<number, Fault[]>();
  const envelope = (data: unknown) => JSON.stringify({ success: true, code: null, errMsg: null, data });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/docCenter') {
      res.setHeader('set-cookie', '_tb_token_=tok123; Path=/; HttpOnly');
      return res.end('<html>doc center</html>');
    }
    const token = url.searchParams.get('_tb_token_');
    if (token !== 'tok123' || !String(req.headers.cookie).includes('_tb_token_=tok123')) {
      return res.end(JSON.stringify({ success: false, code: 'NOT_LOGIN', errMsg: '请先登录', data: null }));
    }
    if (url.pathname === '/handler/document/getApiCatelogConfig.json') {
      const catelogList = records.map((r, i) => ({
        id: 1000 + i,
        name: r.method,
        subName: r.data.apiChineseName,
        docId: r.docId,
        docType: 2,
        tips: '',
      }));
      return res.end(
        envelope({
          treeCategories: [
            {
              catelogTrees: [
                { id: 37, name: '其他', catelogList: [] },
                { id: 38, name: '淘宝客API', catelogList },
              ],
            },
          ],
        }),
      );
    }
    if (url.pathname === '/handler/document/getDocument.json') {
      state.recordRequests += 1;
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      try {
        const docId = Number(url.searchParams.get('docId'));
        await new Promise((r) => setTimeout(r, 15));
        const fault = faults.get(docId)?.shift();
        if (fault === 'http-500') return void ((res.statusCode = 500), res.end('oops'));
        if (fault === 'success-false')
          return void res.end(JSON.stringify({ success: false, code: 'SYSTEM_ERROR', errMsg: '系统繁忙', data: null }));
        if (fault === 'malformed') return void res.end('{"success":true,"data":{"name":');
        if (typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.slowMs));
        const record = records.find((r) => r.docId === docId);
        return void res.end(record ? envelope(record.data) : JSON.stringify({ success: false, errMsg: 'no such doc' }));
      } finally {
        state.inFlight -= 1;
      }
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    faults,
    get recordRequests() {
      return state.recordRequests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
