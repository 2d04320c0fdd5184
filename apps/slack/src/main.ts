// `pnpm --filter @bosun/slack start`: reads the environment, starts the app, stops cleanly on SIGTERM.

import { stopOnSignals } from "@bosun/runtime";
import { startSlackApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`bosun-slack: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const running = await startSlackApp(config, { logger });
  stopOnSignals({
    close: () => running.close(),
    timeoutMs: config.shutdownTimeoutMs,
    logger,
    messages: { stopping: "shutting down", timedOut: "shutdown took too long; exiting" },
  });
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `bosun-slack: could not start: ${message.replace(/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, "$1-***")}\n`,
  );
  process.exit(1);
});
