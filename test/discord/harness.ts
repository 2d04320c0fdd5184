// A Discord bot under test: the fake Discord, a real worker and the real bot, on fresh prefixes of a real Redis.

import { type DiscordBot, type Logger, startDiscordBot } from "@bosun/discord";
import {
  type BosunWorker,
  COMMANDS_QUEUE,
  type ReplyJob,
  repliesQueue,
  replyJobIdOf,
  startWorker,
} from "@bosun/queue";
import { RedisStore } from "@bosun/store";
import { Queue } from "bullmq";
import {
  FakeDiscord,
  type FakeMessage,
  type FakeUser,
  MANAGER_PERMISSIONS,
  snowflake,
} from "../fakes/discord.ts";
import { testContent } from "../support/content.ts";
import { deleteKeys, obliterateQueues } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "../support/wait.ts";

/** A log line the bot wrote. */
export interface LogLine {
  level: string;
  obj: object;
  msg?: string;
}

/** A logger that keeps what it is told (to check that no secret and no error slips out). */
export function recordingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** The newest version of a fake message's body. */
export function latest(m: FakeMessage | undefined): Record<string, unknown> {
  return m?.versions[m.versions.length - 1] ?? {};
}

/** The text of a message: content, embed titles and descriptions. */
export function textOf(m: FakeMessage | undefined): string {
  const body = latest(m);
  const embeds = (body.embeds as { title?: string; description?: string }[] | undefined) ?? [];
  return [String(body.content ?? ""), ...embeds.flatMap((e) => [e.title ?? "", e.description ?? ""])].join(
    "\n",
  );
}

/** Custom ids of a message's buttons. */
export function buttonsOf(m: FakeMessage | undefined): string[] {
  const rows = (latest(m).components as { components: { custom_id: string }[] }[] | undefined) ?? [];
  return rows.flatMap((r) => r.components.map((b) => b.custom_id));
}

/** The bodies of the code blocks of some messages, in order. */
export function codeBodies(messages: FakeMessage[]): string[] {
  return messages.flatMap((m) =>
    [...String(latest(m).content ?? "").matchAll(/```[a-z]*\n([\s\S]*?)\n```/g)].map((x) => x[1] ?? ""),
  );
}

export class DiscordHarness {
  readonly prefix = uniquePrefix("dc");
  readonly logs: LogLine[] = [];
  readonly ada: FakeUser = { id: snowflake(), name: "Ada" };
  readonly bob: FakeUser = { id: snowflake(), name: "Bob" };
  readonly admin: FakeUser = { id: snowflake(), name: "Grace", permissions: MANAGER_PERMISSIONS };
  fake!: FakeDiscord;
  store!: RedisStore;
  worker!: BosunWorker;
  bot!: DiscordBot;
  private replyQueue?: Queue;

  constructor(readonly redisUrl: string) {}

  get queuePrefix(): string {
    return `${this.prefix}-q`;
  }

  get storePrefix(): string {
    return `${this.prefix}-s`;
  }

  /** Starts the fake Discord, a worker and the bot; resolves when the bot's gateway is ready. */
  async start(): Promise<this> {
    this.fake = await FakeDiscord.start();
    this.store = new RedisStore({ redisUrl: this.redisUrl, prefix: this.storePrefix });
    this.worker = await startWorker({
      redisUrl: this.redisUrl,
      prefix: this.queuePrefix,
      store: this.store,
      content: testContent(),
      rate: false,
      concurrency: 4,
    });
    this.bot = await startDiscordBot(
      {
        token: "fake-bot-token-do-not-log",
        applicationId: this.fake.appId,
        apiUrl: this.fake.apiUrl,
        redisUrl: this.redisUrl,
        queuePrefix: this.queuePrefix,
        storePrefix: this.storePrefix,
        healthPort: 0,
        healthHost: "127.0.0.1",
        restRetries: 0,
        restTimeoutMs: 5_000,
      },
      {
        logger: recordingLogger(this.logs),
        frameIntervalMs: 0,
        lessons: testContent().lessons.map((l) => ({ number: l.number, title: l.title })),
        readyTimeoutMs: 15_000,
      },
    );
    return this;
  }

  /** A slash command from `user`, and the interaction's messages once `count` of them exist and are edited. */
  async slash(
    name: string,
    options: Record<string, unknown>[],
    user: FakeUser,
    channelId?: string,
  ): Promise<{ id: string; token: string }> {
    return this.fake.slash(name, options, { user, ...(channelId ? { channelId } : {}) });
  }

  /** Waits until the interaction's deferred reply was edited with something matching `pattern`. */
  async answered(token: string, pattern: RegExp | string = /./): Promise<FakeMessage[]> {
    return this.fake.waitFor(() => {
      const msgs = this.fake.repliesTo(token);
      const edited = msgs[0] && msgs[0].versions.length > 1;
      const text = msgs.map(textOf).join("\n");
      return edited && (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text))
        ? msgs
        : undefined;
    }, `a reply matching ${pattern}`);
  }

  /** The reply job the worker sent for an event (completed reply jobs are kept a day). */
  async replyJob(eventId: string): Promise<ReplyJob> {
    this.replyQueue ??= new Queue(repliesQueue("discord"), {
      connection: { url: this.redisUrl },
      prefix: this.queuePrefix,
    });
    const q = this.replyQueue;
    return until(
      "the reply job",
      async () => (await q.getJob(replyJobIdOf(eventId)))?.data as ReplyJob | undefined,
    );
  }

  /** Stops everything and removes this test's keys (queues obliterated, store keys by prefix). */
  async close(): Promise<void> {
    await this.bot?.close();
    await this.worker?.close();
    await obliterateQueues(this.redisUrl, this.queuePrefix, [COMMANDS_QUEUE, repliesQueue("discord")]);
    await this.replyQueue?.close();
    await this.store?.close();
    await deleteKeys(this.redisUrl, `${this.storePrefix}:*`);
    await this.fake?.close();
  }
}
