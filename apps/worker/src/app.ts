// The worker process's parts wired together: store, pipeline worker, metrics and the health server.

import { COMMANDS_QUEUE, startWorker } from "@bosun/queue";
import { RedisStore } from "@bosun/store";
import { type Content, loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { WorkerConfig } from "./config.ts";
import { startHealthServer } from "./http.ts";
import { createLogger } from "./logger.ts";
import { createMetrics, QUEUE_STATES } from "./metrics.ts";

/** A running worker app. */
export interface WorkerApp {
  /** The port the health server listens on (the chosen one when HEALTH_PORT is 0). */
  port: number;
  /** Stops taking jobs, finishes the ones in flight, then closes the server and every connection. */
  close(): Promise<void>;
}

export interface WorkerAppDeps {
  logger?: Logger;
  /** Course content; read from disk once when absent. */
  content?: Content;
}

/** How long /readyz waits for Redis to answer a PING before calling it unreachable. */
const PING_TIMEOUT_MS = 1000;

function pingWithin(redis: Redis, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([redis.ping().then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the worker: the commands queue's consumer (`startWorker` from @bosun/queue) on a Redis
 * store, and the health server. Resolves once both run. On failure, whatever was started is closed.
 */
export async function startWorkerApp(config: WorkerConfig, deps: WorkerAppDeps = {}): Promise<WorkerApp> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const content = deps.content ?? loadContentOrThrow(readContentDir());
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse())
      await fn().catch((err: unknown) => logger.warn({ err }, "error while closing"));
  };

  // One plain connection for readiness pings and queue counts; BullMQ workers open their own.
  // ioredis reconnects forever; it reports each failed attempt, so only state changes are logged.
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: "bosun-worker-admin",
  });
  let redisDown = false;
  redis.on("error", (err) => {
    if (!redisDown) logger.warn({ err }, "redis connection lost; retrying");
    redisDown = true;
  });
  redis.on("ready", () => {
    if (redisDown) logger.info("redis connection back");
    redisDown = false;
  });
  cleanups.push(() => redis.quit().catch(() => redis.disconnect()));

  try {
    const queue = new Queue(COMMANDS_QUEUE, { connection: redis, prefix: config.queuePrefix });
    queue.on("error", (err) => logger.warn({ err }, "commands queue error"));
    cleanups.push(() => queue.close());

    const store = new RedisStore({
      redisUrl: config.redisUrl,
      prefix: config.storePrefix,
      ttlMs: config.sessionTtlMs,
    });
    cleanups.push(() => store.close());

    const metrics = createMetrics(() => queue.getJobCounts(...QUEUE_STATES));
    const bosun = await startWorker({
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      store,
      content,
      concurrency: config.concurrency,
      limits: config.limits,
      rate: config.rate,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.stalledIntervalMs,
      logger,
      onJob: (info) => metrics.observeJob(info),
    });
    let closing = false;
    cleanups.push(() => bosun.close());

    const http = await startHealthServer({
      host: config.health.host,
      port: config.health.port,
      registry: metrics.registry,
      onError: (err, path) => logger.warn({ err, path }, "health endpoint failed"),
      ready: async () => {
        if (closing) return ["shutting down"];
        const reasons: string[] = [];
        if (!bosun.worker.isRunning()) reasons.push("worker not running");
        try {
          await pingWithin(redis, PING_TIMEOUT_MS);
        } catch (err) {
          reasons.push(`redis unreachable: ${err instanceof Error ? err.message : String(err)}`);
        }
        return reasons;
      },
    });
    // The server closes after the worker has drained (cleanups run in reverse), so that liveness
    // probes keep passing while in-flight jobs finish and readiness already says 503.
    cleanups.splice(cleanups.length - 1, 0, () => http.close());

    logger.info(
      {
        port: http.port,
        host: config.health.host,
        concurrency: config.concurrency,
        queuePrefix: config.queuePrefix,
        storePrefix: config.storePrefix,
        redis: config.redisUrl,
      },
      "worker started",
    );

    let closed: Promise<void> | undefined;
    return {
      port: http.port,
      close: () => {
        closing = true;
        closed ??= cleanup().then(() => logger.info("worker stopped"));
        return closed;
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
