// `pnpm --filter @bosun/discord start`: the bot process — configuration from the environment, graceful shutdown.

import { stopOnSignals } from "@bosun/runtime";
import { startDiscordBot } from "./bot/start.ts";
import { ConfigError, configFromEnv } from "./config.ts";
import { createLogger, errorFields } from "./logger.ts";

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(2);
}
const logger = createLogger(config.logLevel);

try {
  const bot = await startDiscordBot(config, { logger });
  logger.info({ healthPort: bot.healthPort }, "bosun discord bot running");
  stopOnSignals({
    close: () => bot.close(),
    timeoutMs: SHUTDOWN_GRACE_MS,
    logger,
    messages: { stopping: "shutting down", failed: "shutdown failed" },
    errorFields,
  });
} catch (err) {
  // A refused token or missing privileged intent (close code 4014) ends here, with the reason logged.
  logger.error({ ...errorFields(err) }, "the bot could not start");
  process.exit(1);
}
