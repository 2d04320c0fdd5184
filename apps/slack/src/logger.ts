// The Slack app's pino logger (secrets scrubbed) and its bridge to Bolt's Logger interface.

import { createLogger as createRuntimeLogger } from "@bosun/runtime";
import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from "@slack/bolt";
import type { DestinationStream, Logger } from "pino";
import { redactor } from "./redact.ts";

/**
 * The shared scrubbing logger (see @bosun/runtime), named `bosun-slack`, with the Slack rules: a bot
 * token or a response_url cannot reach the log. `destination` is for tests.
 */
export function createLogger(
  opts: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  return createRuntimeLogger({ level: opts.level, name: opts.name ?? "bosun-slack", redactor }, destination);
}

/** Bolt and the Web API client log through this: one pino child, the same scrubbing. */
export function boltLogger(base: Logger): BoltLogger {
  let log = base.child({ component: "bolt" });
  const one = (a: unknown) =>
    typeof a === "string" ? a : a instanceof Error ? `${a.name}: ${a.message}` : JSON.stringify(a);
  const text = (args: unknown[]) => args.map(one).join(" ");
  return {
    debug: (...args: unknown[]) => log.debug(text(args)),
    info: (...args: unknown[]) => log.info(text(args)),
    warn: (...args: unknown[]) => log.warn(text(args)),
    error: (...args: unknown[]) => log.error(text(args)),
    // The level comes from LOG_LEVEL; Bolt's own setting is ignored on purpose.
    setLevel: (_level: BoltLogLevel) => {},
    getLevel: () => (base.level === "silent" ? "error" : base.level) as BoltLogLevel,
    setName: (name: string) => {
      log = base.child({ component: name });
    },
  };
}
