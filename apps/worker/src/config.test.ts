// loadConfig: defaults, conversions, and one clear line per bad variable.

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const problemsOf = (env: Record<string, string | undefined>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
};

describe("loadConfig", () => {
  it("fills in defaults when only REDIS_URL is set", () => {
    const c = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(c).toMatchObject({
      redisUrl: "redis://127.0.0.1:6379",
      concurrency: 8,
      health: { host: "0.0.0.0", port: 8080 },
      logLevel: "info",
      queuePrefix: "bosun",
      storePrefix: "bosun",
      sessionTtlMs: 30 * 24 * 3600 * 1000,
      rate: { capacity: 20, refillPerSecond: 2 },
      limits: {},
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      shutdownTimeoutMs: 25_000,
      turnThread: true,
    });
  });

  it("converts every variable to the unit the code uses", () => {
    const c = loadConfig({
      REDIS_URL: "rediss://:pw@cache.example.net:6380",
      WORKER_CONCURRENCY: "32",
      WORKER_ENGINE_THREADS: "0",
      WORKER_TURN_THREAD: "0",
      HEALTH_HOST: "127.0.0.1",
      HEALTH_PORT: "0",
      LOG_LEVEL: "DEBUG",
      QUEUE_PREFIX: "{bosun}",
      STORE_PREFIX: "bosun-store",
      SESSION_TTL_DAYS: "7",
      RATE_CAPACITY: "5",
      RATE_REFILL_PER_SECOND: "0.5",
      LIMIT_OBJECTS: "300",
      LIMIT_REPLICAS: "20",
      LIMIT_MANIFEST_BYTES: "65536",
      LIMIT_SESSION_BYTES: "1048576",
      WORKER_LOCK_DURATION_MS: "1000",
      WORKER_STALLED_INTERVAL_MS: "500",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    expect(c).toEqual({
      redisUrl: "rediss://:pw@cache.example.net:6380",
      concurrency: 32,
      engineThreads: 0,
      turnThread: false,
      health: { host: "127.0.0.1", port: 0 },
      logLevel: "debug",
      queuePrefix: "{bosun}",
      storePrefix: "bosun-store",
      sessionTtlMs: 7 * 24 * 3600 * 1000,
      rate: { capacity: 5, refillPerSecond: 0.5 },
      limits: { objects: 300, replicas: 20, manifestBytes: 65536, sessionBytes: 1048576 },
      lockDurationMs: 1000,
      stalledIntervalMs: 500,
      shutdownTimeoutMs: 5000,
    });
  });

  it("treats an empty value as unset and RATE_CAPACITY=0 as no rate limit", () => {
    const c = loadConfig({ REDIS_URL: "redis://r:6379", WORKER_CONCURRENCY: "", RATE_CAPACITY: "0" });
    expect(c.concurrency).toBe(8);
    expect(c.rate).toBe(false);
  });

  it("names every bad variable on its own line, with what it must be", () => {
    const problems = problemsOf({
      WORKER_CONCURRENCY: "lots",
      HEALTH_PORT: "70000",
      LOG_LEVEL: "loud",
      QUEUE_PREFIX: "has space",
      RATE_REFILL_PER_SECOND: "-1",
    });
    expect(problems).toEqual([
      "REDIS_URL is required (e.g. redis://127.0.0.1:6379, or rediss://… for TLS)",
      'WORKER_CONCURRENCY must be a whole number from 1 to 256 (got "lots")',
      'HEALTH_PORT must be a whole number from 0 to 65535 (got "70000")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'QUEUE_PREFIX must be 1 to 64 characters: letters, digits and _ - . : { } (got "has space")',
      'RATE_REFILL_PER_SECOND must be a number from 0.001 to 10000 (got "-1")',
    ]);
  });

  it("never repeats a Redis password in an error", () => {
    const [problem] = problemsOf({ REDIS_URL: "http://user:hunter2@redis:6379" });
    expect(problem).toBe('REDIS_URL must be a redis:// or rediss:// URL (got "http://user:***@redis:6379")');
  });

  it("refuses a stall check interval longer than the lock", () => {
    expect(
      problemsOf({
        REDIS_URL: "redis://r",
        WORKER_LOCK_DURATION_MS: "1000",
        WORKER_STALLED_INTERVAL_MS: "5000",
      }),
    ).toEqual(["WORKER_STALLED_INTERVAL_MS must not exceed WORKER_LOCK_DURATION_MS (5000 > 1000)"]);
  });
});
