// @bosun/store: sessions, channel documents and rate limits, in memory or in Redis.

export {
  bucketKey,
  channelDocName,
  docKey,
  sessionKey,
  sessionTag,
} from "./internal/keys.ts";
export type {
  ChannelRef,
  CommitInput,
  CommitResult,
  Doc,
  Platform,
  RateDecision,
  RateLimit,
  SessionRecord,
  SessionRef,
  SessionStore,
  StoreOptions,
} from "./internal/types.ts";
export {
  channelRefSchema,
  DefaultStoreOptions,
  platformSchema,
  sessionRefSchema,
} from "./internal/types.ts";
// To come (store helper): MemoryStore, RedisStore.
