// `--redis`: the terminal's link to the real pipeline — producer, a private reply queue, and a worker if none runs.

import { randomBytes } from "node:crypto";
import {
  type BosunWorker,
  consumeReplies,
  DEFAULT_QUEUE_PREFIX,
  type Logger,
  Producer,
  type ReplyConsumer,
  type ReplyJob,
  startWorker,
} from "@bosun/queue";
import { DefaultStoreOptions, RedisStore, type SessionRef, type SessionStore } from "@bosun/store";
import type { Content, TutorEvent } from "@bosun/tutor";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { PREFIX } from "./args.ts";
import { CliError, reasonOf, safeUrl } from "./errors.ts";

/** Options of `openPipeline`. */
export interface PipelineOptions {
  redisUrl: string;
  /** BullMQ key prefix; must be the running worker's (default `DEFAULT_QUEUE_PREFIX`). */
  queuePrefix?: string;
  /** Session key prefix; must be the running worker's (default the store's). */
  storePrefix?: string;
  /** Lessons and quiz bank, for a worker started in this process (loaded only if one is). */
  content: Content | (() => Content);
  /** How long to wait for the reply to one event before giving up. */
  replyTimeoutMs?: number;
  /** Receives the one-line note saying which worker runs the commands (the CLI prints it on stderr). */
  note?(line: string): void;
  /** Logs of the in-process worker and the reply consumer. */
  logger?: Logger;
}

export const DefaultPipelineOptions = {
  queuePrefix: DEFAULT_QUEUE_PREFIX,
  storePrefix: DefaultStoreOptions.prefix,
  replyTimeoutMs: 30_000,
} as const;

/** What one event needs besides its text: whose session, who typed it, when, and the sandbox to create. */
export interface SendInput {
  session: SessionRef;
  actor: { id: string; name: string };
  event: TutorEvent;
  /** When the person typed it (epoch ms): the sandbox's clock follows these times. */
  sentAt: number;
  /** Seed and profile of the sandbox, used when this event is the session's first. */
  init?: { seed: number; profile?: "fast" | "realistic" | "chaos" };
}

/** An open link to the pipeline. Send one event at a time; close it to release every connection. */
export interface Pipeline {
  readonly store: SessionStore;
  /** `running`: a worker was already consuming the commands queue; `in-process`: this process runs one. */
  readonly worker: "running" | "in-process";
  /** The private queue this terminal's replies come back on. */
  readonly replyQueue: string;
  /** Enqueues an event and resolves with its reply; CliError("no-reply") after the deadline. */
  send(input: SendInput): Promise<ReplyJob>;
  /** Stops the reply consumer and any in-process worker, deletes the reply queue, closes connections. */
  close(): Promise<void>;
}

const quiet: Logger = { info() {}, warn() {}, error() {} };

/** A prefix from a flag, else the environment, else the default; refused if the worker would refuse it. */
export function resolvePrefix(flag: string | undefined, envName: string, fallback: string): string {
  const raw = flag ?? process.env[envName];
  const v = raw === undefined || raw.trim() === "" ? fallback : raw.trim();
  if (!PREFIX.test(v))
    throw new CliError(
      "invalid-config",
      `${envName} must be 1 to 64 characters: letters, digits and _ - . : { } (got ${JSON.stringify(v)})`,
    );
  return v;
}

/**
 * Connects once, without retrying, so an unreachable Redis is one clear error at once. The same
 * client then serves as the admin connection (it reconnects from then on).
 */
async function connectAdmin(url: string): Promise<Redis> {
  let ready = false;
  let lastError: unknown;
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    // ioredis waits this long for a socket that failed to connect to close (it never does): the
    // default 2 s would keep an unreachable-Redis error from exiting at once.
    disconnectTimeout: 100,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => (ready ? Math.min(50 * 2 ** Math.min(times, 6), 2000) : null),
  });
  client.on("error", (err) => {
    lastError = err;
  });
  try {
    await client.connect();
    await client.ping();
    ready = true;
    return client;
  } catch (err) {
    client.disconnect();
    throw new CliError(
      "redis-unreachable",
      `cannot reach Redis at ${safeUrl(url)}: ${reasonOf(lastError ?? err)}`,
      { cause: err },
    );
  }
}

/**
 * Opens the pipeline on `redisUrl`: a store, a producer on the commands queue, a consumer of a
 * private reply queue `replies-cli-<hex>`, and — when `queue.getWorkers()` lists no worker on the
 * commands queue — a worker in this process (no per-learner rate limit: the terminal is its only user).
 */
export async function openPipeline(opts: PipelineOptions): Promise<Pipeline> {
  const queuePrefix = opts.queuePrefix ?? DefaultPipelineOptions.queuePrefix;
  const storePrefix = opts.storePrefix ?? DefaultPipelineOptions.storePrefix;
  const timeoutMs = opts.replyTimeoutMs ?? DefaultPipelineOptions.replyTimeoutMs;
  const logger = opts.logger ?? quiet;
  const where = `${safeUrl(opts.redisUrl)} (queue prefix "${queuePrefix}")`;
  const admin = await connectAdmin(opts.redisUrl);

  const run = randomBytes(6).toString("hex");
  const replyQueue = `replies-cli-${run}`;
  const pending = new Map<string, { resolve(r: ReplyJob): void; timer: NodeJS.Timeout }>();
  const store = new RedisStore({ redisUrl: opts.redisUrl, prefix: storePrefix });
  const producer = new Producer({ redisUrl: opts.redisUrl, prefix: queuePrefix, store, logger });
  let consumer: ReplyConsumer | undefined;
  let worker: BosunWorker | undefined;
  let closed: Promise<void> | undefined;

  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      // Each step runs even if one before failed: the process must end with nothing left open.
      const steps: Array<() => Promise<unknown>> = [
        async () => consumer?.close(),
        async () => worker?.close(),
        async () => {
          const q = new Queue(replyQueue, { connection: admin, prefix: queuePrefix });
          try {
            await q.obliterate({ force: true });
          } finally {
            await q.close();
          }
        },
        () => producer.close(),
        () => store.close(),
        () => admin.quit(),
      ];
      for (const step of steps) await step().catch(() => undefined);
      admin.disconnect();
    })();
    return closed;
  };

  try {
    consumer = consumeReplies({
      redisUrl: opts.redisUrl,
      prefix: queuePrefix,
      queue: replyQueue,
      concurrency: 1,
      logger,
      async handle(reply) {
        // A repeated delivery, or a reply to an event given up on: nobody waits for it.
        const p = pending.get(reply.eventId);
        if (!p) return;
        pending.delete(reply.eventId);
        clearTimeout(p.timer);
        p.resolve(reply);
      },
    });
    const running = await producer.queue.getWorkers();
    if (running.length === 0) {
      worker = await startWorker({
        redisUrl: opts.redisUrl,
        prefix: queuePrefix,
        store,
        content: typeof opts.content === "function" ? opts.content() : opts.content,
        rate: false,
        // One terminal, one learner: the engine on this thread starts at once and needs no
        // extra memory; threads pay off for a worker serving many sessions.
        engineThreads: 0,
        turnThread: false,
        logger,
      });
      opts.note?.(`bosun: no worker is running on ${where}; running one in this process`);
    } else opts.note?.(`bosun: using the worker${running.length > 1 ? "s" : ""} already running on ${where}`);
  } catch (err) {
    await close();
    throw new CliError("redis-failed", `Redis at ${safeUrl(opts.redisUrl)} failed: ${reasonOf(err)}`, {
      cause: err,
    });
  }

  let count = 0;
  return {
    store,
    worker: worker ? "in-process" : "running",
    replyQueue,
    async send(input) {
      if (closed) throw new CliError("redis-failed", "the pipeline is closed");
      const eventId = `cli-${run}-${++count}`;
      const reply = new Promise<ReplyJob>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(eventId);
          reject(
            new CliError(
              "no-reply",
              `no worker answered within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`} on ${where}; ` +
                `is the worker running, with store prefix "${storePrefix}"?`,
            ),
          );
        }, timeoutMs);
        pending.set(eventId, { resolve, timer });
      });
      try {
        await producer.send({
          kind: "event",
          v: 1,
          eventId,
          platform: "cli",
          actor: input.actor,
          sentAt: input.sentAt,
          target: { terminal: run },
          replyQueue,
          session: input.session,
          event: input.event,
          ...(input.init ? { init: input.init } : {}),
        });
      } catch (err) {
        const p = pending.get(eventId);
        if (p) clearTimeout(p.timer);
        pending.delete(eventId);
        throw new CliError("redis-failed", `Redis at ${safeUrl(opts.redisUrl)} failed: ${reasonOf(err)}`, {
          cause: err,
        });
      }
      return reply;
    },
    close,
  };
}
