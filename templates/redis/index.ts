/**
 * `tbk-client/redis`: flow control shared by every process of an app through Redis
 * (docs/runtime.md "Flow control").
 */
export { RedisFlowStore, type RedisCommandClient, type RedisFlowStoreOptions } from './redis-store.js';
