/**
 * A `FlowControlStore` in Redis (`tbk-client/redis`), so that every process of an app honours
 * one ban and one rate limit. It takes a connected client of node-redis (`redis` v5, an
 * optional peer dependency) or anything with its `sendCommand(args)`; nothing here imports it.
 * Each operation is one Lua script, atomic in Redis, and uses the Redis server's clock for the
 * token bucket (the same arithmetic as token-bucket.ts), so processes on hosts whose clocks
 * disagree still share one bucket. Keys: `<prefix><app key>:ban`, `<prefix><app key>:bucket`,
 * each expiring once it no longer matters.
 */
import { checkRateLimit, type FlowControlStore, type RateLimit } from '../runtime/flow-store.js';

/** The one method the store uses: node-redis's `sendCommand` (a `createClient()` result fits). */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisFlowStoreOptions {
  /** Key prefix (default `tbk-client:flow:`). */
  prefix?: string;
}

/** KEYS[1] ban key, ARGV[1] until (epoch ms): keep the later end; expire with it. */
const SET_BAN = `
if redis.replicate_commands then redis.replicate_commands() end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local untilMs = tonumber(ARGV[1])
if untilMs > current then
  local t = redis.call('TIME')
  local now = t[1] * 1000 + math.floor(t[2] / 1000)
  if untilMs > now then redis.call('SET', KEYS[1], ARGV[1], 'PX', untilMs - now) end
end
return 0`;

/**
 * KEYS[1] bucket key, ARGV[1] interval ms, ARGV[2] burst: the wait in ms (token reserved). The
 * arrival time is kept in whole microseconds and written with %.0f: Lua's tostring keeps 14
 * digits, which rounded a millisecond timestamp up by a few microseconds and made a take right
 * after another wait 1 ms although the burst allowed it.
 */
const TAKE_TOKEN = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = t[1] * 1000000 + t[2]
local interval = math.floor(tonumber(ARGV[1]) * 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local allowedAt = tat - (tonumber(ARGV[2]) - 1) * interval
redis.call('SET', KEYS[1], string.format('%.0f', tat + interval), 'PX', math.ceil((tat + interval - now) / 1000) + 1000)
local wait = allowedAt - now
if wait <= 0 then return 0 end
return math.ceil(wait / 1000)`;

export class RedisFlowStore implements FlowControlStore {
  readonly #client: RedisCommandClient;
  readonly #prefix: string;

  constructor(client: RedisCommandClient, options: RedisFlowStoreOptions = {}) {
    if (typeof client?.sendCommand !== 'function')
      throw new TypeError('RedisFlowStore: pass a connected node-redis client (createClient() from redis)');
    this.#client = client;
    this.#prefix = options.prefix ?? 'tbk-client:flow:';
  }

  async getBanUntil(appKey: string): Promise<number | undefined> {
    const value = await this.#client.sendCommand(['GET', `${this.#prefix}${appKey}:ban`]);
    const until = value === null || value === undefined ? NaN : Number(value);
    return Number.isFinite(until) ? until : undefined;
  }

  async setBanUntil(appKey: string, untilMs: number): Promise<void> {
    await this.#client.sendCommand(['EVAL', SET_BAN, '1', `${this.#prefix}${appKey}:ban`, String(Math.ceil(untilMs))]);
  }

  async takeToken(appKey: string, limit: RateLimit): Promise<number> {
    const { perSecond, burst } = checkRateLimit(limit, 'RedisFlowStore');
    const key = `${this.#prefix}${appKey}:bucket`;
    const wait = await this.#client.sendCommand([
      'EVAL',
      TAKE_TOKEN,
      '1',
      key,
      String(1000 / perSecond),
      String(burst),
    ]);
    return Number(wait);
  }
}
