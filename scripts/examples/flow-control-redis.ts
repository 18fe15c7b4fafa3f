/**
 * Flow control across processes: every process of the app (link converters, rebate bots) uses
 * one Redis store, so a code-7 ban met by one is honoured by all, and together they stay under
 * `rateLimit`. Needs a Redis server: `REDIS_URL=redis://127.0.0.1:6379 node --import tsx
 * scripts/examples/flow-control-redis.ts` (start several at once to see them share the limit).
 */
import { createClient } from 'redis';
import { TbkUvidEncryptRequest, TopClient, TopFlowControlError } from 'tbk-client';
import { RedisFlowStore } from 'tbk-client/redis';
import { fixtureOf, startMockGateway } from 'tbk-client/testing';

const redis = createClient({ url: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' });
await redis.connect();
const gateway = await startMockGateway({
  apps: { demo: 'demo-secret' },
  methods: [fixtureOf('taobao.tbk.uvid.encrypt')!],
});
const client = new TopClient({
  appKey: 'demo',
  appSecret: 'demo-secret',
  gateway: gateway.url,
  flowControl: new RedisFlowStore(redis), // shared by every process using this Redis
  rateLimit: { perSecond: 10 }, // the app's quota, for all processes together
  maxBanWaitMs: 5_000, // wait out shorter bans, fail fast on longer ones
});
const started = Date.now();
const request = new TbkUvidEncryptRequest({ tk_domain: 1, source_values: '1' });
await Promise.all(Array.from({ length: 30 }, () => client.execute(request)));
console.log(`30 calls in ${Date.now() - started} ms (10/s for all processes together)`);
gateway.inject({ kind: 'ban', seconds: 3600 });
try {
  await client.execute(request);
} catch (e) {
  if (e instanceof TopFlowControlError)
    console.log(`banned for ${e.retryAfterMs} ms: every process now fails fast until then`);
}
client.close();
await gateway.close();
await redis.del('tbk-client:flow:demo:ban');
await redis.quit();
