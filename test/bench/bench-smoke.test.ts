// The bench's pieces in a tiny configuration, so `npm run bench` cannot rot between runs.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchClient, benchDecode } from '../../scripts/bench/client-bench.js';
import { benchBundles } from '../../scripts/bench/package-bench.js';
import { fitLine, median } from '../../scripts/bench/stats.js';
import { stagesOf } from '../../scripts/bench/run-cli.js';
import { openApiDocument } from '../../scripts/bench/openapi-document.js';
import { PEERS, writeOpenApiDocument } from '../../scripts/bench/peer-bench.js';
import { readSpecFolder } from '../../generator/src/spec/spec-files.js';
import { REPO_ROOT } from '../generate/golden-specs.js';

describe('bench harness', () => {
  it('computes medians and least-squares slopes', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const fit = fitLine([
      { x: 100, y: 1200 },
      { x: 500, y: 5200 },
      { x: 2000, y: 20200 },
    ]);
    expect([Math.round(fit.slope * 100) / 100, Math.round(fit.intercept)]).toEqual([10, 200]);
  });

  it('reads stage timings from the command summaries', () => {
    const stdout =
      'scrape: 140 pages, 112 methods (0 written, 112 unchanged; catalog unchanged), 45 warnings, 0 errors, 609 ms\ngenerated 112 methods, 1446 files in generated/ (0 units generated, 160 unchanged) in 0.85 s (read 0.55, ir 0.07, write 0.03); 0 error(s)\n';
    expect(stagesOf({ ms: 0, maxRssMb: 0, cpuMs: 0, status: 0, stdout, stderr: '' })).toEqual({
      'scrape (read + normalise)': 0.609,
      read: 0.55,
      ir: 0.07,
      write: 0.03,
    });
  });

  it('converts the spec into an OpenAPI 3.1 document whose every reference resolves', async () => {
    const folder = await readSpecFolder(join(REPO_ROOT, 'spec'));
    const doc = openApiDocument([...folder.methods.values()]) as {
      openapi: string;
      paths: Record<string, { post: { operationId: string } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toHaveLength(112);
    expect(doc.paths['/taobao.tbk.uvid.encrypt']!.post.operationId).toBe('TbkUvidEncrypt');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) expect(Object.hasOwn(doc.components.schemas, ref), ref).toBe(true);
  });

  it('runs both OpenAPI generators on a converted document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tbk-bench-peers-'));
    try {
      const specDir = join(dir, 'spec');
      mkdirSync(join(specDir, 'methods'), { recursive: true });
      for (const m of ['taobao.tbk.uvid.encrypt', 'taobao.tbk.dg.material.optional.upgrade'])
        copyFileSync(join(REPO_ROOT, 'spec/methods', `${m}.yaml`), join(specDir, 'methods', `${m}.yaml`));
      const doc = await writeOpenApiDocument(specDir, join(dir, 'openapi.json'));
      expect(doc.operations).toBe(2);
      for (const [i, peer] of PEERS.entries()) {
        const run = peer.run(doc.path, join(dir, `out-${i}`));
        expect(run.status, `${peer.name}: ${run.stderr.slice(-500)}`).toBe(0);
        expect(readdirSync(join(dir, `out-${i}`)).length, peer.name).toBeGreaterThan(0);
        expect(run.cpuMs).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('drives every client contender against the sample server', async () => {
    const results = await benchClient(1, 20, 4);
    expect(results.map((r) => r.name)).toEqual([
      'raw fetch (floor)',
      'raw node:http keep-alive (floor)',
      'tbk-client hmac-sha256',
      'tbk-client md5',
      'node-taobao-topclient md5',
      'topsdk md5',
    ]);
    for (const r of results) expect(r.rps).toBeGreaterThan(0);
  });

  it('decodes the largest sample and bundles the package', async () => {
    const decode = await benchDecode(1, 3);
    expect(decode.decodeJsonUs).toBeGreaterThan(0);
    const bundles = await benchBundles();
    expect(bundles.map((b) => b.name)).toEqual([
      'TopClient + one request class',
      'name-keyed entry (tbk-client/call)',
      'whole root entry',
    ]);
    expect(bundles[0]!.minifiedKb).toBeLessThan(bundles[2]!.minifiedKb);
  });
});
