// Store contract, the rest: hostile ids, packed sessions, documents, token buckets and errors, run
// against both stores; then both stores side by side on the same calls.

import { newSession, packSession, unpackSession } from "@bosun/tutor";
import { Redis } from "ioredis";
import { describe, expect, inject, test } from "vitest";
import { BUCKET_MIN_TTL_MS } from "../internal/bucket.ts";
import { StoreError } from "../internal/errors.ts";
import { bucketKey, channelDocName, docKey, sessionKey } from "../internal/keys.ts";
import { MemoryStore } from "../internal/memory-store.ts";
import { RedisStore } from "../internal/redis-store.ts";
import type { SessionRef, SessionStore } from "../internal/types.ts";
import { deleteByPrefix, group, KINDS, learner, useStores, withoutEpoch } from "./harness.ts";

const HOSTILE = [
  "a:b",
  "{x}",
  "}{",
  "%3A",
  ":",
  "a%3Ab",
  "ünï😀",
  "x".repeat(200),
  "__proto__",
  "constructor",
];

/** Two learners and a group for every hostile id, in hostile workspaces too. */
function hostileRefs(): SessionRef[] {
  const refs: SessionRef[] = [];
  for (const h of HOSTILE)
    refs.push(learner(h), learner("U2", h), group(h), {
      platform: "slack",
      workspace: "T1",
      scope: "channel",
      id: h,
    });
  // Ids that would collide if separators were not escaped.
  refs.push(learner("b:u:c", "a"), learner("c", "a:u:b"), learner("a%253Ab"), learner("a:b", "T1:u"));
  return refs;
}

const hashTags = (key: string) => ({ open: key.split("{").length - 1, close: key.split("}").length - 1 });

async function expectCode(p: Promise<unknown>, code: StoreError["code"]): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
}

describe.each(KINDS)("%s store: keys, documents, rate limits, errors", (kind) => {
  const stores = useStores(kind);

  test("hostile ids never collide and every key carries exactly one hash tag", async () => {
    const { store, prefix } = stores.make();
    const refs = hostileRefs();
    const keys = refs.map((r) => sessionKey(prefix, r));
    expect(new Set(keys).size).toBe(refs.length);
    for (const k of keys) expect(hashTags(k)).toEqual({ open: 1, close: 1 });
    for (const [i, ref] of refs.entries()) {
      expect(await store.sequence(ref, `e-${i}`)).toBe(1);
      expect(await store.commit(ref, { expectVersion: 0, seq: 1, data: `data ${i}` })).toMatchObject({
        ok: true,
      });
    }
    for (const [i, ref] of refs.entries()) {
      expect(withoutEpoch(await store.load(ref))).toEqual({
        version: 1,
        applied: 1,
        data: `data ${i}`,
        outbox: {},
      });
      expect(await store.eventAt(ref, 1)).toBe(`e-${i}`);
    }
    if (kind === "redis") {
      const stored = await stores.admin().keys(`${prefix}:*`);
      expect(stored.sort()).toEqual([...keys].sort());
    }
  });

  test("a fresh packed session round-trips through commit and load", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    const session = newSession({ seed: 7, now: Date.UTC(2025, 0, 6, 9) });
    const data = packSession(session);
    await store.sequence(ref, "e1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data });
    const back = unpackSession((await store.load(ref)).data ?? "");
    expect(back).toEqual({ ok: true, session });
  });

  test("documents: CAS on the version, and a delete moves the version on", async () => {
    const { store } = stores.make();
    const name = channelDocName({ platform: "slack", workspace: "T1", channel: "{C9}:x" }, "quiz");
    expect(await store.getDoc(name)).toEqual({ version: 0 });
    expect(await store.putDoc(name, 0, "board 1")).toEqual({ ok: true, version: 1 });
    expect(await store.putDoc(name, 0, "stale")).toEqual({ ok: false, reason: "conflict" });
    expect(await store.getDoc(name)).toEqual({ version: 1, data: "board 1" });
    expect(await store.putDoc(name, 1, undefined)).toEqual({ ok: true, version: 2 });
    expect(await store.getDoc(name)).toEqual({ version: 2 });
    expect(await store.putDoc(name, 0, "after delete")).toEqual({ ok: false, reason: "conflict" });
    expect(await store.putDoc(name, 2, "board 2")).toEqual({ ok: true, version: 3 });
    expect(await store.getDoc(name)).toEqual({ version: 3, data: "board 2" });
    await expectCode(store.putDoc("a{b}", 0, "x"), "invalid-argument");
  });

  test("4 × 25 concurrent document writers with CAS and retry lose no update", async () => {
    const { store } = stores.make();
    const writer = async () => {
      for (let i = 0; i < 25; i++)
        for (let attempt = 0; ; attempt++) {
          if (attempt > 1000) throw new Error("too many conflicts");
          const d = await store.getDoc("counter");
          if ((await store.putDoc("counter", d.version, String(Number(d.data ?? "0") + 1))).ok) break;
        }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(await store.getDoc("counter")).toEqual({ version: 100, data: "100" });
  });

  test("token bucket: capacity, refill over time and an exact retryAfterMs", async () => {
    const { store } = stores.make();
    const limit = { capacity: 3, refillPerSecond: 2 };
    const t0 = 1_700_000_000_000;
    expect(await store.take("U1", limit, t0)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(await store.take("U1", limit, t0)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    expect(await store.take("U1", limit, t0)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(await store.take("U1", limit, t0)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 500 });
    expect(await store.take("U1", limit, t0 + 200)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 300,
    });
    expect(await store.take("U1", limit, t0 + 500)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    // Another key has its own bucket; a cost of 2 waits for two tokens.
    expect(await store.take("U2", limit, t0)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await store.take("U1", limit, t0 + 600, 2)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 900,
    });
    // Refill never exceeds the capacity, and an earlier `now` (a lagging clock) refills nothing.
    expect(await store.take("U1", limit, t0 + 3_600_000)).toEqual({
      allowed: true,
      remaining: 2,
      retryAfterMs: 0,
    });
    expect(await store.take("U1", limit, t0)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    await expectCode(store.take("U1", limit, t0, 4), "invalid-argument");
  });

  test.runIf(kind === "redis")(
    "a bucket key expires when the bucket would be full again, but not within the hour",
    async () => {
      const { store, prefix } = stores.make();
      const admin = stores.admin();
      await store.take("U1", { capacity: 10, refillPerSecond: 1 }, Date.now(), 4);
      const pttl = await admin.pttl(bucketKey(prefix, "U1"));
      expect(pttl).toBeGreaterThan(BUCKET_MIN_TTL_MS - 5_000);
      expect(pttl).toBeLessThanOrEqual(BUCKET_MIN_TTL_MS);
      // A slow bucket (one token a day) is kept until it would be full.
      await store.take("U2", { capacity: 3, refillPerSecond: 1 / 86_400 }, Date.now(), 2);
      expect(await admin.pttl(bucketKey(prefix, "U2"))).toBeGreaterThan(2 * 86_400_000 - 5_000);
    },
  );

  test.runIf(kind === "memory")(
    "a bucket outlives the real time between takes: its refill runs on the callers' now alone",
    async () => {
      let clock = 1_000_000;
      const { store } = stores.make({ clock: () => clock });
      const limit = { capacity: 2, refillPerSecond: 1 };
      const t = 1_700_000_000_000;
      expect((await store.take("U1", limit, t)).remaining).toBe(1);
      // Taken much later in real time (a backlog), at the same `now`: the bucket is not reset.
      clock += 10_000;
      expect((await store.take("U1", limit, t)).remaining).toBe(0);
      clock += 10_000;
      expect((await store.take("U1", limit, t)).allowed).toBe(false);
      clock += BUCKET_MIN_TTL_MS + 1;
      expect((await store.take("U1", limit, t)).remaining).toBe(1);
    },
  );

  test("bad arguments are refused with invalid-argument and store nothing", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await expectCode(store.sequence(ref, ""), "invalid-argument");
    await expectCode(store.sequence(ref, "x".repeat(201)), "invalid-argument");
    await expectCode(store.sequence({ ...ref, id: "" }, "e1"), "invalid-argument");
    await expectCode(
      store.sequence({ ...ref, platform: "irc" } as unknown as SessionRef, "e1"),
      "invalid-argument",
    );
    await expectCode(store.commit(ref, { expectVersion: 0, seq: 0 }), "invalid-argument");
    await expectCode(store.commit(ref, { expectVersion: -1, seq: 1 }), "invalid-argument");
    await expectCode(store.commit(ref, { expectVersion: 0, seq: 1.5 }), "invalid-argument");
    await expectCode(store.eventAt(ref, 0), "invalid-argument");
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 0, applied: 0, outbox: {} });
  });

  test.runIf(kind === "redis")("a corrupt record fails with corrupt-record and is left alone", async () => {
    const { store, prefix } = stores.make();
    const admin = stores.admin();
    const ref = learner("U1");
    await admin.hset(sessionKey(prefix, ref), "ver", "not a number");
    await expectCode(store.load(ref), "corrupt-record");
    await expectCode(store.commit(ref, { expectVersion: 0, seq: 1 }), "corrupt-record");
    expect(await admin.hget(sessionKey(prefix, ref), "ver")).toBe("not a number");
    const other = learner("U2");
    await admin.set(sessionKey(prefix, other), "a string");
    await expectCode(store.sequence(other, "e1"), "corrupt-record");
    await admin.hset(docKey(prefix, "doc"), "ver", "x");
    await expectCode(store.getDoc("doc"), "corrupt-record");
    await admin.hset(bucketKey(prefix, "b"), "tokens", "x", "ts", "1");
    await expectCode(store.take("b", { capacity: 1, refillPerSecond: 1 }, 0), "corrupt-record");
  });
});

describe("redis store: connections", () => {
  test("a store given a client leaves it open; calls after close fail with closed", async () => {
    const client = new Redis(inject("redisUrl"));
    const store = new RedisStore({ client, prefix: "unused" });
    await store.close();
    await expectCode(store.load(learner("U1")), "closed");
    expect(await client.ping()).toBe("PONG");
    await client.quit();
  });

  test("an unreachable Redis fails with backend", async () => {
    const client = new Redis({
      port: 1,
      host: "127.0.0.1",
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on("error", () => {});
    const store = new RedisStore({ client, prefix: "unused" });
    await expectCode(store.load(learner("U1")), "backend");
    client.disconnect();
  });
});

describe("memory and redis stores side by side", () => {
  test("give the same results for the same calls", async () => {
    const url = inject("redisUrl");
    const prefix = `store-same-${process.pid}-${Date.now()}`;
    const stores: SessionStore[] = [
      new MemoryStore({ dedupWindow: 4 }),
      new RedisStore({ redisUrl: url, prefix, dedupWindow: 4 }),
    ];
    const run = async (s: SessionStore) => {
      const out: unknown[] = [];
      const ref = group("C1");
      const limit = { capacity: 5, refillPerSecond: 0.7 };
      for (let i = 0; i < 40; i++) {
        out.push(await s.sequence(ref, `e${i % 7}`));
        const rec = await s.load(ref);
        out.push(withoutEpoch(rec));
        out.push(
          await s.commit(ref, {
            expectVersion: rec.version + (i % 5 === 0 ? 1 : 0),
            seq: rec.applied + 1 + (i % 6 === 0 ? 1 : 0),
            ...(i % 3 ? { data: `d${i}` } : {}),
            ...(i % 4 === 0 ? { outbox: { id: `o${i % 8}`, payload: `p${i}` } } : {}),
          }),
        );
        if (i % 5 === 1) await s.ack(ref, `o${(i + 3) % 8}`);
        out.push(await s.eventAt(ref, Math.max(1, i - 3)));
        out.push(await s.take("k", limit, 1_000 + i * 333.3, 1 + (i % 3)));
        out.push(await s.putDoc("d", i % 2 === 0 ? i / 2 : 0, i % 6 === 0 ? undefined : `doc${i}`));
        out.push(await s.getDoc("d"));
      }
      return out;
    };
    try {
      const [m, r] = [await run(stores[0] as SessionStore), await run(stores[1] as SessionStore)];
      expect(r).toEqual(m);
    } finally {
      const admin = new Redis(url);
      await deleteByPrefix(admin, prefix);
      await admin.quit();
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
