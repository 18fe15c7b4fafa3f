/**
 * Package cost: minified and gzipped sizes of esbuild bundles (TopClient + one request class;
 * the name-keyed entry; the whole root entry), and the type-check time of a small consumer file
 * that uses five methods.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './stats.js';
import { ROOT } from './run-cli.js';

export interface BundleSize {
  name: string;
  minifiedKb: number;
  gzipKb: number;
}

const ENTRIES: [string, string][] = [
  [
    'TopClient + one request class',
    "import { TopClient, TbkUvidEncryptRequest } from 'tbk-client';\nconsole.log(new TopClient({ appKey: 'k', appSecret: 's' }), TbkUvidEncryptRequest);",
  ],
  [
    'name-keyed entry (tbk-client/call)',
    "import { TopCallClient } from 'tbk-client/call';\nconsole.log(TopCallClient);",
  ],
  ['whole root entry', "import * as all from 'tbk-client';\nconsole.log(all);"],
];

export async function benchBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [name, contents] of ENTRIES) {
    const out = await build({
      stdin: { contents, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    sizes.push({ name, minifiedKb: code.length / 1024, gzipKb: gzipSync(code).length / 1024 });
  }
  return sizes;
}

const CONSUMER = `import { TopClient, TbkUvidEncryptRequest, TbkSpreadGetRequest, TbkDgMaterialOptionalRequest, TbkOrderDetailsGetRequest, TbkTpwdCreateRequest } from 'tbk-client';
const client = new TopClient({ appKey: 'k', appSecret: 's' });
export async function main(): Promise<void> {
  const a = await client.execute(new TbkUvidEncryptRequest({ tk_domain: 1 }));
  const b = await client.execute(new TbkSpreadGetRequest({ requests: [{ url: 'https://s.click.taobao.com/x' }] }));
  const c = await client.execute(new TbkDgMaterialOptionalRequest({ adzone_id: 1 }));
  const d = await client.execute(new TbkOrderDetailsGetRequest({ start_time: '2026-01-01 00:00:00', end_time: '2026-01-01 01:00:00' }));
  const e = await client.execute(new TbkTpwdCreateRequest({ url: 'https://uland.taobao.com/x' }));
  console.log(a.result_list, b.results, c.result_list, d.data, e.data);
}
`;

/** Median seconds of `tsc --noEmit` over a consumer of five methods. */
export async function benchTypecheck(runs: number): Promise<{ seconds: number; ok: boolean; output: string }> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-consumer-'));
  try {
    await writeFile(join(dir, 'consumer.ts'), CONSUMER);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    const times: number[] = [];
    let last = { status: 0 as number | null, stdout: '' };
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], {
        encoding: 'utf8',
      });
      times.push((performance.now() - t0) / 1000);
      last = { status: r.status, stdout: r.stdout };
    }
    return { seconds: median(times), ok: last.status === 0, output: last.stdout.slice(0, 2000) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
