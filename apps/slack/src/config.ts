// The Slack app's configuration: environment variables, validated once at start-up with zod.

import {
  ConfigError,
  hostName,
  keyPrefix,
  type LogLevelName,
  logLevel,
  readEnv,
  redisUrl,
  unsetIfEmpty,
  wholeNumber,
} from "@bosun/runtime";
import { z } from "zod";
import { scrubText } from "./redact.ts";

export type { LogLevelName };
export { ConfigError };

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
  SLACK_HOST: hostName("0.0.0.0"),
  SLACK_PORT: wholeNumber(0, 65535, 3000),
  SLACK_API_RETRIES: wholeNumber(0, 10, 2),
  REDIS_URL: redisUrl(),
  QUEUE_PREFIX: keyPrefix("bosun"),
  STORE_PREFIX: keyPrefix("bosun"),
  HEALTH_HOST: hostName("0.0.0.0"),
  HEALTH_PORT: wholeNumber(0, 65535, 8081),
  LOG_LEVEL: logLevel("info"),
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

/** Variables whose value is a secret: never echoed, even when malformed. */
const SECRET_VARS = new Set(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"]);

/**
 * Reads and validates the configuration from `env` (normally `process.env`). Throws ConfigError
 * listing every bad variable; never echoes a token or a password.
 */
export function loadConfig(env: Record<string, string | undefined>): SlackConfig {
  const e = readEnv(slackEnvSchema, env, { secrets: SECRET_VARS, scrub: scrubText });
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
