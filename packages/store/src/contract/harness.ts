// Test support for the store contract suites: a factory per implementation, each store on its own
// key prefix, connections closed and Redis keys deleted by prefix (SCAN + DEL) afterwards.

import { Redis } from "ioredis";
import { afterAll, afterEach, inject } from "vitest";
import { uniquePrefix } from "../../../../test/support/redis-server.ts";
import type { MemoryStoreOptions } from "../internal/memory-store.ts";
import { MemoryStore } from "../internal/memory-store.ts";
import { RedisStore } from "../internal/redis-store.ts";
import type { SessionRecord, SessionRef, SessionStore, StoreOptions } from "../internal/types.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export type Kind = "memory" | "redis";
export const KINDS: Kind[] = ["memory", "redis"];

export interface Made {
  store: SessionStore;
  prefix: string;
}

export interface Stores {
  /** A new store of this kind on a prefix of its own (`clock` applies to the memory store only). */
  make(opts?: Omit<MemoryStoreOptions, "prefix">): Made;
  /** A plain connection to the test Redis (redis kind only), for PTTL and corrupting records. */
  admin(): Redis;
}

/** Deletes every key under `prefix:` with SCAN + DEL (never FLUSH: other suites share the server). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
}

/** Registers the hooks for one implementation's suite and returns its factory. */
export function useStores(kind: Kind): Stores {
  const open: SessionStore[] = [];
  const prefixes: string[] = [];
  let admin: Redis | undefined;
  const getAdmin = () => {
    admin ??= new Redis(inject("redisUrl"));
    return admin;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    if (kind === "redis") {
      const r = getAdmin();
      for (const p of prefixes) await deleteByPrefix(r, p);
    }
    await admin?.quit();
  });
  return {
    make(opts = {}) {
      const prefix = uniquePrefix("store");
      prefixes.push(prefix);
      const common: StoreOptions = {
        prefix,
        ...(opts.ttlMs !== undefined ? { ttlMs: opts.ttlMs } : {}),
        ...(opts.dedupWindow !== undefined ? { dedupWindow: opts.dedupWindow } : {}),
      };
      const store =
        kind === "memory"
          ? new MemoryStore({ ...common, ...(opts.clock ? { clock: opts.clock } : {}) })
          : new RedisStore({ ...common, redisUrl: inject("redisUrl") });
      open.push(store);
      return { store, prefix };
    },
    admin: getAdmin,
  };
}

export const learner = (id: string, workspace = "T1"): SessionRef => ({
  platform: "slack",
  workspace,
  scope: "user",
  id,
});

export const group = (id: string, workspace = "T1"): SessionRef => ({
  platform: "discord",
  workspace,
  scope: "channel",
  id,
});

/**
 * A loaded record without its epoch (random per session), which must be there once the session was
 * committed and never before: records can then be compared whole with toEqual.
 */
export function withoutEpoch(rec: SessionRecord): Omit<SessionRecord, "epoch"> {
  const { epoch, ...rest } = rec;
  if (rec.version > 0 && (typeof epoch !== "string" || epoch.length === 0))
    throw new Error(`a committed session has no epoch: ${JSON.stringify(rec)}`);
  if (rec.version === 0 && epoch !== undefined) throw new Error("a session never committed has an epoch");
  return rest;
}
