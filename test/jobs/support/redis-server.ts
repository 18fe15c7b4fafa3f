/**
 * A real redis-server for the tests, started on a free port of 127.0.0.1 with a temporary
 * folder, no persistence, and stopped by the test. Without the binary, CI (`CI` set) fails
 * naming the fix; elsewhere the Redis tests are skipped with a loud warning.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_MISSING =
  'redis-server is not installed: run `apt-get install redis-server` (scripts/ci/ensure-redis.sh does it) to run the Redis flow-control tests';

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** True when the Redis tests must be skipped: no binary and not in CI (after a loud warning). */
export function skipRedisTests(): boolean {
  if (hasRedisServer()) return false;
  if (process.env['CI']) return false; // CI must run them: they fail with REDIS_MISSING
  console.warn(`\n${'!'.repeat(100)}\n!! SKIPPING the Redis tests: ${REDIS_MISSING}\n${'!'.repeat(100)}\n`);
  return true;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!hasRedisServer()) throw new Error(REDIS_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'tbk-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
