// The bot as a process: `src/main.ts` reads the environment, serves /readyz, and stops cleanly on SIGTERM.

import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { REPO_ROOT } from "../support/paths.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "./harness.ts";

let fake: FakeDiscord;
let child: ChildProcess | undefined;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

function start(env: Record<string, string>): {
  proc: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const proc = spawn(process.execPath, ["--import", "tsx", "apps/discord/src/main.ts"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));
  return { proc, output: () => out, exit };
}

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
  child = bot.proc;
  await until(
    "/readyz to answer 200",
    async () =>
      (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200
        ? true
        : undefined,
    30_000,
  );
  bot.proc.kill("SIGTERM");
  expect(await bot.exit).toBe(0);
  expect(bot.output()).toContain("shutting down");
  expect(bot.output()).not.toContain("process-token-secret");
  // Remove what the bot's queues left under this test's prefixes.
  const redis = new Redis(inject("redisUrl"));
  for (const pattern of [`${prefix}-q:*`, `${prefix}-s:*`]) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  }
  await redis.quit();
}, 60_000);

it("refuses to start with a bad environment, naming every problem", async () => {
  const bot = start({ DISCORD_APPLICATION_ID: "not-a-number" });
  child = bot.proc;
  expect(await bot.exit).toBe(2);
  expect(bot.output()).toContain("DISCORD_TOKEN is required");
  expect(bot.output()).toContain("REDIS_URL is required");
}, 60_000);
