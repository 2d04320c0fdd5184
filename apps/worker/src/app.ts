// The worker process's parts wired together: store, pipeline worker, metrics and the health server.

import { type BosunWorker, COMMANDS_QUEUE, startWorker } from "@bosun/queue";
import { within } from "@bosun/runtime";
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

/** How long /readyz and /metrics wait for Redis before giving up (its commands wait out reconnects). */
const REDIS_TIMEOUT_MS = 1000;

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

    const metrics = createMetrics(() => within(queue.getJobCounts(...QUEUE_STATES), REDIS_TIMEOUT_MS));
    let bosun: BosunWorker | undefined;
    let closing = false;
    // The server starts first: while the worker waits for Redis, /healthz already answers (so a
    // slow Redis does not get the pod restarted) and /readyz says why it is not ready.
    const http = await startHealthServer({
      host: config.health.host,
      port: config.health.port,
      registry: metrics.registry,
      onError: (err, path) => logger.warn({ err, path }, "health endpoint failed"),
      ready: async () => {
        if (closing) return ["shutting down"];
        const reasons: string[] = [];
        if (!bosun) reasons.push("starting");
        else if (!bosun.worker.isRunning()) reasons.push("worker not running");
        try {
          await within(redis.ping(), REDIS_TIMEOUT_MS);
        } catch (err) {
          reasons.push(`redis unreachable: ${err instanceof Error ? err.message : String(err)}`);
        }
        return reasons;
      },
    });
    // Cleanups run in reverse: the worker drains first while liveness keeps passing and readiness
    // says 503, then the server closes.
    cleanups.push(() => http.close());
    logger.info({ port: http.port, host: config.health.host }, "health server listening");

    bosun = await startWorker({
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      store,
      content,
      concurrency: config.concurrency,
      ...(config.engineThreads !== undefined ? { engineThreads: config.engineThreads } : {}),
      turnThread: config.turnThread,
      limits: config.limits,
      rate: config.rate,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.stalledIntervalMs,
      logger,
      onJob: (info) => metrics.observeJob(info),
    });
    const started = bosun;
    cleanups.push(() => started.close());

    logger.info(
      {
        port: http.port,
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
