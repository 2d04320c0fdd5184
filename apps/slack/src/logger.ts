// The Slack app's pino logger (secrets scrubbed) and its bridge to Bolt's Logger interface.

import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from "@slack/bolt";
import { type DestinationStream, type Logger, pino } from "pino";
import { scrubText, scrubValue } from "./redact.ts";

/**
 * A pino logger whose every line passes through `scrubValue` (fields) and `scrubText` (message),
 * so a bot token or a response_url cannot reach the log. `destination` is for tests.
 */
export function createLogger(
  opts: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  const options = {
    level: opts.level,
    name: opts.name ?? "bosun-slack",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      bindings: (b: Record<string, unknown>) => scrubValue(b) as Record<string, unknown>,
      log: (obj: Record<string, unknown>) => scrubValue(obj) as Record<string, unknown>,
    },
    serializers: { msg: (m: unknown) => (typeof m === "string" ? scrubText(m) : m) },
  };
  return destination ? pino(options, destination) : pino(options);
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
