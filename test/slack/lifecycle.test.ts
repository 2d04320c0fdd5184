// Health and readiness endpoints, clean start-up failures and an idempotent close.

import { createLogger, type SlackConfig, startSlackApp } from "@bosun/slack";
import { describe, expect, inject, it } from "vitest";
import { uniquePrefix } from "../support/redis-server.ts";
import { SECRET, SlackHarness } from "./slack-harness.ts";

describe("lifecycle", () => {
  it("answers /healthz and /readyz on the health port, and closes twice without harm", async () => {
    const h = await SlackHarness.start(inject("redisUrl"), { worker: false });
    try {
      const base = `http://127.0.0.1:${h.app.healthPort}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await h.close();
    }
    await h.app.close();
  });

  it("fails to start with a clear error when Slack cannot be reached, leaving nothing open", async () => {
    const prefix = uniquePrefix("slack-down");
    const config: SlackConfig = {
      botToken: "xoxb-000-test-token",
      signingSecret: SECRET,
      slackApiUrl: "http://127.0.0.1:1/api/",
      apiRetries: 0,
      listen: { host: "127.0.0.1", port: 0 },
      redisUrl: inject("redisUrl"),
      queuePrefix: prefix,
      storePrefix: prefix,
      health: false,
      logLevel: "silent",
      shutdownTimeoutMs: 1000,
    };
    await expect(startSlackApp(config, { logger: createLogger({ level: "silent" }) })).rejects.toThrow();
  });
});
