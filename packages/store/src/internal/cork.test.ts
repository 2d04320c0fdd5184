// corkWrites: commands of one tick leave in one socket write, in order, with their own replies.

import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { corkWrites } from "./cork.ts";

/** Counts the socket writes of `redis` (wrapping its current stream). */
function countWrites(redis: Redis): () => number {
  const socket = redis.stream;
  let writes = 0;
  const write = socket._writeGeneric.bind(socket);
  socket._writeGeneric = (writev, data, encoding, cb) => {
    writes++;
    write(writev, data, encoding, cb);
  };
  return () => writes;
}

declare module "node:net" {
  interface Socket {
    /** Node's internal single write path (writev or not): each call is one system call. */
    _writeGeneric(writev: boolean, data: unknown, encoding: string, cb: (err?: Error) => void): void;
  }
}

describe("corkWrites", () => {
  const key = `cork-test:${process.pid}:${Date.now()}`;
  let plain: Redis;
  let corked: Redis;
  beforeAll(async () => {
    plain = new Redis(inject("redisUrl"));
    corked = corkWrites(new Redis(inject("redisUrl")));
    await Promise.all([plain.ping(), corked.ping()]);
  });
  afterAll(async () => {
    await corked?.del(key);
    plain?.disconnect();
    corked?.disconnect();
  });

  it("sends the commands of one tick in one write, in order, each with its reply", async () => {
    const writes = countWrites(corked);
    const replies = await Promise.all(Array.from({ length: 20 }, () => corked.incr(key)));
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(writes()).toBe(1);
  });

  it("leaves a connection without it writing once per command", async () => {
    const writes = countWrites(plain);
    await Promise.all(Array.from({ length: 20 }, () => plain.incr(key)));
    expect(writes()).toBe(20);
  });

  it("writes again in the next tick, and commands issued after an await go out too", async () => {
    const writes = countWrites(corked);
    await corked.set(key, "1");
    await Promise.all([corked.incr(key), corked.incr(key)]);
    expect(await corked.get(key)).toBe("3");
    expect(writes()).toBe(3);
  });
});
