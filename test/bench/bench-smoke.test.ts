// The bench's pieces in a tiny configuration, so `npm run bench` cannot rot between runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchClient, benchDecode } from '../../scripts/bench/client-bench.js';
import { benchBundles } from '../../scripts/bench/package-bench.js';
import { fitLine, median } from '../../scripts/bench/stats.js';
import { stagesOf } from '../../scripts/bench/run-cli.js';

describe('bench harness', () => {
  it('computes medians and least-squares slopes', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const fit = fitLine([{ x: 100, y: 1200 }, { x: 500, y: 5200 }, { x: 2000, y: 20200 }]);
    expect([Math.round(fit.slope * 100) / 100, Math.round(fit.intercept)]).toEqual([10, 200]);
  });

  it('reads stage timings from the command summaries', () => {
    const stdout = 'scrape: 140 pages, 112 methods (0 written, 113 unchanged), 45 warnings, 0 errors, 609 ms\ngenerated 112 methods, 1446 files in generated/ (0 units generated, 160 unchanged) in 0.85 s (read 0.55, ir 0.07, write 0.03); 0 error(s)\n';
    expect(stagesOf({ ms: 0, maxRssMb: 0, status: 0, stdout, stderr: '' })).toEqual({ 'scrape (read + normalise)': 0.609, read: 0.55, ir: 0.07, write: 0.03 });
  });

  it('times prettier alone over the emitted files of a package, not dist/ nor template copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tbk-bench-baseline-'));
    try {
      const files: Record<string, string> = {
        'src/methods/a.ts': 'export const a = {b:1}\n',
        'src/testing/index.ts': 'export {}\n',
        'src/runtime/copied.ts': 'export const c = 1;\n',
        'src/testing/copied.ts': 'export const c = 1;\n',
        'test/harness/copied.ts': 'export const c = 1;\n',
        'dist/esm/a.js': 'export const a = { b: 1 };\n',
        'README.md': '# x\n',
        'package.json': '{}\n',
        'MANIFEST.json': '{}\n',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const script = fileURLToPath(new URL('../../scripts/bench/prettier-baseline.mjs', import.meta.url));
      const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^BASELINE \d+ 4\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drives every client contender against the sample server', async () => {
    const results = await benchClient(1, 20, 4);
    expect(results.map((r) => r.name)).toEqual(['raw fetch (floor)', 'raw node:http keep-alive (floor)', 'tbk-client hmac-sha256', 'tbk-client md5', 'node-taobao-topclient md5', 'topsdk md5']);
    for (const r of results) expect(r.rps).toBeGreaterThan(0);
  });

  it('decodes the largest sample and bundles the package', async () => {
    const decode = await benchDecode(1, 3);
    expect(decode.decodeJsonUs).toBeGreaterThan(0);
    const bundles = await benchBundles();
    expect(bundles.map((b) => b.name)).toEqual(['TopClient + one request class', 'name-keyed entry (tbk-client/call)', 'whole root entry']);
    expect(bundles[0]!.minifiedKb).toBeLessThan(bundles[2]!.minifiedKb);
  });
});
