// Starts the Slack app: Bolt (HTTP or Socket Mode), the producer, the reply consumer and health checks.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { consumeReplies, Producer, repliesQueue } from "@bosun/queue";
import { RedisStore, type SessionStore } from "@bosun/store";
import { App } from "@slack/bolt";
import type { Logger } from "pino";
import type { SlackConfig } from "./config.ts";
import { createDelivery } from "./delivery.ts";
import { type HealthServer, startHealthServer } from "./health.ts";
import { registerActions } from "./listeners/actions.ts";
import { registerApplyModal } from "./listeners/apply-modal.ts";
import { registerCommands } from "./listeners/commands.ts";
import { registerHome } from "./listeners/home.ts";
import { registerMentions } from "./listeners/mention.ts";
import { boltLogger, createLogger } from "./logger.ts";

/** Options beyond the configuration (tests pass their own logger or store). */
export interface StartOptions {
  logger?: Logger;
  /** A store to use instead of a RedisStore on `config.redisUrl` (not closed by `close`). */
  store?: SessionStore;
  /** How many replies are delivered at once (default 8). */
  replyConcurrency?: number;
}

/** A running Slack app. */
export interface RunningSlackApp {
  /** The HTTP port of `/slack/events`; undefined in Socket Mode. */
  port: number | undefined;
  /** The port of `/healthz` and `/readyz`; undefined when disabled. */
  healthPort: number | undefined;
  /** The Bolt app (its `client` is the Web API client the app uses). */
  app: App;
  /** Stops taking requests, finishes deliveries in flight, closes every connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the app from `config`. In HTTP mode Bolt verifies every request's signature and serves
 * `/slack/events`; with `config.appToken` it connects over Socket Mode instead. Listeners only
 * enqueue, so acknowledgements go out well within Slack's three seconds even with
 * `processBeforeResponse` (which sends the HTTP response after the listener has finished).
 */
export async function startSlackApp(config: SlackConfig, opts: StartOptions = {}): Promise<RunningSlackApp> {
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const ownStore = opts.store === undefined;
  const store = opts.store ?? new RedisStore({ redisUrl: config.redisUrl, prefix: config.storePrefix });
  const producer = new Producer({ redisUrl: config.redisUrl, prefix: config.queuePrefix, store, logger });
  const appToken = config.appToken;
  const socketMode = appToken !== undefined;
  const app = new App({
    token: config.botToken,
    ...(appToken !== undefined
      ? { appToken, socketMode: true }
      : config.signingSecret !== undefined
        ? { signingSecret: config.signingSecret }
        : {}),
    processBeforeResponse: true,
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      retryConfig: { retries: config.apiRetries, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    },
    logger: boltLogger(logger),
    deferInitialization: true,
    ...(config.botId !== undefined && config.botUserId !== undefined
      ? { botId: config.botId, botUserId: config.botUserId }
      : {}),
  });
  app.error(async (err) => {
    logger.error({ err }, "unhandled error in a Slack listener");
  });
  const deps = { producer, store, logger };
  registerCommands(app, deps);
  registerApplyModal(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
  registerMentions(app, deps);

  let started = false;
  let port: number | undefined;
  let health: HealthServer | undefined;
  const consumer = consumeReplies({
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    queue: repliesQueue("slack"),
    concurrency: opts.replyConcurrency ?? 8,
    handle: createDelivery({ client: app.client, logger }),
    logger,
  });
  const closeAll = async () => {
    const steps: Array<[string, () => Promise<unknown>]> = [
      ["bolt", () => (started ? app.stop() : Promise.resolve())],
      ["replies", () => consumer.close()],
      ["producer", () => producer.close()],
      ["store", () => (ownStore ? store.close() : Promise.resolve())],
      ["health", () => health?.close() ?? Promise.resolve()],
    ];
    for (const [name, step] of steps)
      await step().catch((err: unknown) => logger.warn({ err, step: name }, "error while closing"));
  };

  try {
    // auth.test: a wrong token or an unreachable Slack fails here, at start-up, with a clear error.
    await app.init();
    if (socketMode) await app.start();
    else {
      const server = (await app.start({ port: config.listen.port, host: config.listen.host })) as Server;
      port = (server.address() as AddressInfo).port;
    }
    started = true;
    if (config.health !== false)
      health = await startHealthServer(config.health, async () => {
        if (!started) return false;
        const client = (await producer.queue.client) as unknown as { ping(): Promise<string> };
        return (await client.ping()) === "PONG";
      });
  } catch (err) {
    await closeAll();
    throw err;
  }
  logger.info(
    { mode: socketMode ? "socket" : "http", port, healthPort: health?.port, api: config.slackApiUrl },
    "Slack app started",
  );
  let closing: Promise<void> | undefined;
  return {
    port,
    healthPort: health?.port,
    app,
    close: () => {
      closing ??= closeAll().then(() => logger.info({}, "Slack app stopped"));
      return closing;
    },
  };
}
