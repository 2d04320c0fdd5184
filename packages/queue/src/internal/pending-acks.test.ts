// Delivered replies leave the outbox with the session's next commit, or on their own shortly after.

import { MemoryStore } from "@bosun/store";
import { describe, expect, it } from "vitest";
import { silentLogger } from "./logger.ts";
import { PendingAcks } from "./pending-acks.ts";

const ref = { platform: "slack", workspace: "T1", scope: "user", id: "U1" } as const;

describe("PendingAcks", () => {
  it("hands the waiting ids to the next commit, which drops them from the outbox", async () => {
    const store = new MemoryStore();
    const acks = new PendingAcks(store, silentLogger, 60_000);
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "r1" } });
    acks.add("t", ref, "e1");
    const ids = acks.peek("t");
    expect(ids).toEqual(["e1"]);
    // A commit that does not go through keeps them waiting.
    expect((await store.commit(ref, { expectVersion: 0, seq: 2, acks: ids })).ok).toBe(false);
    expect(acks.peek("t")).toEqual(["e1"]);
    await store.commit(ref, { expectVersion: 1, seq: 2, outbox: { id: "e2", payload: "r2" }, acks: ids });
    acks.done("t", ids);
    expect(acks.size).toBe(0);
    expect((await store.load(ref)).outbox).toEqual({ e2: "r2" });
    await acks.close();
  });

  it("acks what no commit took, when flushed or closed", async () => {
    const store = new MemoryStore();
    const acks = new PendingAcks(store, silentLogger, 60_000);
    await store.commit(ref, { expectVersion: 0, seq: 1, data: "s", outbox: { id: "e1", payload: "r1" } });
    await store.commit(ref, { expectVersion: 1, seq: 2, outbox: { id: "e2", payload: "r2" } });
    acks.add("t", ref, "e1");
    // Not old enough yet for a timed flush.
    await acks.flush(60_000);
    expect(Object.keys((await store.load(ref)).outbox)).toEqual(["e1", "e2"]);
    acks.add("t", ref, "e2");
    await acks.close();
    expect(acks.size).toBe(0);
    expect((await store.load(ref)).outbox).toEqual({});
  });

  it("keeps at most 32 ids per commit and the rest for the next", () => {
    const acks = new PendingAcks(new MemoryStore(), silentLogger, 60_000);
    for (let i = 0; i < 40; i++) acks.add("t", ref, `e${i}`);
    const first = acks.peek("t");
    expect(first).toHaveLength(32);
    acks.done("t", first);
    expect(acks.peek("t")).toEqual(["e32", "e33", "e34", "e35", "e36", "e37", "e38", "e39"]);
    void acks.close();
  });
});
