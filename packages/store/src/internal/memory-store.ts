// MemoryStore: the SessionStore in one process's memory, for tests and the terminal tutor. Same
// results as RedisStore for the same calls; callers never share state with it (strings and copies).

import { randomBytes } from "node:crypto";
import { type BucketState, takeTokens } from "./bucket.ts";
import { StoreError } from "./errors.ts";
import { bucketKey, docKey, sessionKey } from "./keys.ts";
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

/** Options of the memory store: the shared ones plus the clock that decides expiry. */
export interface MemoryStoreOptions extends StoreOptions {
  /** Current time in epoch ms, for TTL expiry (default `Date.now`); tests pass a virtual clock. */
  clock?: () => number;
}

interface SessionEntry {
  kind: "session";
  expiresAt: number;
  ver: number;
  applied: number;
  next: number;
  epoch?: string;
  data?: string;
  log: string[];
  /** Event id → sequence number, and back: the dedup window. */
  events: Map<string, number>;
  order: Map<number, string>;
  outbox: Map<string, string>;
}

interface DocEntry {
  kind: "doc";
  expiresAt: number;
  ver: number;
  data?: string;
}

interface BucketEntry extends BucketState {
  kind: "bucket";
  expiresAt: number;
}

type Entry = SessionEntry | DocEntry | BucketEntry;

/** How many writes between two sweeps of expired entries (lazy expiry covers reads in between). */
const SWEEP_EVERY = 1024;

/**
 * The SessionStore in memory. Entries live under the same key names as in Redis and expire after
 * `ttlMs` without a write, judged by `clock` (an entry is gone once `clock()` is past its expiry,
 * as Redis does). `close` is a no-op.
 */
export class MemoryStore implements SessionStore {
  readonly #opts: ResolvedOptions;
  readonly #clock: () => number;
  readonly #entries = new Map<string, Entry>();
  #writes = 0;

  constructor(opts: MemoryStoreOptions = {}) {
    this.#opts = resolveOptions(opts);
    this.#clock = opts.clock ?? Date.now;
  }

  /** The live entry at `key`, dropping it if it expired; `corrupt-record` if it is of another kind. */
  #get<K extends Entry["kind"]>(key: string, kind: K): Extract<Entry, { kind: K }> | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (this.#clock() > e.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    if (e.kind !== kind) throw new StoreError("corrupt-record", `${key} holds a ${e.kind}, not a ${kind}`);
    return e as Extract<Entry, { kind: K }>;
  }

  #touch(e: Entry, ms = this.#opts.ttlMs): void {
    e.expiresAt = this.#clock() + ms;
    if (++this.#writes % SWEEP_EVERY === 0) {
      const now = this.#clock();
      for (const [k, v] of this.#entries) if (now > v.expiresAt) this.#entries.delete(k);
    }
  }

  #session(ref: SessionRef, create: true): SessionEntry;
  #session(ref: SessionRef, create: false): SessionEntry | undefined;
  #session(ref: SessionRef, create: boolean): SessionEntry | undefined {
    checkRef(ref);
    const key = sessionKey(this.#opts.prefix, ref);
    let e = this.#get(key, "session");
    if (!e && create) {
      e = {
        kind: "session",
        expiresAt: 0,
        ver: 0,
        applied: 0,
        next: 0,
        log: [],
        events: new Map(),
        order: new Map(),
        outbox: new Map(),
      };
      this.#entries.set(key, e);
    }
    return e;
  }

  async sequence(ref: SessionRef, eventId: string): Promise<number> {
    return (await this.place(ref, eventId)).seq;
  }

  async place(ref: SessionRef, eventId: string): Promise<{ seq: number; known: boolean }> {
    checkId("event id", eventId);
    const e = this.#session(ref, true);
    let n = e.events.get(eventId);
    const known = n !== undefined;
    if (n === undefined) {
      n = ++e.next;
      e.events.set(eventId, n);
      e.order.set(n, eventId);
      // One number in, one out: the id `dedupWindow` numbers back is forgotten (O(1) per call).
      const old = n - this.#opts.dedupWindow;
      const oldId = e.order.get(old);
      if (oldId !== undefined) {
        e.order.delete(old);
        e.events.delete(oldId);
      }
    }
    this.#touch(e);
    return { seq: n, known };
  }

  async eventAt(ref: SessionRef, seq: number): Promise<string | undefined> {
    checkSeq(seq);
    return this.#session(ref, false)?.order.get(seq);
  }

  async peek(ref: SessionRef, eventId: string): Promise<SessionStanding> {
    checkId("event id", eventId);
    const e = this.#session(ref, false);
    if (!e) return { version: 0, applied: 0 };
    const eventSeq = e.events.get(eventId);
    return {
      version: e.ver,
      applied: e.applied,
      ...(e.epoch !== undefined ? { epoch: e.epoch } : {}),
      ...(eventSeq !== undefined ? { eventSeq } : {}),
    };
  }

  async load(ref: SessionRef, opts?: LoadOptions): Promise<SessionRecord> {
    if (opts?.outbox !== undefined) checkId("outbox id", opts.outbox);
    if (opts?.seqOf !== undefined) checkId("event id", opts.seqOf);
    const e = this.#session(ref, false);
    if (!e) return { version: 0, applied: 0, outbox: {} };
    const outbox: Record<string, string> = {};
    const only = opts?.outbox;
    const eventSeq = opts?.seqOf !== undefined ? e.events.get(opts.seqOf) : undefined;
    // defineProperty: an outbox id such as `__proto__` must become an own key, not the prototype.
    for (const [id, payload] of e.outbox)
      if (only === undefined || id === only)
        Object.defineProperty(outbox, id, {
          value: payload,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    return {
      version: e.ver,
      applied: e.applied,
      ...(e.epoch !== undefined ? { epoch: e.epoch } : {}),
      ...(eventSeq !== undefined ? { eventSeq } : {}),
      ...(e.data !== undefined ? { data: e.data } : {}),
      ...(e.log.length > 0 ? { log: [...e.log] } : {}),
      outbox,
    };
  }

  async commit(ref: SessionRef, input: CommitInput): Promise<CommitResult> {
    checkCommit(input);
    const e = this.#session(ref, false);
    const ver = e?.ver ?? 0;
    const applied = e?.applied ?? 0;
    if (ver !== input.expectVersion || input.seq !== applied + 1) return { ok: false, reason: "conflict" };
    if (input.expectEpoch !== undefined && e?.epoch !== input.expectEpoch)
      return { ok: false, reason: "conflict" };
    if (input.expectEvent !== undefined && e?.events.get(input.expectEvent) !== input.seq)
      return { ok: false, reason: "conflict" };
    const s = e ?? this.#session(ref, true);
    s.epoch ??= randomBytes(9).toString("base64url");
    s.ver = ver + 1;
    s.applied = input.seq;
    if (input.data !== undefined) {
      s.data = input.data;
      s.log = [];
    } else if (input.log !== undefined) s.log.push(input.log);
    if (input.outbox) s.outbox.set(input.outbox.id, input.outbox.payload);
    for (const id of input.acks ?? []) s.outbox.delete(id);
    this.#touch(s);
    if (!input.withNext) return { ok: true, version: s.ver };
    const next = s.order.get(input.seq + 1);
    return next !== undefined
      ? { ok: true, version: s.ver, next, epoch: s.epoch }
      : { ok: true, version: s.ver, epoch: s.epoch };
  }

  async ack(ref: SessionRef, outboxId: string): Promise<void> {
    checkId("outbox id", outboxId);
    const e = this.#session(ref, false);
    if (e?.outbox.delete(outboxId)) this.#touch(e);
  }

  async remove(ref: SessionRef): Promise<void> {
    checkRef(ref);
    this.#entries.delete(sessionKey(this.#opts.prefix, ref));
  }

  async getDoc(name: string): Promise<Doc> {
    checkName("document name", name);
    const e = this.#get(docKey(this.#opts.prefix, name), "doc");
    if (!e) return { version: 0 };
    return { version: e.ver, ...(e.data !== undefined ? { data: e.data } : {}) };
  }

  async putDoc(name: string, expectVersion: number, data: string | undefined): Promise<CommitResult> {
    checkName("document name", name);
    checkVersion(expectVersion);
    if (data !== undefined && typeof data !== "string")
      throw new StoreError("invalid-argument", "document data must be a string");
    const key = docKey(this.#opts.prefix, name);
    const e = this.#get(key, "doc");
    if ((e?.ver ?? 0) !== expectVersion) return { ok: false, reason: "conflict" };
    const d: DocEntry = e ?? { kind: "doc", expiresAt: 0, ver: 0 };
    d.ver += 1;
    if (data === undefined) delete d.data;
    else d.data = data;
    this.#entries.set(key, d);
    this.#touch(d);
    return { ok: true, version: d.ver };
  }

  async take(key: string, limit: RateLimit, now: number, cost = 1): Promise<RateDecision> {
    checkName("bucket key", key);
    checkTake(limit, now, cost);
    const k = bucketKey(this.#opts.prefix, key);
    const e = this.#get(k, "bucket");
    const r = takeTokens(e, limit, now, cost);
    const b: BucketEntry = { kind: "bucket", expiresAt: 0, ...r.state };
    this.#entries.set(k, b);
    this.#touch(b, r.fullInMs);
    return r.decision;
  }

  async close(): Promise<void> {}
}
