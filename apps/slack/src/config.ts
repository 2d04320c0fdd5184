// The Slack app's configuration: environment variables, validated once at start-up with zod.

import { z } from "zod";
import { scrubText } from "./redact.ts";

/** Turns an empty value (`FOO=` in a .env file) into "unset", so the default applies. */
const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

function wholeNumber(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: message })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
      .default(fallback),
  );
}

function prefix(fallback: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9_.:{}-]{1,64}$/, {
        error: "must be 1 to 64 characters: letters, digits and _ - . : { }",
      })
      .default(fallback),
  );
}

const host = (fallback: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, { error: "must be a host name or an IP address" })
      .default(fallback),
  );

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** The environment variables the Slack app reads. */
export const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    unsetIfEmpty,
    z
      .string({ error: "is required (the bot token, xoxb-…, from OAuth & Permissions)" })
      .regex(/^xox[a-z]-\S+$/, { error: "must look like xoxb-…" }),
  ),
  SLACK_SIGNING_SECRET: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\S{8,256}$/, { error: "must be the app's signing secret (Basic Information)" })
      .optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^xapp-\S+$/, { error: "must be an app-level token, xapp-… (connections:write)" })
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^https?:\/\/\S+$/, { error: "must be an http(s) URL such as https://slack.com/api/" })
      .default("https://slack.com/api/"),
  ),
  SLACK_HOST: host("0.0.0.0"),
  SLACK_PORT: wholeNumber(0, 65535, 3000),
  SLACK_API_RETRIES: wholeNumber(0, 10, 2),
  REDIS_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string({ error: "is required (e.g. redis://127.0.0.1:6379, or rediss://… for TLS)" })
      .regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// or rediss:// URL" }),
  ),
  QUEUE_PREFIX: prefix("bosun"),
  STORE_PREFIX: prefix("bosun"),
  HEALTH_HOST: host("0.0.0.0"),
  HEALTH_PORT: wholeNumber(0, 65535, 8081),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof unsetIfEmpty(v) === "string" ? (v as string).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 3_600_000, 10_000),
});

/** The Slack app's settings, in the units the code uses. */
export interface SlackConfig {
  botToken: string;
  /** Required for HTTP mode (request verification); unused in Socket Mode. */
  signingSecret?: string;
  /** When set, the app connects over Socket Mode and opens no public HTTP port. */
  appToken?: string;
  /** The Web API base URL, ending in `/`. */
  slackApiUrl: string;
  /** Web API retries on rate limits and network errors (BullMQ retries a failed delivery too). */
  apiRetries: number;
  /** Where Bolt's HTTP receiver listens (`/slack/events`); port 0 picks a free port. */
  listen: { host: string; port: number };
  redisUrl: string;
  queuePrefix: string;
  storePrefix: string;
  /** The `/healthz` and `/readyz` server; port 0 picks a free port. */
  health: { host: string; port: number } | false;
  logLevel: LogLevelName;
  shutdownTimeoutMs: number;
  /** Bot identity, to skip `auth.test` (tests). Learned from `auth.test` otherwise. */
  botId?: string;
  botUserId?: string;
}

/** A configuration that did not validate: one line per bad variable, safe to print (no secrets). */
export class ConfigError extends Error {
  readonly code = "invalid-config" as const;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Variables whose value is a secret: never echoed, even when malformed. */
const SECRET_VARS = new Set(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"]);

/**
 * Reads and validates the configuration from `env` (normally `process.env`). Throws ConfigError
 * listing every bad variable; never echoes a token or a password.
 */
export function loadConfig(env: Record<string, string | undefined>): SlackConfig {
  const parsed = slackEnvSchema.safeParse(env);
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (seen.has(name)) continue;
      seen.add(name);
      const raw = env[name];
      const got =
        raw === undefined || raw.trim() === "" || SECRET_VARS.has(name)
          ? ""
          : ` (got ${JSON.stringify(scrubText(raw))})`;
      problems.push(`${name} ${issue.message}${got}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.SLACK_APP_TOKEN === undefined && e.SLACK_SIGNING_SECRET === undefined)
    throw new ConfigError([
      "SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    ]);
  const config: SlackConfig = {
    botToken: e.SLACK_BOT_TOKEN,
    slackApiUrl: e.SLACK_API_URL.endsWith("/") ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    apiRetries: e.SLACK_API_RETRIES,
    listen: { host: e.SLACK_HOST, port: e.SLACK_PORT },
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    storePrefix: e.STORE_PREFIX,
    health: { host: e.HEALTH_HOST, port: e.HEALTH_PORT },
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
  if (e.SLACK_SIGNING_SECRET !== undefined) config.signingSecret = e.SLACK_SIGNING_SECRET;
  if (e.SLACK_APP_TOKEN !== undefined) config.appToken = e.SLACK_APP_TOKEN;
  return config;
}
