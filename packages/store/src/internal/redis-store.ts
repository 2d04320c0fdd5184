// RedisStore: the SessionStore on Redis. One hash per session (version, applied, next, data, the
// dedup window's `e:<id>`/`q:<seq>` fields and the outbox's `o:<id>`), changed by Lua scripts.

import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { BUCKET_MIN_TTL_MS } from "./bucket.ts";
import { StoreError } from "./errors.ts";
import { bucketKey, docKey, sessionKey } from "./keys.ts";
import { ACK_LUA, COMMIT_LUA, LOAD_LUA, PUT_DOC_LUA, SEQUENCE_LUA, TAKE_LUA } from "./redis-scripts.ts";
import type {
  CommitInput,
  CommitResult,
  Doc,
  LoadOptions,
  RateDecision,
  RateLimit,
  SessionRecord,
  SessionRef,
  SessionStanding,
  SessionStore,
  StoreOptions,
} from "./types.ts";
import {
  checkCommit,
  checkId,
  checkName,
  checkRef,
  checkSeq,
  checkTake,
  checkVersion,
  type ResolvedOptions,
  resolveOptions,
} from "./validate.ts";

/** Options of the Redis store: a URL (the store owns that connection) or a client (the caller's). */
export interface RedisStoreOptions extends StoreOptions {
  /** `redis://…` URL; the store connects and `close` disconnects. */
  redisUrl?: string;
  /** An existing connection; the store neither closes it nor changes its options. */
  client?: Redis;
}

type Arg = string | number;
/** The scripts, as ioredis `defineCommand` adds them (one key each). */
interface Scripts {
  bosunSequence(key: string, ...args: Arg[]): Promise<[number, number]>;
  bosunCommit(key: string, ...args: Arg[]): Promise<number | [number, string | null, string]>;
  bosunLoad(key: string, ...args: Arg[]): Promise<string[]>;
  bosunAck(key: string, ...args: Arg[]): Promise<number>;
  bosunPutDoc(key: string, ...args: Arg[]): Promise<number>;
  bosunTake(key: string, ...args: Arg[]): Promise<[number, string, number]>;
}

const SCRIPTS: Record<keyof Scripts, string> = {
  bosunSequence: SEQUENCE_LUA,
  bosunCommit: COMMIT_LUA,
  bosunLoad: LOAD_LUA,
  bosunAck: ACK_LUA,
  bosunPutDoc: PUT_DOC_LUA,
  bosunTake: TAKE_LUA,
};

/** A session's epoch: random, short (the store keeps the first one a session is given). */
function newEpoch(): string {
  return randomBytes(9).toString("base64url");
}

const INT = /^(0|[1-9][0-9]{0,15})$/;

/** A stored integer field, or `corrupt-record`. */
function int(v: string | null | undefined, what: string, key: string): number {
  if (v === null || v === undefined) return 0;
  if (!INT.test(v))
    throw new StoreError("corrupt-record", `${key}: ${what} is not a number: ${v.slice(0, 40)}`);
  return Number(v);
}

/**
 * The SessionStore on Redis (or a Redis Cluster: every script touches one hash tag). Sessions and
 * documents expire `ttlMs` after their last write; buckets when they would be full again.
 */
export class RedisStore implements SessionStore {
  readonly #opts: ResolvedOptions;
  readonly #redis: Redis & Scripts;
  readonly #owned: boolean;
  #closed = false;

  constructor(opts: RedisStoreOptions) {
    this.#opts = resolveOptions(opts);
    if (opts.client) {
      this.#redis = opts.client as Redis & Scripts;
      this.#owned = false;
    } else if (opts.redisUrl) {
      this.#redis = new Redis(opts.redisUrl, {
        lazyConnect: false,
        // Named for CLIENT LIST (spaces and control characters are not allowed in a name).
        connectionName: `${this.#opts.prefix}:store`.replace(/[^\x21-\x7e]/g, "_"),
      }) as Redis & Scripts;
      // Errors surface on the calls; an unhandled 'error' event would crash the process.
      this.#redis.on("error", () => {});
      this.#owned = true;
    } else {
      throw new StoreError("invalid-argument", "RedisStore needs redisUrl or client");
    }
    for (const [name, lua] of Object.entries(SCRIPTS)) {
      // defineCommand is idempotent per name; a shared client may already carry these scripts.
      if (!(name in this.#redis)) this.#redis.defineCommand(name, { numberOfKeys: 1, lua });
    }
  }

  /** Runs a Redis call, turning its failures into StoreErrors. */
  async #run<T>(what: string, fn: (r: Redis & Scripts) => Promise<T>): Promise<T> {
    if (this.#closed) throw new StoreError("closed", `store is closed (${what})`);
    try {
      return await fn(this.#redis);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const msg = err instanceof Error ? err.message : String(err);
      if (msg.includes("BOSUN_CORRUPT") || msg.startsWith("WRONGTYPE"))
        throw new StoreError("corrupt-record", `${what}: ${msg}`, { cause: err });
      throw new StoreError("backend", `${what}: ${msg}`, { cause: err });
    }
  }

  #key(ref: SessionRef): string {
    checkRef(ref);
    return sessionKey(this.#opts.prefix, ref);
  }

  async sequence(ref: SessionRef, eventId: string): Promise<number> {
    return (await this.place(ref, eventId)).seq;
  }

  async place(ref: SessionRef, eventId: string): Promise<{ seq: number; known: boolean }> {
    checkId("event id", eventId);
    const key = this.#key(ref);
    const [seq, known] = await this.#run("sequence", (r) =>
      r.bosunSequence(key, eventId, this.#opts.dedupWindow, this.#opts.ttlMs),
    );
    return { seq, known: known === 1 };
  }

  async eventAt(ref: SessionRef, seq: number): Promise<string | undefined> {
    checkSeq(seq);
    const key = this.#key(ref);
    const id = await this.#run("eventAt", (r) => r.hget(key, `q:${seq}`));
    return id ?? undefined;
  }

  async peek(ref: SessionRef, eventId: string): Promise<SessionStanding> {
    checkId("event id", eventId);
    const key = this.#key(ref);
    const [ver, applied, epoch, seq] = await this.#run("peek", (r) =>
      r.hmget(key, "ver", "applied", "ep", `e:${eventId}`),
    );
    return {
      version: int(ver, "ver", key),
      applied: int(applied, "applied", key),
      ...(epoch ? { epoch } : {}),
      ...(seq ? { eventSeq: int(seq, "event number", key) } : {}),
    };
  }

  async load(ref: SessionRef, opts?: LoadOptions): Promise<SessionRecord> {
    const key = this.#key(ref);
    if (opts?.outbox !== undefined) checkId("outbox id", opts.outbox);
    if (opts?.seqOf !== undefined) checkId("event id", opts.seqOf);
    const f = await this.#run("load", (r) => r.bosunLoad(key, opts?.outbox ?? "", opts?.seqOf ?? ""));
    const rec: SessionRecord = {
      version: int(f[0], "ver", key),
      applied: int(f[1], "applied", key),
      outbox: {},
    };
    if (f[2] === "1") rec.data = f[3] ?? "";
    if (f[4] === "1") rec.log = (f[5] ?? "").split("\n");
    if (f[6]) rec.epoch = f[6];
    if (f[7]) rec.eventSeq = int(f[7], "event number", key);
    for (let i = 8; i + 1 < f.length; i += 2)
      // defineProperty: an outbox id such as `__proto__` must become an own key, not the prototype.
      Object.defineProperty(rec.outbox, f[i] as string, {
        value: f[i + 1],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return rec;
  }

  async commit(ref: SessionRef, input: CommitInput): Promise<CommitResult> {
    checkCommit(input);
    const key = this.#key(ref);
    const mode = input.data !== undefined ? "d" : input.log !== undefined ? "l" : "-";
    const v = await this.#run("commit", (r) =>
      r.bosunCommit(
        key,
        input.expectVersion,
        input.seq,
        this.#opts.ttlMs,
        mode,
        input.data ?? input.log ?? "",
        input.outbox ? "1" : "0",
        input.outbox?.id ?? "",
        input.outbox?.payload ?? "",
        input.withNext ? "1" : "0",
        input.expectEpoch ?? "",
        // A session that has an epoch keeps it: a caller expecting one needs no candidate.
        input.expectEpoch === undefined ? newEpoch() : "",
        input.expectEvent ?? "",
        ...(input.acks ?? []),
      ),
    );
    if (typeof v === "number") return v < 0 ? { ok: false, reason: "conflict" } : { ok: true, version: v };
    const [version, next, epoch] = v;
    return typeof next === "string" ? { ok: true, version, next, epoch } : { ok: true, version, epoch };
  }

  async ack(ref: SessionRef, outboxId: string): Promise<void> {
    checkId("outbox id", outboxId);
    const key = this.#key(ref);
    await this.#run("ack", (r) => r.bosunAck(key, outboxId, this.#opts.ttlMs));
  }

  async remove(ref: SessionRef): Promise<void> {
    const key = this.#key(ref);
    await this.#run("remove", (r) => r.del(key));
  }

  async getDoc(name: string): Promise<Doc> {
    checkName("document name", name);
    const key = docKey(this.#opts.prefix, name);
    const [ver, data] = await this.#run("getDoc", (r) => r.hmget(key, "ver", "data"));
    const doc: Doc = { version: int(ver, "ver", key) };
    if (data !== null && data !== undefined) doc.data = data;
    return doc;
  }

  async putDoc(name: string, expectVersion: number, data: string | undefined): Promise<CommitResult> {
    checkName("document name", name);
    checkVersion(expectVersion);
    if (data !== undefined && typeof data !== "string")
      throw new StoreError("invalid-argument", "document data must be a string");
    const key = docKey(this.#opts.prefix, name);
    const v = await this.#run("putDoc", (r) =>
      r.bosunPutDoc(key, expectVersion, data !== undefined ? "1" : "0", data ?? "", this.#opts.ttlMs),
    );
    return v < 0 ? { ok: false, reason: "conflict" } : { ok: true, version: v };
  }

  async take(key: string, limit: RateLimit, now: number, cost = 1): Promise<RateDecision> {
    checkName("bucket key", key);
    checkTake(limit, now, cost);
    const k = bucketKey(this.#opts.prefix, key);
    const [allowed, tokens, retry] = await this.#run("take", (r) =>
      r.bosunTake(k, limit.capacity, limit.refillPerSecond, now, cost, BUCKET_MIN_TTL_MS),
    );
    return { allowed: allowed === 1, remaining: Math.floor(Number(tokens)), retryAfterMs: retry };
  }

  /** Disconnects a connection the store opened; a caller's client is left open. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#owned) return;
    try {
      await this.#redis.quit();
    } catch {
      // Already disconnected: nothing left to release.
      this.#redis.disconnect();
    }
  }
}
