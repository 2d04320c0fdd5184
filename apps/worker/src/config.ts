// The worker's configuration: environment variables, validated once at start-up with zod.

import {
  ConfigError,
  decimal,
  hostName,
  keyPrefix,
  LOG_LEVELS,
  type LogLevelName,
  logLevel,
  optionalWholeNumber,
  readEnv,
  redisUrl,
  wholeNumber,
} from "@bosun/runtime";
import { z } from "zod";
import { scrubText } from "./redact.ts";

export { ConfigError, LOG_LEVELS };

/** The environment variables the worker reads; see .env.example for what each is for. */
export const workerEnvSchema = z.object({
  REDIS_URL: redisUrl(),
  WORKER_CONCURRENCY: wholeNumber(1, 256, 8),
  WORKER_ENGINE_THREADS: optionalWholeNumber(0, 64),
  WORKER_TURN_THREAD: wholeNumber(0, 1, 1),
  HEALTH_HOST: hostName("0.0.0.0"),
  HEALTH_PORT: wholeNumber(0, 65535, 8080),
  LOG_LEVEL: logLevel("info"),
  QUEUE_PREFIX: keyPrefix("bosun"),
  STORE_PREFIX: keyPrefix("bosun"),
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
  /** Engine threads for long turns; undefined = the pipeline's default (1), 0 = on the main thread. */
  engineThreads?: number;
  /** Whether ordinary turns move to a thread of their own while the worker is busy. */
  turnThread: boolean;
  health: { host: string; port: number };
  logLevel: LogLevelName;
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

const DAY_MS = 24 * 3600 * 1000;

/**
 * Reads and validates the worker's configuration from `env` (normally `process.env`).
 * Throws ConfigError listing every bad variable; never echoes a password.
 */
export function loadConfig(env: Record<string, string | undefined>): WorkerConfig {
  const e = readEnv(workerEnvSchema, env, { scrub: scrubText });
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
    ...(e.WORKER_ENGINE_THREADS !== undefined ? { engineThreads: e.WORKER_ENGINE_THREADS } : {}),
    turnThread: e.WORKER_TURN_THREAD === 1,
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
