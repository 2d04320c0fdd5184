// Cleanup of a test's Redis state by prefix: its keys (SCAN + UNLINK, never a flush) and its queues.

import { Queue } from "bullmq";
import { Redis } from "ioredis";

/** Removes every key matching `pattern` (e.g. `${prefix}:*`); the prefix is the test's alone. */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}

/** Obliterates queues `names` under queue prefix `prefix` (jobs, schedulers and all their keys). */
export async function obliterateQueues(redisUrl: string, prefix: string, names: string[]): Promise<void> {
  for (const name of names) {
    const q = new Queue(name, { connection: { url: redisUrl }, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
}
