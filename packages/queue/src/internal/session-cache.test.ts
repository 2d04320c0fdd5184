// The worker's cache of open sessions: one job at a time, only for the exact stored text and version.

import { loadContentOrThrow, newSession, openSession, readContentDir } from "@bosun/tutor";
import { describe, expect, it } from "vitest";
import { type CachedSession, SessionCache } from "./session-cache.ts";

const entry = (version: number, data = "text-a"): CachedSession => ({
  version,
  applied: version,
  data,
  live: openSession(newSession({ seed: 1, now: 0 })),
  size: { objects: 0, replicas: 0 },
  bytes: data.length,
});

describe("SessionCache", () => {
  it("hands an entry out once: a second job of the same session misses until it is put back", () => {
    const cache = new SessionCache();
    const e = entry(3);
    cache.set("s", e);
    expect(cache.take("s", 3, "text-a")).toBe(e);
    expect(cache.take("s", 3, "text-a")).toBeUndefined();
  });

  it("misses, and forgets the entry, when the record's version or text differs", () => {
    const cache = new SessionCache();
    cache.set("s", entry(3));
    expect(cache.take("s", 4, "text-a")).toBeUndefined();
    cache.set("s", entry(3));
    expect(cache.take("s", 3, "text-b")).toBeUndefined();
    expect(cache.take("s", 3, "text-a")).toBeUndefined();
  });

  it("moves an entry to the version of a commit that kept the text, and drops a stale one", () => {
    const cache = new SessionCache();
    const e = entry(3);
    cache.set("s", e);
    cache.rekey("s", 3, { version: 4, applied: 4 });
    expect(cache.take("s", 4, "text-a")).toBe(e);
    cache.set("s", entry(5));
    cache.rekey("s", 4, { version: 5, applied: 5 });
    expect(cache.take("s", 5, "text-a")).toBeUndefined();
  });

  it("hands out the entry just before an event number, whatever the record turns out to be", () => {
    const cache = new SessionCache();
    const e = entry(3);
    cache.set("s", e);
    expect(cache.takeBefore("s", 5)).toBeUndefined();
    expect(cache.takeBefore("s", 4)).toBe(e);
    expect(cache.takeBefore("s", 4)).toBeUndefined();
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new SessionCache(2);
    cache.set("a", entry(1));
    cache.set("b", entry(1));
    cache.set("c", entry(1));
    expect(cache.take("a", 1, "text-a")).toBeUndefined();
    expect(cache.take("b", 1, "text-a")).toBeDefined();
    expect(cache.take("c", 1, "text-a")).toBeDefined();
  });

  it("holds sessions that really are open: an event applies to a taken entry", () => {
    const cache = new SessionCache();
    cache.set("s", entry(1));
    const e = cache.take("s", 1, "text-a");
    const content = loadContentOrThrow(readContentDir());
    const reply = e?.live.apply(
      { type: "text", text: "kubectl get nodes" },
      { now: 5000, actor: { id: "a", name: "a" }, content },
    );
    expect(reply?.blocks[0]).toMatchObject({ kind: "code", exitCode: 0 });
  });
});
