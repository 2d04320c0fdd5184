// Store contract, sessions: event order, CAS commits, outbox, dedup window, TTL and removal, run
// against the memory and the Redis store alike.

import { describe, expect, test } from "vitest";
import { sessionKey } from "../internal/keys.ts";
import { KINDS, learner, useStores, withoutEpoch } from "./harness.ts";

describe.each(KINDS)("%s store: sessions", (kind) => {
  const stores = useStores(kind);

  test("sequence numbers start at 1, are dense, and the same event id keeps its number", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect(await store.sequence(ref, "e1")).toBe(1);
    expect(await store.sequence(ref, "e2")).toBe(2);
    expect(await store.sequence(ref, "e1")).toBe(1);
    expect(await store.sequence(ref, "e3")).toBe(3);
    expect(await store.eventAt(ref, 2)).toBe("e2");
    expect(await store.eventAt(ref, 4)).toBeUndefined();
    // Another learner has an order of its own.
    expect(await store.sequence(learner("U2"), "e1")).toBe(1);
  });

  test("place says whether the event id was numbered before", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect(await store.place(ref, "e1")).toEqual({ seq: 1, known: false });
    expect(await store.place(ref, "e2")).toEqual({ seq: 2, known: false });
    expect(await store.place(ref, "e1")).toEqual({ seq: 1, known: true });
    expect(await store.sequence(ref, "e2")).toBe(2);
  });

  test("100 concurrent sequence calls for distinct ids get 1..100 exactly once", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    const ids = Array.from({ length: 100 }, (_, i) => `ev-${i}`);
    const got = await Promise.all(ids.map((id) => store.sequence(ref, id)));
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Redelivered concurrently: every id gets its number back, none is numbered twice.
    const again = await Promise.all(ids.map((id) => store.sequence(ref, id)));
    expect(again).toEqual(got);
    for (const [i, n] of got.entries()) expect(await store.eventAt(ref, n)).toBe(ids[i]);
  });

  test("a session never written loads as version 0 with no data and an empty outbox", async () => {
    const { store } = stores.make();
    expect(withoutEpoch(await store.load(learner("nobody")))).toEqual({ version: 0, applied: 0, outbox: {} });
  });

  test("peek says where the session stands and the event's number, as load does", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect(await store.peek(ref, "e1")).toEqual({ version: 0, applied: 0 });
    await store.place(ref, "e1");
    await store.place(ref, "e2");
    expect(await store.peek(ref, "e2")).toEqual({ version: 0, applied: 0, eventSeq: 2 });
    const r = await store.commit(ref, { expectVersion: 0, seq: 1, data: "one", withNext: true });
    expect(r.ok).toBe(true);
    for (const id of ["e1", "e2", "e9"]) {
      const rec = await store.load(ref, { seqOf: id });
      const peek = await store.peek(ref, id);
      expect(peek).toEqual({
        version: rec.version,
        applied: rec.applied,
        ...(rec.epoch !== undefined ? { epoch: rec.epoch } : {}),
        ...(rec.eventSeq !== undefined ? { eventSeq: rec.eventSeq } : {}),
      });
      expect(peek.version).toBe(1);
      expect(peek.epoch).toBeDefined();
    }
    expect((await store.peek(ref, "e9")).eventSeq).toBeUndefined();
    // Another learner's events are not this session's.
    expect(await store.peek(learner("U2"), "e1")).toEqual({ version: 0, applied: 0 });
  });

  test("commit succeeds once per version and refuses a stale version", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.sequence(ref, "e1");
    await store.sequence(ref, "e2");
    expect(await store.commit(ref, { expectVersion: 0, seq: 1, data: "one" })).toEqual({
      ok: true,
      version: 1,
    });
    expect(await store.commit(ref, { expectVersion: 0, seq: 2, data: "stale" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 1, applied: 1, data: "one", outbox: {} });
    expect(await store.commit(ref, { expectVersion: 1, seq: 2, data: "two" })).toEqual({
      ok: true,
      version: 2,
    });
    expect((await store.load(ref)).data).toBe("two");
  });

  test("a commit asked withNext names the event numbered after it, if any, and the epoch", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.sequence(ref, "e1");
    await store.sequence(ref, "e2");
    const first = await store.commit(ref, { expectVersion: 0, seq: 1, data: "a", withNext: true });
    const epoch = (await store.load(ref)).epoch;
    expect(epoch).toBeDefined();
    expect(first).toEqual({ ok: true, version: 1, next: "e2", epoch });
    expect(await store.commit(ref, { expectVersion: 1, seq: 2, data: "b", withNext: true })).toEqual({
      ok: true,
      version: 2,
      epoch,
    });
    expect(await store.commit(ref, { expectVersion: 1, seq: 3, withNext: true })).toEqual({
      ok: false,
      reason: "conflict",
    });
  });

  test("commit refuses a gap (seq beyond applied + 1) and a replay (seq already applied)", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect(await store.commit(ref, { expectVersion: 0, seq: 2, data: "gap" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(await store.commit(ref, { expectVersion: 0, seq: 1, data: "a" })).toMatchObject({ ok: true });
    expect(await store.commit(ref, { expectVersion: 1, seq: 1, data: "replay" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(await store.commit(ref, { expectVersion: 1, seq: 3, data: "gap" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 1, applied: 1, data: "a", outbox: {} });
  });

  test("a commit without data consumes the number and keeps the session (a skipped event)", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "kept" });
    expect(await store.commit(ref, { expectVersion: 1, seq: 2 })).toEqual({ ok: true, version: 2 });
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 2, applied: 2, data: "kept", outbox: {} });
    // A skip as the very first event: the session still has no data.
    const other = learner("U2");
    expect(await store.commit(other, { expectVersion: 0, seq: 1 })).toEqual({ ok: true, version: 1 });
    expect(withoutEpoch(await store.load(other))).toEqual({ version: 1, applied: 1, outbox: {} });
  });

  test("the outbox keeps a reply until it is acknowledged and shows it on load", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.commit(ref, {
      expectVersion: 0,
      seq: 1,
      data: "s1",
      outbox: { id: "e1", payload: "reply 1" },
    });
    await store.commit(ref, { expectVersion: 1, seq: 2, outbox: { id: "__proto__", payload: "reply 2" } });
    const rec = await store.load(ref);
    expect(Object.keys(rec.outbox).sort()).toEqual(["__proto__", "e1"]);
    expect(rec.outbox.e1).toBe("reply 1");
    expect(Object.getOwnPropertyDescriptor(rec.outbox, "__proto__")?.value).toBe("reply 2");
    await store.ack(ref, "e1");
    await store.ack(ref, "never-there");
    expect(Object.keys((await store.load(ref)).outbox)).toEqual(["__proto__"]);
    await store.ack(ref, "__proto__");
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 2, applied: 2, data: "s1", outbox: {} });
    // Acknowledging on a session that does not exist creates nothing.
    await store.ack(learner("ghost"), "e1");
    expect(withoutEpoch(await store.load(learner("ghost")))).toEqual({ version: 0, applied: 0, outbox: {} });
  });

  test("log entries build up after the data, in order, and new data empties the log", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "snap" });
    await store.commit(ref, { expectVersion: 1, seq: 2, log: '{"e":"two"}' });
    // An event that changed nothing leaves no entry; the log goes on after it.
    await store.commit(ref, { expectVersion: 2, seq: 3 });
    await store.commit(ref, { expectVersion: 3, seq: 4, log: "four" });
    expect(withoutEpoch(await store.load(ref))).toEqual({
      version: 4,
      applied: 4,
      data: "snap",
      log: ['{"e":"two"}', "four"],
      outbox: {},
    });
    // A stale version appends nothing.
    expect(await store.commit(ref, { expectVersion: 3, seq: 5, log: "stale" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    await store.commit(ref, { expectVersion: 4, seq: 5, data: "snap2" });
    expect(withoutEpoch(await store.load(ref))).toEqual({
      version: 5,
      applied: 5,
      data: "snap2",
      outbox: {},
    });
    // A log may start before any data (a store does not judge what entries mean).
    const other = learner("U2");
    await store.commit(other, { expectVersion: 0, seq: 1, log: "" });
    expect(withoutEpoch(await store.load(other))).toEqual({ version: 1, applied: 1, log: [""], outbox: {} });
  });

  test("a commit refuses a log entry with a line break, or with data beside it, and too many acks", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    for (const bad of [
      { expectVersion: 0, seq: 1, log: "a\nb" },
      { expectVersion: 0, seq: 1, data: "d", log: "l" },
      { expectVersion: 0, seq: 1, acks: Array.from({ length: 65 }, (_, i) => `e${i}`) },
      { expectVersion: 0, seq: 1, acks: [""] },
    ])
      await expect(store.commit(ref, bad)).rejects.toMatchObject({ code: "invalid-argument" });
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 0, applied: 0, outbox: {} });
  });

  test("a commit drops the outbox entries it acknowledges, and load can read one entry only", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "r1" } });
    await store.commit(ref, { expectVersion: 1, seq: 2, outbox: { id: "e2", payload: "r2" } });
    expect(withoutEpoch(await store.load(ref, { outbox: "e1" }))).toEqual({
      version: 2,
      applied: 2,
      data: "s",
      outbox: { e1: "r1" },
    });
    expect((await store.load(ref, { outbox: "nope" })).outbox).toEqual({});
    await store.commit(ref, {
      expectVersion: 2,
      seq: 3,
      outbox: { id: "e3", payload: "r3" },
      acks: ["e1", "e2", "never-there"],
    });
    expect((await store.load(ref)).outbox).toEqual({ e3: "r3" });
    await store.commit(ref, { expectVersion: 3, seq: 4, acks: ["e3"] });
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 4, applied: 4, data: "s", outbox: {} });
    await expect(store.load(ref, { outbox: "" })).rejects.toMatchObject({ code: "invalid-argument" });
  });

  test("a session keeps one epoch for its life; a commit expecting another is a conflict", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect((await store.load(ref)).epoch).toBeUndefined();
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "a" });
    const epoch = (await store.load(ref)).epoch ?? "";
    expect(epoch).not.toBe("");
    expect(await store.commit(ref, { expectVersion: 1, seq: 2, log: "x", expectEpoch: "other" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(await store.commit(ref, { expectVersion: 1, seq: 2, log: "x", expectEpoch: epoch })).toEqual({
      ok: true,
      version: 2,
    });
    expect((await store.load(ref)).epoch).toBe(epoch);
    // Removed and started again: same version and number as before, but another epoch.
    await store.remove(ref);
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "b" });
    await store.commit(ref, { expectVersion: 1, seq: 2, data: "c" });
    const again = await store.load(ref);
    expect([again.version, again.applied]).toEqual([2, 2]);
    expect(again.epoch).not.toBe(epoch);
    expect(await store.commit(ref, { expectVersion: 2, seq: 3, expectEpoch: epoch })).toEqual({
      ok: false,
      reason: "conflict",
    });
    await expect(store.commit(ref, { expectVersion: 2, seq: 3, expectEpoch: "" })).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });

  test.runIf(kind === "redis")(
    "a session stored before epochs existed gets one with its next commit",
    async () => {
      const { store, prefix } = stores.make();
      const ref = learner("U1");
      await store.commit(ref, { expectVersion: 0, seq: 1, data: "a" });
      await stores.admin().hdel(sessionKey(prefix, ref), "ep");
      expect((await store.load(ref)).epoch).toBeUndefined();
      await store.commit(ref, { expectVersion: 1, seq: 2, data: "b" });
      expect((await store.load(ref)).epoch).toMatch(/^[\w-]{12}$/);
    },
  );

  test("load can read an event's number; a commit can insist that the event holds its number", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    expect((await store.load(ref, { seqOf: "e1" })).eventSeq).toBeUndefined();
    await store.sequence(ref, "e1");
    await store.sequence(ref, "e2");
    expect((await store.load(ref, { seqOf: "e2" })).eventSeq).toBe(2);
    expect((await store.load(ref, { seqOf: "e3", outbox: "e3" })).eventSeq).toBeUndefined();
    expect((await store.load(ref)).eventSeq).toBeUndefined();
    // e2 does not hold number 1; e1 does.
    expect(await store.commit(ref, { expectVersion: 0, seq: 1, data: "a", expectEvent: "e2" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    expect(await store.commit(ref, { expectVersion: 0, seq: 1, data: "a", expectEvent: "e1" })).toEqual({
      ok: true,
      version: 1,
    });
    // An id never numbered holds no number.
    expect(await store.commit(ref, { expectVersion: 1, seq: 2, expectEvent: "nope" })).toEqual({
      ok: false,
      reason: "conflict",
    });
    await expect(store.commit(ref, { expectVersion: 1, seq: 2, expectEvent: "" })).rejects.toMatchObject({
      code: "invalid-argument",
    });
    await expect(store.load(ref, { seqOf: "" })).rejects.toMatchObject({ code: "invalid-argument" });
  });

  test("a loaded record is a copy: changing it changes nothing stored", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "p" } });
    const rec = await store.load(ref);
    rec.outbox.e1 = "changed";
    rec.outbox.extra = "x";
    rec.version = 99;
    expect(withoutEpoch(await store.load(ref))).toEqual({
      version: 1,
      applied: 1,
      data: "s",
      outbox: { e1: "p" },
    });
  });

  test("an id older than the dedup window is forgotten and gets a new number", async () => {
    const { store } = stores.make({ dedupWindow: 3 });
    const ref = learner("U1");
    for (const [i, id] of ["e1", "e2", "e3"].entries()) expect(await store.sequence(ref, id)).toBe(i + 1);
    expect(await store.sequence(ref, "e1")).toBe(1);
    expect(await store.sequence(ref, "e4")).toBe(4);
    expect(await store.eventAt(ref, 1)).toBeUndefined();
    expect(await store.eventAt(ref, 2)).toBe("e2");
    expect(await store.sequence(ref, "e1")).toBe(5);
    expect(await store.sequence(ref, "e3")).toBe(3);
    expect(await store.eventAt(ref, 2)).toBeUndefined();
    expect(await store.sequence(ref, "e2")).toBe(6);
  });

  test("remove deletes the record, its order and its outbox", async () => {
    const { store } = stores.make();
    const ref = learner("U1");
    await store.sequence(ref, "e1");
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "p" } });
    await store.remove(ref);
    expect(withoutEpoch(await store.load(ref))).toEqual({ version: 0, applied: 0, outbox: {} });
    expect(await store.eventAt(ref, 1)).toBeUndefined();
    expect(await store.sequence(ref, "e9")).toBe(1);
    await store.remove(learner("never-there"));
  });

  test("4 × 25 concurrent writers with read-modify-CAS and retry lose no update", async () => {
    const { store } = stores.make();
    const ref = learner("counter");
    const deadline = Date.now() + 20_000;
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        const seq = await store.sequence(ref, `w${w}-${i}`);
        for (;;) {
          if (Date.now() > deadline) throw new Error(`writer ${w} stuck at event ${seq}`);
          const rec = await store.load(ref);
          if (rec.applied >= seq) throw new Error(`event ${seq} applied twice`);
          if (rec.applied === seq - 1) {
            const next = String(Number(rec.data ?? "0") + 1);
            const r = await store.commit(ref, { expectVersion: rec.version, seq, data: next });
            if (r.ok) break;
          }
          // An earlier event is still in another writer's hands: let it run.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect(withoutEpoch(await store.load(ref))).toEqual({
      version: 100,
      applied: 100,
      data: "100",
      outbox: {},
    });
  });

  test.runIf(kind === "memory")(
    "a session expires once the clock passes its TTL, and use refreshes it",
    async () => {
      let now = 1_000_000;
      const { store } = stores.make({ ttlMs: 10_000, clock: () => now });
      const ref = learner("U1");
      await store.commit(ref, { expectVersion: 0, seq: 1, data: "s" });
      now += 10_000;
      expect((await store.load(ref)).version).toBe(1);
      await store.sequence(ref, "e2");
      now += 10_000;
      expect((await store.load(ref)).version).toBe(1);
      now += 1;
      expect(withoutEpoch(await store.load(ref))).toEqual({ version: 0, applied: 0, outbox: {} });
      expect(await store.sequence(ref, "e2")).toBe(1);
    },
  );

  test.runIf(kind === "redis")("every write sets the session's TTL back to ttlMs", async () => {
    const ttlMs = 600_000;
    const { store, prefix } = stores.make({ ttlMs });
    const ref = learner("U1");
    const key = sessionKey(prefix, ref);
    const admin = stores.admin();
    await store.sequence(ref, "e1");
    expect(await admin.pttl(key)).toBeGreaterThan(ttlMs - 5_000);
    for (const write of [
      () => store.sequence(ref, "e1"),
      () => store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "p" } }),
      () => store.ack(ref, "e1"),
    ]) {
      await admin.pexpire(key, 1_000);
      await write();
      const pttl = await admin.pttl(key);
      expect(pttl).toBeGreaterThan(ttlMs - 5_000);
      expect(pttl).toBeLessThanOrEqual(ttlMs);
    }
  });
});
