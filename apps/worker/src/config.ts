// The worker's configuration: environment variables, validated once at start-up with zod.

import { z } from "zod";
import { scrubText } from "./redact.ts";

/** Turns an empty value (`FOO=` in a .env file) into "unset", so the default applies. */
const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A whole number from `min` to `max`, written in decimal. */
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

/** Like wholeNumber, but unset means "the pipeline's own default". */
function optionalWholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: message })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
      .optional(),
  );
}

/** A decimal number (e.g. 0.5) from `min` to `max`. */
function decimal(min: number, max: number, fallback: number) {
  const message = `must be a number from ${min} to ${max}`;
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, { error: message })
      .transform(Number)
      .pipe(z.number().min(min, { error: message }).max(max, { error: message }))
      .default(fallback),
  );
}

/** A Redis key prefix: letters, digits and `_ - . : { }` (a `{tag}` keeps a queue's keys on one cluster slot). */
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

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The environment variables the worker reads; see .env.example for what each is for. */
export const workerEnvSchema = z.object({
  REDIS_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string({ error: "is required (e.g. redis://127.0.0.1:6379, or rediss://… for TLS)" })
      .regex(/^rediss?:\/\/[^\s]+$/, { error: "must be a redis:// or rediss:// URL" }),
  ),
  WORKER_CONCURRENCY: wholeNumber(1, 256, 8),
  HEALTH_HOST: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, { error: "must be a host name or an IP address" })
      .default("0.0.0.0"),
  ),
  HEALTH_PORT: wholeNumber(0, 65535, 8080),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof unsetIfEmpty(v) === "string" ? (v as string).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  QUEUE_PREFIX: prefix("bosun"),
  STORE_PREFIX: prefix("bosun"),
  SESSION_TTL_DAYS: wholeNumber(1, 3650, 30),
  RATE_CAPACITY: wholeNumber(0, 10_000, 20),
  RATE_REFILL_PER_SECOND: decimal(0.001, 10_000, 2),
  LIMIT_OBJECTS: optionalWholeNumber(1, 100_000),
  LIMIT_REPLICAS: optionalWholeNumber(1, 10_000),
  LIMIT_MANIFEST_BYTES: optionalWholeNumber(1024, 64 * 1024 * 1024),
  LIMIT_SESSION_BYTES: optionalWholeNumber(1024, 256 * 1024 * 1024),
  WORKER_LOCK_DURATION_MS: wholeNumber(500, 3_600_000, 30_000),
  WORKER_STALLED_INTERVAL_MS: wholeNumber(100, 3_600_000, 30_000),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 3_600_000, 25_000),
});

/** The worker's settings, in the units the code uses. */
export interface WorkerConfig {
  redisUrl: string;
  concurrency: number;
  health: { host: string; port: number };
  logLevel: (typeof LOG_LEVELS)[number];
  queuePrefix: string;
  storePrefix: string;
  sessionTtlMs: number;
  /** A per-learner token bucket, or false when RATE_CAPACITY is 0. */
  rate: { capacity: number; refillPerSecond: number } | false;
  /** Only the limits that were set; the pipeline's defaults fill in the rest. */
  limits: { objects?: number; replicas?: number; manifestBytes?: number; sessionBytes?: number };
  lockDurationMs: number;
  stalledIntervalMs: number;
  shutdownTimeoutMs: number;
}

/** A configuration that did not validate: one line per bad variable, safe to print (no secrets). */
export class ConfigError extends Error {
  readonly code = "invalid-config" as const;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Reads and validates the worker's configuration from `env` (normally `process.env`).
 * Throws ConfigError listing every bad variable; never echoes a password.
 */
export function loadConfig(env: Record<string, string | undefined>): WorkerConfig {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      if (seen.has(name)) continue;
      seen.add(name);
      const raw = env[name];
      const got = raw === undefined || raw.trim() === "" ? "" : ` (got ${JSON.stringify(scrubText(raw))})`;
      problems.push(`${name} ${issue.message}${got}`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.WORKER_STALLED_INTERVAL_MS > e.WORKER_LOCK_DURATION_MS)
    throw new ConfigError([
      `WORKER_STALLED_INTERVAL_MS must not exceed WORKER_LOCK_DURATION_MS (${e.WORKER_STALLED_INTERVAL_MS} > ${e.WORKER_LOCK_DURATION_MS})`,
    ]);
  const limits: WorkerConfig["limits"] = {};
  if (e.LIMIT_OBJECTS !== undefined) limits.objects = e.LIMIT_OBJECTS;
  if (e.LIMIT_REPLICAS !== undefined) limits.replicas = e.LIMIT_REPLICAS;
  if (e.LIMIT_MANIFEST_BYTES !== undefined) limits.manifestBytes = e.LIMIT_MANIFEST_BYTES;
  if (e.LIMIT_SESSION_BYTES !== undefined) limits.sessionBytes = e.LIMIT_SESSION_BYTES;
  return {
    redisUrl: e.REDIS_URL,
    concurrency: e.WORKER_CONCURRENCY,
    health: { host: e.HEALTH_HOST, port: e.HEALTH_PORT },
    logLevel: e.LOG_LEVEL,
    queuePrefix: e.QUEUE_PREFIX,
    storePrefix: e.STORE_PREFIX,
    sessionTtlMs: e.SESSION_TTL_DAYS * DAY_MS,
    rate:
      e.RATE_CAPACITY === 0
        ? false
        : { capacity: e.RATE_CAPACITY, refillPerSecond: e.RATE_REFILL_PER_SECOND },
    limits,
    lockDurationMs: e.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
