// The engine's cache of open sessions: one job at a time, only for the exact version and event number.

import { loadContentOrThrow, newSession, openSession, readContentDir } from "@bosun/tutor";
import { describe, expect, it } from "vitest";
import { type CachedSession, SessionCache } from "./session-cache.ts";

const entry = (version: number): CachedSession => ({
  version,
  applied: version,
  live: openSession(newSession({ seed: 1, now: 0 })),
  size: { objects: 0, replicas: 0 },
  bytes: 100,
  log: { entries: 0, bytes: 0, pack: false },
});

describe("SessionCache", () => {
  it("hands an entry out once: a second job of the same session misses until it is put back", () => {
    const cache = new SessionCache();
    const e = entry(3);
    cache.set("s", e);
    expect(cache.take("s", 3, 3)).toBe(e);
    expect(cache.take("s", 3, 3)).toBeUndefined();
  });

  it("misses, and forgets the entry, when the record's version or event number differs", () => {
    const cache = new SessionCache();
    cache.set("s", entry(3));
    expect(cache.take("s", 4, 3)).toBeUndefined();
    cache.set("s", entry(3));
    expect(cache.take("s", 3, 2)).toBeUndefined();
    expect(cache.take("s", 3, 3)).toBeUndefined();
  });

  it("moves an entry to the version of a commit that kept the text, and drops a stale one", () => {
    const cache = new SessionCache();
    const e = entry(3);
    cache.set("s", e);
    cache.rekey("s", 3, { version: 4, applied: 4 });
    expect(cache.take("s", 4, 4)).toBe(e);
    cache.set("s", entry(5));
    cache.rekey("s", 4, { version: 5, applied: 5 });
    expect(cache.take("s", 5, 5)).toBeUndefined();
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const cache = new SessionCache(2);
    cache.set("a", entry(1));
    cache.set("b", entry(1));
    cache.set("c", entry(1));
    expect(cache.take("a", 1, 1)).toBeUndefined();
    expect(cache.take("b", 1, 1)).toBeDefined();
    expect(cache.take("c", 1, 1)).toBeDefined();
  });

  it("holds sessions that really are open: an event applies to a taken entry", () => {
    const cache = new SessionCache();
    cache.set("s", entry(1));
    const e = cache.take("s", 1, 1);
    const content = loadContentOrThrow(readContentDir());
    const reply = e?.live.apply(
      { type: "text", text: "kubectl get nodes" },
      { now: 5000, actor: { id: "a", name: "a" }, content },
    );
    expect(reply?.blocks[0]).toMatchObject({ kind: "code", exitCode: 0 });
  });
});
