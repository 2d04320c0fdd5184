// The app as a process: `src/main.ts` reads the environment, serves, logs no secret, and stops on SIGTERM.

import { COMMANDS_QUEUE, repliesQueue } from "@bosun/queue";
import { Queue } from "bullmq";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { FakeSlack } from "../fakes/slack.ts";
import { signedPost, slashCommandBody } from "../fakes/slack-requests.ts";
import { type AppProcess, freePort, killApps, spawnApp } from "../support/app-process.ts";
import { deleteKeys } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "../support/wait.ts";
import { person } from "./slack-harness.ts";

const BOT_TOKEN = "xoxb-111-process-bot-token-secret";
const SIGNING_SECRET = "process-signing-secret-0123456789";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  killApps();
  await fake?.close();
});

/** BullMQ connection options for a redis:// URL. */
function connectionOf(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    maxRetriesPerRequest: null,
  };
}

const start = (env: Record<string, string>): AppProcess => spawnApp("apps/slack/src/main.ts", env);

it("starts from the environment, queues a signed command, logs no secret and exits 0 on SIGTERM", async () => {
  const [port, healthPort] = [await freePort(), await freePort()];
  const prefix = uniquePrefix("slp");
  const redisUrl = inject("redisUrl");
  const app = start({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_HOST: "127.0.0.1",
    SLACK_PORT: String(port),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    STORE_PREFIX: prefix,
    HEALTH_HOST: "127.0.0.1",
    HEALTH_PORT: String(healthPort),
    // The most verbose level: Bolt's and the Web API client's own lines must be scrubbed too.
    LOG_LEVEL: "trace",
  });
  const commands = new Queue(COMMANDS_QUEUE, {
    connection: connectionOf(redisUrl),
    prefix,
  });
  try {
    await until(
      "/readyz to answer 200",
      async () =>
        (await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined))?.status === 200
          ? true
          : undefined,
      30_000,
    );
    // The bot token reached the Web API (auth.test at start-up), so the app really used it.
    expect(fake.callsTo("auth.test")[0]?.token).toBe(BOT_TOKEN);
    const responseUrl = fake.responseUrl("proc-1");
    const body = slashCommandBody(person("U0PROC", "pia"), "/kubectl", "get pods", responseUrl);
    const res = await signedPost(
      `http://127.0.0.1:${port}/slack/events`,
      SIGNING_SECRET,
      body,
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    // With processBeforeResponse the job is in the queue by the time Slack gets its acknowledgement.
    const jobs = await commands.getJobs(["waiting", "prioritized", "active", "completed", "failed"]);
    expect(jobs.map((j) => (j.data as { target?: { responseUrl?: string } }).target?.responseUrl)).toEqual([
      responseUrl,
    ]);

    app.child.kill("SIGTERM");
    expect((await app.exit).code).toBe(0);
    const output = app.output();
    expect(output).toContain("shutting down");
    expect(output).toContain("Slack app stopped");
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(SIGNING_SECRET);
    expect(output).not.toContain("/response/proc-1");
  } finally {
    await commands.obliterate({ force: true }).catch(() => {});
    await commands.close();
    const replies = new Queue(repliesQueue("slack"), { connection: connectionOf(redisUrl), prefix });
    await replies.obliterate({ force: true }).catch(() => {});
    await replies.close();
    await deleteKeys(redisUrl, `${prefix}:*`);
  }
}, 60_000);

it("refuses to start with a bad environment, naming every problem without echoing a token", async () => {
  const app = start({ SLACK_BOT_TOKEN: "xoxp-not/a token", SLACK_PORT: "70000" });
  expect((await app.exit).code).toBe(2);
  const output = app.output();
  expect(output).toContain("SLACK_BOT_TOKEN must look like xoxb");
  expect(output).toContain("SLACK_PORT");
  expect(output).toContain("REDIS_URL is required");
  expect(output).not.toContain("not/a token");
}, 60_000);
