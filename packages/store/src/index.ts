// @bosun/store: sessions, channel documents and rate limits, in memory or in Redis.

export type { StoreErrorCode } from "./internal/errors.ts";
export { StoreError } from "./internal/errors.ts";
export {
  bucketKey,
  channelDocName,
  docKey,
  sessionKey,
  sessionTag,
} from "./internal/keys.ts";
export type { MemoryStoreOptions } from "./internal/memory-store.ts";
export { MemoryStore } from "./internal/memory-store.ts";
export type { RedisStoreOptions } from "./internal/redis-store.ts";
export { RedisStore } from "./internal/redis-store.ts";
export type {
  ChannelRef,
  CommitInput,
  CommitResult,
  Doc,
  LoadOptions,
  Platform,
  RateDecision,
  RateLimit,
  SessionRecord,
  SessionRef,
  SessionStanding,
  SessionStore,
  StoreOptions,
} from "./internal/types.ts";
export {
  channelRefSchema,
  DefaultStoreOptions,
  platformSchema,
  sessionRefSchema,
} from "./internal/types.ts";
