// Logging: pino with the bot token and interaction tokens redacted, and Discord errors made safe to log.

import { pino } from "pino";

/** What the bot logs through (pino fits; tests may pass a quiet one). */
export interface Logger {
  debug(o: object, msg?: string): void;
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/** Paths pino blanks out: the bot token and interaction tokens wherever they appear in a log object. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "*.*.token",
  "config.token",
  "headers.authorization",
  "*.headers.authorization",
];

/** A pino logger with secrets redacted. */
export function createLogger(level = "info"): Logger {
  return pino({ level, name: "bosun-discord", redact: { paths: REDACT_PATHS, censor: "[redacted]" } });
}

/** Interaction webhook URLs carry the interaction token: `/webhooks/<app>/<token>/…`. */
const WEBHOOK_TOKEN = /(\/webhooks\/\d+\/)[^/?\s]+/g;
const INTERACTION_TOKEN = /(\/interactions\/\d+\/)[^/?\s]+/g;

/** A URL or message with any interaction token replaced by `[token]`. */
export function scrub(text: string): string {
  return text.replace(WEBHOOK_TOKEN, "$1[token]").replace(INTERACTION_TOKEN, "$1[token]");
}

/**
 * An error as a plain log object without secrets: Discord errors keep their code, status and
 * method; URLs and messages lose their interaction tokens; stacks stay in the logs, never in chat.
 */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { err: scrub(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    err: {
      name: e.name,
      message: scrub(e.message),
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(typeof e.status === "number" ? { status: e.status } : {}),
      ...(typeof e.method === "string" ? { method: e.method } : {}),
      ...(typeof e.url === "string" ? { url: scrub(e.url) } : {}),
      stack: e.stack ? scrub(e.stack) : undefined,
    },
  };
}
