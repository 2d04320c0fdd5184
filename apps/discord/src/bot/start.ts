// Starts the bot: discord.js client, producer, reply consumer and health server; closes them in order.

import { consumeReplies, Producer, type ReplyConsumer, repliesQueue } from "@bosun/queue";
import { within } from "@bosun/runtime";
import { RedisStore, type SessionStore } from "@bosun/store";
import { loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { BotConfig } from "../config.ts";
import { createLogger, errorFields, type Logger } from "../logger.ts";
import type { BotContext, LessonList } from "./context.ts";
import { ReplyDelivery } from "./deliver.ts";
import { type HealthServer, startHealthServer } from "./health.ts";
import { onInteraction } from "./interactions.ts";
import { onMessage } from "./messages.ts";
import { RoundPosts } from "./rounds.ts";
import { StudyGroups } from "./study-groups.ts";

/** Options of `startDiscordBot` beyond the configuration. */
export interface BotOptions {
  logger?: Logger;
  /** Lessons for `/lesson` autocomplete (default: read from the course content on first use). */
  lessons?: LessonList;
  /** Pause between frames of a progressive reply (default 700 ms; tests use 0). */
  frameIntervalMs?: number;
  /** How long to wait for the gateway's READY (default 60 s). */
  readyTimeoutMs?: number;
}

/** A running bot. */
export interface DiscordBot {
  client: Client<true>;
  producer: Producer;
  store: SessionStore;
  replies: ReplyConsumer;
  /** The health server's port, when one runs. */
  healthPort: number | undefined;
  /** Whether the gateway is ready and Redis answers. */
  checks(): Promise<Record<string, boolean>>;
  /** Stops taking events, finishes replies being delivered, and closes every connection. */
  close(): Promise<void>;
}

function loadLessons(): LessonList {
  return loadContentOrThrow(readContentDir()).lessons.map((l) => ({ number: l.number, title: l.title }));
}

function waitReady(client: Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the Discord gateway did not become ready in time")),
      timeoutMs,
    );
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the bot: logs in through the gateway (Guilds, GuildMessages and MessageContent intents),
 * maps interactions and study-thread messages to jobs on `commands`, and delivers the replies of
 * `replies-discord`. Resolves once the gateway is ready.
 */
export async function startDiscordBot(config: BotConfig, opts: BotOptions = {}): Promise<DiscordBot> {
  const logger = opts.logger ?? createLogger("info");
  const store = new RedisStore({ redisUrl: config.redisUrl, prefix: config.storePrefix });
  const producer = new Producer({ redisUrl: config.redisUrl, prefix: config.queuePrefix, store, logger });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: {
      api: config.apiUrl,
      ...(config.restRetries !== undefined ? { retries: config.restRetries } : {}),
      ...(config.restTimeoutMs !== undefined ? { timeout: config.restTimeoutMs } : {}),
    },
    allowedMentions: { parse: [] },
  });
  let lessons = opts.lessons;
  const ctx: BotContext = {
    client,
    producer,
    groups: new StudyGroups(store),
    rounds: new RoundPosts(store),
    logger,
    applicationId: config.applicationId,
    lessons: () => {
      lessons ??= loadLessons();
      return lessons;
    },
  };
  let accepting = true;
  client.on(Events.InteractionCreate, (i) => {
    if (accepting) void onInteraction(ctx, i);
  });
  client.on(Events.MessageCreate, (m) => {
    if (!accepting) return;
    onMessage(ctx, m).catch((err: unknown) =>
      logger.error({ ...errorFields(err) }, "message handling failed"),
    );
  });
  client.on(Events.Error, (err) => logger.error({ ...errorFields(err) }, "discord client error"));
  client.on(Events.ShardDisconnect, (ev, shard) =>
    logger.warn({ shard, code: ev.code }, "gateway disconnected"),
  );

  const cleanup: (() => Promise<unknown>)[] = [() => producer.close(), () => store.close()];
  const closeAll = async () => {
    for (const c of cleanup.splice(0).reverse())
      await c().catch((err: unknown) => logger.warn({ ...errorFields(err) }, "error while closing"));
  };
  try {
    const ready = waitReady(client, opts.readyTimeoutMs ?? 60_000);
    await client.login(config.token);
    await ready;
    cleanup.push(() => client.destroy());
  } catch (err) {
    await client.destroy().catch(() => undefined);
    await closeAll();
    throw err;
  }

  const delivery = new ReplyDelivery(client.rest, logger, {
    ...(opts.frameIntervalMs !== undefined ? { frameIntervalMs: opts.frameIntervalMs } : {}),
    onRoundPosted: (p) =>
      ctx.rounds.remember(p.guildId, p.channelId, { messageId: p.messageId, round: p.round }),
  });
  const replies = consumeReplies({
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    queue: repliesQueue("discord"),
    handle: (reply, meta) => delivery.deliver(reply, meta.jobId),
    logger,
  });
  cleanup.push(() => replies.close());

  const checks = async (): Promise<Record<string, boolean>> => {
    const redis = await within(
      producer.queue.client.then((c) => (c as unknown as { ping(): Promise<string> }).ping()),
      1000,
    ).then(
      (p) => p === "PONG",
      () => false,
    );
    return { gateway: client.isReady(), redis };
  };
  let health: HealthServer | undefined;
  if (config.healthPort !== false) {
    health = await startHealthServer(config.healthHost, config.healthPort, checks);
    const h = health;
    cleanup.push(() => h.close());
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord bot ready");

  let closing: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    producer,
    store,
    replies,
    healthPort: health?.port,
    checks,
    close: () => {
      accepting = false;
      closing ??= closeAll();
      return closing;
    },
  };
}
