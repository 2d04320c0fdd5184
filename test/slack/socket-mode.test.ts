// Socket Mode: with SLACK_APP_TOKEN the app connects out over a WebSocket; a slash command still gets its reply.

import { type BosunWorker, COMMANDS_QUEUE, repliesQueue, startWorker } from "@bosun/queue";
import { createLogger, type RunningSlackApp, type SlackConfig, startSlackApp } from "@bosun/slack";
import { RedisStore } from "@bosun/store";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FakeSlack } from "../fakes/slack.ts";
import { testContent } from "../support/content.ts";
import { deleteKeys } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { codeText, TEAM } from "./slack-harness.ts";

const prefix = uniquePrefix("slack-socket");
let fake: FakeSlack;
let store: RedisStore;
let worker: BosunWorker;
let app: RunningSlackApp;

beforeAll(async () => {
  const redisUrl = inject("redisUrl");
  fake = await FakeSlack.start({ team: TEAM });
  store = new RedisStore({ redisUrl, prefix });
  worker = await startWorker({
    redisUrl,
    prefix,
    store,
    content: testContent(),
    rate: false,
  });
  const config: SlackConfig = {
    botToken: "xoxb-000-test-token",
    appToken: "xapp-1-A0FAKE-test",
    slackApiUrl: fake.apiUrl,
    apiRetries: 0,
    listen: { host: "127.0.0.1", port: 0 },
    redisUrl,
    queuePrefix: prefix,
    storePrefix: prefix,
    health: false,
    logLevel: "silent",
    shutdownTimeoutMs: 5000,
  };
  app = await startSlackApp(config, { logger: createLogger({ level: "silent" }) });
});

afterAll(async () => {
  await app?.close();
  await worker?.close();
  for (const name of [COMMANDS_QUEUE, repliesQueue("slack")]) {
    const u = new URL(inject("redisUrl"));
    const q = new Queue(name, { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix });
    await q.obliterate({ force: true }).catch(() => {});
    await q.close();
  }
  await deleteKeys(inject("redisUrl"), `${prefix}:*`);
  await store?.close();
  await fake?.close();
});

describe("Socket Mode", () => {
  it("connects with the app token and answers a slash command sent over the socket", async () => {
    expect(app.port).toBeUndefined();
    await fake.waitFor(() => fake.socketCount > 0, "the app's Socket Mode connection");
    const opened = fake.callsTo("apps.connections.open")[0];
    expect(opened?.token).toBe("xapp-1-A0FAKE-test");
    const ack = await fake.sendEnvelope("slash_commands", {
      token: "legacy",
      team_id: TEAM,
      team_domain: "fake",
      channel_id: "C0SOCK",
      channel_name: "general",
      user_id: "U0SOCK",
      user_name: "sam",
      command: "/kubectl",
      text: "get nodes",
      api_app_id: "A0FAKE",
      is_enterprise_install: "false",
      response_url: fake.responseUrl("sock-1"),
      trigger_id: "trg.socket-1",
    });
    expect(ack).toBeDefined();
    const reply = await fake.waitFor(
      () => fake.responses.find((r) => r.id === "sock-1"),
      "the reply on response_url",
    );
    expect(codeText([reply.body])).toMatch(/^NAME\s+STATUS\s+ROLES/);
  });
});
