// The Slack app under test: the fake Slack, real Redis, a real worker and the real Bolt app, one prefix.

import { type BosunWorker, COMMANDS_QUEUE, type ReplyJob, repliesQueue, startWorker } from "@bosun/queue";
import type { SlackConfig } from "@bosun/slack";
import { createLogger, type RunningSlackApp, startSlackApp, unescapeMrkdwn } from "@bosun/slack";
import { RedisStore } from "@bosun/store";
import { Queue } from "bullmq";
import { FakeSlack, type FakeSlackOptions } from "../fakes/slack.ts";
import {
  blockActionsBody,
  eventBody,
  type Person,
  type SignedPostOptions,
  signedPost,
  slashCommandBody,
  viewSubmissionBody,
} from "../fakes/slack-requests.ts";
import { testContent } from "../support/content.ts";
import { deleteKeys } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "../support/wait.ts";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEAM = "T0FAKE";

/** A person of the fake workspace. */
export function person(user: string, userName: string, channel = "C0GENERAL"): Person {
  return { team: TEAM, user, userName, channel, channelName: "general" };
}

/** The text of a message's blocks (sections and contexts), unescaped. */
export function messageText(body: Record<string, unknown>): string {
  const blocks = (body.blocks as Array<Record<string, unknown>> | undefined) ?? [];
  const parts: string[] = [];
  for (const b of blocks) {
    const t = (b.text as { text?: string } | undefined)?.text;
    if (typeof t === "string") parts.push(t);
    for (const e of (b.elements as Array<{ text?: unknown }> | undefined) ?? [])
      if (typeof e.text === "string") parts.push(e.text);
      else if (typeof (e.text as { text?: string } | undefined)?.text === "string")
        parts.push((e.text as { text: string }).text);
  }
  if (parts.length === 0 && typeof body.text === "string") parts.push(body.text);
  return unescapeMrkdwn(parts.join("\n"));
}

/**
 * A command's output as the person reads it: the code sections after the `$ command` line (and
 * their continuation in later messages), unescaped and joined back. The diff's code is not included.
 */
export function codeText(bodies: Array<Record<string, unknown>>): string {
  const pieces: string[] = [];
  let inOutput = false;
  for (const body of bodies)
    for (const b of (body.blocks as Array<Record<string, unknown>> | undefined) ?? []) {
      const t = b.type === "section" ? (b.text as { text: string }).text : undefined;
      const m = t !== undefined ? /^```\n([\s\S]*)\n```$/.exec(t) : null;
      if (m && (inOutput || pieces.length === 0)) {
        pieces.push(unescapeMrkdwn(m[1] ?? ""));
        inOutput = true;
        continue;
      }
      const ctx = b.type === "context" ? (b.elements as Array<{ text: string }>)[0]?.text : undefined;
      inOutput = ctx?.startsWith("`$ ") === true;
    }
  return pieces.join("\n");
}

/** The action ids of a message's buttons. */
export function buttons(body: Record<string, unknown>): Array<{ id: string; value: string; label: string }> {
  const out: Array<{ id: string; value: string; label: string }> = [];
  for (const b of (body.blocks as Array<Record<string, unknown>> | undefined) ?? [])
    if (b.type === "actions")
      for (const e of b.elements as Array<{ action_id: string; value: string; text: { text: string } }>)
        out.push({ id: e.action_id, value: e.value, label: e.text.text });
  return out;
}

/** BullMQ connection options for a redis:// URL (the queue opens and closes its own connection). */
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

export class SlackHarness {
  readonly prefix = uniquePrefix("slack");
  readonly store: RedisStore;
  /** The commands queue, on the harness's prefix (for counts and for promoting delayed jobs). */
  readonly commands: Queue;
  private worker: BosunWorker | undefined;
  app!: RunningSlackApp;
  url = "";
  private constructor(
    readonly redisUrl: string,
    readonly fake: FakeSlack,
  ) {
    this.store = new RedisStore({ redisUrl, prefix: this.prefix });
    this.commands = new Queue(COMMANDS_QUEUE, { connection: connectionOf(redisUrl), prefix: this.prefix });
  }

  /** Starts the fake, a worker (unless `worker: false`) and the app. */
  static async start(
    redisUrl: string,
    opts: FakeSlackOptions & { worker?: boolean } = {},
  ): Promise<SlackHarness> {
    const fake = await FakeSlack.start({ team: TEAM, ...opts });
    const h = new SlackHarness(redisUrl, fake);
    try {
      if (opts.worker !== false)
        h.worker = await startWorker({
          redisUrl,
          prefix: h.prefix,
          store: h.store,
          content: testContent(),
          rate: false,
          concurrency: 4,
        });
      const config: SlackConfig = {
        botToken: "xoxb-000-test-token",
        signingSecret: SECRET,
        slackApiUrl: fake.apiUrl,
        apiRetries: 0,
        listen: { host: "127.0.0.1", port: 0 },
        redisUrl,
        queuePrefix: h.prefix,
        storePrefix: h.prefix,
        health: { host: "127.0.0.1", port: 0 },
        logLevel: "silent",
        shutdownTimeoutMs: 5000,
      };
      h.app = await startSlackApp(config, {
        logger: createLogger({ level: process.env.SLACK_TEST_LOG ?? "silent" }),
      });
      h.url = `http://127.0.0.1:${h.app.port}/slack/events`;
    } catch (err) {
      await h.close();
      throw err;
    }
    return h;
  }

  /** Sends a slash command; resolves with the HTTP answer and the response_url's id. */
  async command(who: Person, command: string, text: string, opts: SignedPostOptions = {}) {
    const id = `${command.slice(1)}-${Math.random().toString(36).slice(2, 10)}`;
    const body = slashCommandBody(who, command, text, this.fake.responseUrl(id));
    const res = await signedPost(this.url, SECRET, body, "application/x-www-form-urlencoded", opts);
    return { ...res, responseId: id };
  }

  /** Presses a button. */
  async click(
    who: Person,
    action: { action_id: string; value: string },
    container: "message" | "view" = "message",
  ) {
    const id = `act-${Math.random().toString(36).slice(2, 10)}`;
    const body = blockActionsBody(
      who,
      action,
      container === "message" ? this.fake.responseUrl(id) : undefined,
      container,
    );
    const res = await signedPost(this.url, SECRET, body, "application/x-www-form-urlencoded");
    return { ...res, responseId: id };
  }

  /** Submits a modal. */
  submit(who: Person, view: Parameters<typeof viewSubmissionBody>[1]) {
    return signedPost(this.url, SECRET, viewSubmissionBody(who, view), "application/x-www-form-urlencoded");
  }

  /** Delivers an Events API callback. */
  event(event: Record<string, unknown>) {
    return signedPost(this.url, SECRET, eventBody(TEAM, event), "application/json");
  }

  /** The posts to response_url `id`, once at least `n` arrived. */
  responsesTo(id: string, n = 1, what = `a reply on response_url ${id}`) {
    return this.fake.waitFor(() => {
      const got = this.fake.responses.filter((r) => r.id === id).map((r) => r.body);
      return got.length >= n ? got : undefined;
    }, what);
  }

  /** The ReplyJob the worker sent for a request whose response_url ends in `responseId` (kept once done). */
  async replyJobFor(responseId: string): Promise<ReplyJob> {
    const replies = new Queue(repliesQueue("slack"), {
      connection: connectionOf(this.redisUrl),
      prefix: this.prefix,
    });
    try {
      return await until(`the reply job for ${responseId}`, async () => {
        const jobs = await replies.getJobs(["completed", "active", "waiting", "failed"]);
        const job = jobs.find((j) =>
          String((j.data as ReplyJob).target?.responseUrl ?? "").endsWith(`/${responseId}`),
        );
        return job?.data as ReplyJob | undefined;
      });
    } finally {
      await replies.close();
    }
  }

  /** Jobs ever added to the commands queue (waiting, active, done, failed, delayed). */
  async commandCount(): Promise<number> {
    const counts = await this.commands.getJobCounts(
      "waiting",
      "active",
      "completed",
      "failed",
      "delayed",
      "prioritized",
      "paused",
    );
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.worker?.close();
    const replies = new Queue(repliesQueue("slack"), {
      connection: connectionOf(this.redisUrl),
      prefix: this.prefix,
    });
    for (const q of [this.commands, replies]) {
      await q.obliterate({ force: true }).catch(() => {});
      await q.close();
    }
    await deleteKeys(this.redisUrl, `${this.prefix}:*`);
    await this.store.close();
    await this.fake.close();
  }
}
