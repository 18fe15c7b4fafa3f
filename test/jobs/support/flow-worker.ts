/**
 * One process of an app, for the cross-process flow-control tests: a TopClient whose ban and
 * token bucket live in Redis (tbk-client/redis). Argument: JSON
 * `{ redisUrl, gateway, mode: 'load' | 'call', startAt?, until?, concurrency?, perSecond? }`;
 * prints one JSON line with the outcome (for `load`, the instants its requests were sent).
 */
import { createClient } from 'redis';
import { TbkUvidEncryptRequest, TopClient, TopError } from '../../../generated/src/index.js';
import { RedisFlowStore } from '../../../generated/src/redis/index.js';

interface Job {
  redisUrl: string;
  gateway: string;
  mode: 'load' | 'call';
  /** load: start at this instant (both processes together), run until `until`. */
  startAt?: number;
  until?: number;
  concurrency?: number;
  perSecond?: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const redis = createClient({ url: job.redisUrl });
await redis.connect();
/** When each HTTP request left this process (the client's `request` log event). */
const sends: number[] = [];
const client = new TopClient({
  logger: (event) => {
    if (event.type === 'request') sends.push(Date.now());
  },
  appKey: '12345678',
  appSecret: 'flow-secret',
  gateway: job.gateway,
  flowControl: new RedisFlowStore(redis),
  ...(job.perSecond !== undefined && { rateLimit: { perSecond: job.perSecond } }),
  maxRetries: 0,
});
const request = new TbkUvidEncryptRequest({ tk_domain: 1, source_values: '1' });

function describe(error: unknown): object {
  if (error instanceof TopError)
    return { name: error.name, code: error.code, retryAfterMs: error.retryAfterMs, attempts: error.attempts };
  return { name: String((error as Error)?.name), message: String((error as Error)?.message) };
}

if (job.mode === 'load') {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt! - Date.now())));
  let ok = 0;
  const errors: object[] = [];
  const loop = async (): Promise<void> => {
    while (Date.now() < job.until!) {
      try {
        await client.execute(request);
        ok++;
      } catch (e) {
        errors.push(describe(e));
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency ?? 4 }, loop));
  console.log(JSON.stringify({ ok, errors, sends }));
} else {
  const started = Date.now();
  try {
    const result = await client.send(request);
    console.log(JSON.stringify({ ok: true, attempts: result.attempts, ms: Date.now() - started }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: describe(e), ms: Date.now() - started }));
  }
}
client.close();
await redis.quit();
