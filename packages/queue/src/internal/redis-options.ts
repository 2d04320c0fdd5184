// ioredis options from a Redis URL, for BullMQ: workers retry forever, producers fail fast.

import type { RedisOptions } from "ioredis";
import { QueueError } from "./errors.ts";

/**
 * `worker`: `maxRetriesPerRequest: null`, as BullMQ requires for blocking connections (a command
 * waits for the reconnect instead of failing the job). `producer`: a command is retried once after
 * a reconnect and then fails, so an adapter can tell the person to try again instead of hanging.
 * `name` becomes the connection's CLIENT SETNAME (BullMQ names its blocking connections itself), so
 * an operator, or a test, can tell a deployment's connections apart in CLIENT LIST.
 */
export function redisOptions(url: string, role: "worker" | "producer", name?: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new QueueError("invalid-url", "REDIS_URL is not a URL (expected redis://host:port/db)", [], {
      cause,
    });
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw new QueueError("invalid-url", `REDIS_URL must start with redis:// or rediss://, not ${u.protocol}`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new QueueError("invalid-url", "REDIS_URL names no valid database");
  const opts: RedisOptions = {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    db,
    connectTimeout: 5000,
    maxRetriesPerRequest: role === "worker" ? null : 1,
    // A reconnect after a dropped connection comes quickly, then backs off to 2 s.
    retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
  };
  if (name !== undefined) opts.connectionName = name.replace(/[^\x21-\x7e]/g, "_");
  if (u.username) opts.username = decodeURIComponent(u.username);
  if (u.password) opts.password = decodeURIComponent(u.password);
  if (u.protocol === "rediss:") opts.tls = {};
  return opts;
}
