import { Redis } from "ioredis";
import { expect, inject, test } from "vitest";

test("the test Redis answers and is not shared state between prefixes", async () => {
  const r = new Redis(inject("redisUrl"), { lazyConnect: true });
  await r.connect();
  expect(await r.ping()).toBe("PONG");
  await r.quit();
});
