// The bot's configuration: read from the environment and validated with zod at start-up.

import { LOG_LEVELS } from "@bosun/runtime";
import { z } from "zod";

const snowflake = z.string().regex(/^\d{5,25}$/, "a Discord id (digits)");

/** The environment variables the bot reads. */
export const envSchema = z.object({
  /** The bot token (Developer Portal → Bot → Reset Token). */
  DISCORD_TOKEN: z.string().min(1),
  DISCORD_APPLICATION_ID: snowflake,
  /** Discord's REST base; the gateway URL comes from its `/gateway/bot`. */
  DISCORD_API_URL: z.url().default("https://discord.com/api"),
  /** Register commands on this guild only (instant; global registration takes up to an hour). */
  DISCORD_GUILD_ID: snowflake.optional(),
  REDIS_URL: z
    .string()
    .regex(/^(rediss?|unix):\/\//, "REDIS_URL must be a redis://, rediss:// or unix:// URL"),
  QUEUE_PREFIX: z.string().min(1).max(64).default("bosun"),
  STORE_PREFIX: z.string().min(1).max(64).default("bosun"),
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HEALTH_HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

/** The bot's settings, as `startDiscordBot` takes them. */
export interface BotConfig {
  token: string;
  applicationId: string;
  /** REST base URL without the version (`https://discord.com/api`). */
  apiUrl: string;
  redisUrl: string;
  queuePrefix: string;
  storePrefix: string;
  /** Port of `/healthz` and `/readyz`; 0 picks a free one; `false` runs no health server. */
  healthPort: number | false;
  healthHost: string;
  /** REST retries and timeout (discord.js defaults: 3 and 15 s; tests lower them). */
  restRetries?: number;
  restTimeoutMs?: number;
}

/** The registration script's settings. */
export interface RegisterConfig {
  token: string;
  applicationId: string;
  apiUrl: string;
  guildId?: string;
}

/** Thrown with every problem of the environment at once, worded for an operator. */
export class ConfigError extends Error {
  readonly code = "config-invalid" as const;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function parse<T extends z.ZodType>(schema: T, raw: NodeJS.ProcessEnv): z.infer<T> {
  // An empty variable (`HEALTH_PORT=` as in .env.example) means "use the default", not "0" or "".
  const env = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const r = schema.safeParse(env);
  if (!r.success)
    throw new ConfigError(
      r.error.issues.map((i) => {
        const name = i.path.join(".");
        return env[name] === undefined ? `${name} is required` : `${name}: ${i.message}`;
      }),
    );
  return r.data;
}

/** Reads the bot's configuration (throws ConfigError listing every problem). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): BotConfig & { logLevel: string } {
  const e = parse(envSchema, env);
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ""),
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    storePrefix: e.STORE_PREFIX,
    healthPort: e.HEALTH_PORT,
    healthHost: e.HEALTH_HOST,
    logLevel: e.LOG_LEVEL,
  };
}

/** Reads the registration script's configuration (no Redis needed). */
export function registerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RegisterConfig {
  const e = parse(
    envSchema.pick({
      DISCORD_TOKEN: true,
      DISCORD_APPLICATION_ID: true,
      DISCORD_API_URL: true,
      DISCORD_GUILD_ID: true,
    }),
    env,
  );
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    apiUrl: e.DISCORD_API_URL.replace(/\/+$/, ""),
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
  };
}
