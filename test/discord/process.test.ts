// The bot as a process: `src/main.ts` reads the environment, serves /readyz, and stops cleanly on SIGTERM.

import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { type AppProcess, freePort, killApps, spawnApp } from "../support/app-process.ts";
import { deleteKeys } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "../support/wait.ts";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  killApps();
  await fake?.close();
});

const start = (env: Record<string, string>): AppProcess => spawnApp("apps/discord/src/main.ts", env);

it("starts from the environment, is ready, and exits 0 on SIGTERM without logging the token", async () => {
  const port = await freePort();
  const prefix = uniquePrefix("dcp");
  const bot = start({
    DISCORD_TOKEN: "process-token-secret",
    DISCORD_APPLICATION_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: `${prefix}-q`,
    STORE_PREFIX: `${prefix}-s`,
    HEALTH_PORT: String(port),
    HEALTH_HOST: "127.0.0.1",
    LOG_LEVEL: "info",
  });
  await until(
    "/readyz to answer 200",
    async () =>
      (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200
        ? true
        : undefined,
    30_000,
  );
  bot.child.kill("SIGTERM");
  expect((await bot.exit).code).toBe(0);
  expect(bot.output()).toContain("shutting down");
  expect(bot.output()).not.toContain("process-token-secret");
  // Remove what the bot's queues left under this test's prefixes.
  for (const pattern of [`${prefix}-q:*`, `${prefix}-s:*`]) await deleteKeys(inject("redisUrl"), pattern);
}, 60_000);

it("refuses to start with a bad environment, naming every problem", async () => {
  const bot = start({ DISCORD_APPLICATION_ID: "not-a-number" });
  expect((await bot.exit).code).toBe(2);
  expect(bot.output()).toContain("DISCORD_TOKEN is required");
  expect(bot.output()).toContain("REDIS_URL is required");
}, 60_000);
