// Entry point of `pnpm --filter @bosun/worker start`: configuration, start-up, and graceful shutdown.

import { EXIT_FAILED, stopOnSignals } from "@bosun/runtime";
import { startWorkerApp, type WorkerApp } from "./app.ts";
import { ConfigError, loadConfig, type WorkerConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { scrubText } from "./redact.ts";

/** Exit codes: 0 stopped cleanly, 1 (EXIT_FAILED) failed or forced, 2 bad configuration. */
const EXIT_CONFIG = 2;

let config: WorkerConfig;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    for (const p of err.problems) process.stderr.write(`bosun-worker: invalid configuration: ${p}\n`);
    process.stderr.write("bosun-worker: see .env.example for every variable\n");
  } else process.stderr.write(`bosun-worker: ${scrubText(String(err))}\n`);
  process.exit(EXIT_CONFIG);
}

const logger = createLogger({ level: config.logLevel });

process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled promise rejection"));
process.on("uncaughtException", (err) => {
  // The process state is unknown after this: exit, and let BullMQ hand in-flight jobs to another worker.
  logger.fatal({ err }, "uncaught exception; exiting");
  process.exit(EXIT_FAILED);
});

let app: WorkerApp | undefined;

// Signals are taken from the start: one during start-up waits for the start to finish, then closes
// what it started. A second signal exits at once; BullMQ hands the jobs in flight to another worker.
stopOnSignals({
  close: () => startup.then(() => app?.close()),
  timeoutMs: config.shutdownTimeoutMs,
  logger,
  messages: {
    stopping: "stopping: finishing in-flight jobs",
    again: "second signal: exiting without waiting for in-flight jobs",
    timedOut: "shutdown timed out; exiting",
    failed: "error while stopping",
  },
});

const startup = startWorkerApp(config, { logger }).then(
  (started) => {
    app = started;
  },
  (err: unknown) => {
    logger.fatal({ err }, "could not start the worker");
    process.exit(EXIT_FAILED);
  },
);
