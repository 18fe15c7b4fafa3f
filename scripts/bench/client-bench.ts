/**
 * Client overhead: requests per second and client CPU per request against one local server
 * (sample-server.mjs, another process), same concurrency for every contender, in one run:
 * raw fetch of a precomputed signed body (the floor), tbk-client (hmac-sha256, md5), and the
 * npm peers node-taobao-topclient and topsdk (md5, their own signing). Plus decoding a large
 * doc sample into the typed shape, JSON and XML, against plain JSON.parse.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { TbkUvidEncryptRequest, TopClient, sign } from 'tbk-client';
import { decodeResponse } from '../../templates/runtime/decode-response.js';
import { buildIrMethod } from '../../generator/src/ir/build-ir.js';
import type { MethodSpec } from '../../generator/src/spec/model.js';
import { median } from './stats.js';
import { ROOT } from './run-cli.js';

const require = createRequire(import.meta.url);
type Call = () => Promise<unknown>;

export interface Contender {
  name: string;
  rps: number;
  cpuUsPerRequest: number;
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./sample-server.mjs', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/router/rest`, child };
}

async function drive(call: Call, total: number, concurrency: number): Promise<{ rps: number; cpuUs: number }> {
  let next = 0;
  const lane = async () => {
    while (next++ < total) await call();
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { rps: total / seconds, cpuUs: (cpu.user + cpu.system) / total };
}

function contenders(url: string): [string, Call][] {
  const params = { tk_domain: '1', source_values: '123' };
  const system = {
    method: 'taobao.tbk.uvid.encrypt',
    app_key: '10000001',
    timestamp: '2026-01-01 12:00:00',
    v: '2.0',
    sign_method: 'md5',
    format: 'json',
  };
  const query = new URLSearchParams({ ...system, sign: sign({ ...system, ...params }, 'secret', 'md5') });
  const body = new URLSearchParams(params).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' };
  const raw: Call = async () => (await fetch(`${url}?${query}`, { method: 'POST', body, headers })).text();
  // The floor of tbk-client's default transport: the same POST over node:http with keep-alive.
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const bodyBytes = Buffer.from(body);
  const rawHttp: Call = () =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        `${url}?${query}`,
        { method: 'POST', agent, headers: { ...headers, 'content-length': String(bodyBytes.length) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(bodyBytes);
    });
  const client = (signMethod: 'hmac-sha256' | 'md5') => {
    const c = new TopClient({ appKey: '10000001', appSecret: 'secret', gateway: url, signMethod, maxRetries: 0 });
    return () => c.execute(new TbkUvidEncryptRequest({ tk_domain: 1, source_values: '123' }));
  };
  const NodeTop = (
    require('node-taobao-topclient') as {
      default: new (o: object) => { execute(m: string, p: object): Promise<unknown> };
    }
  ).default;
  const nodeTop = new NodeTop({ appkey: '10000001', appsecret: 'secret', REST_URL: url });
  const TopSdk = require('topsdk') as new (
    k: string,
    s: string,
    o: object,
  ) => { execute(m: string, p: object): Promise<unknown> };
  const topsdk = new TopSdk('10000001', 'secret', { endpoint: url, useValidators: false });
  return [
    ['raw fetch (floor)', raw],
    ['raw node:http keep-alive (floor)', rawHttp],
    ['tbk-client hmac-sha256', client('hmac-sha256')],
    ['tbk-client md5', client('md5')],
    ['node-taobao-topclient md5', () => nodeTop.execute('taobao.tbk.uvid.encrypt', { ...params })],
    ['topsdk md5', () => topsdk.execute('taobao.tbk.uvid.encrypt', { ...params })],
  ];
}

export async function benchClient(runs: number, total: number, concurrency: number): Promise<Contender[]> {
  const { url, child } = await startServer();
  try {
    const list = contenders(url);
    for (const [, call] of list) await drive(call, Math.min(200, total), concurrency); // warm-up
    const samples = new Map<string, { rps: number[]; cpu: number[] }>(list.map(([n]) => [n, { rps: [], cpu: [] }]));
    // Interleave contenders run by run, so machine noise spreads over all of them.
    for (let r = 0; r < runs; r++) {
      for (const [name, call] of list) {
        const m = await drive(call, total, concurrency);
        samples.get(name)!.rps.push(m.rps);
        samples.get(name)!.cpu.push(m.cpuUs);
      }
    }
    return list.map(([name]) => ({
      name,
      rps: median(samples.get(name)!.rps),
      cpuUsPerRequest: median(samples.get(name)!.cpu),
    }));
  } finally {
    child.kill();
  }
}

export interface DecodeResult {
  method: string;
  jsonBytes: number;
  jsonParseUs: number;
  decodeJsonUs: number;
  decodeXmlUs: number;
}

/** The method whose JSON sample is largest, decoded many times (median of runs, µs per decode). */
export async function benchDecode(runs: number, iterations: number): Promise<DecodeResult> {
  const dir = join(ROOT, 'spec/methods');
  const specs = await Promise.all(
    (await readdir(dir)).map(async (f) => parseYaml(await readFile(join(dir, f), 'utf8')) as MethodSpec),
  );
  const spec = specs
    .filter((s) => s.samples.json && s.samples.xml)
    .sort((a, b) => b.samples.json!.length - a.samples.json!.length)[0]!;
  const { meta } = buildIrMethod(join(dir, `${spec.method}.yaml`), spec, '', [])!;
  const time = (fn: () => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return ((performance.now() - t0) * 1000) / iterations;
  };
  const json = spec.samples.json!;
  const xml = spec.samples.xml!;
  const m = { parse: [] as number[], json: [] as number[], xml: [] as number[] };
  for (let r = 0; r < runs; r++) {
    m.parse.push(time(() => JSON.parse(json)));
    m.json.push(time(() => decodeResponse(meta, json)));
    m.xml.push(time(() => decodeResponse(meta, xml)));
  }
  return {
    method: spec.method,
    jsonBytes: Buffer.byteLength(json),
    jsonParseUs: median(m.parse),
    decodeJsonUs: median(m.json),
    decodeXmlUs: median(m.xml),
  };
}
