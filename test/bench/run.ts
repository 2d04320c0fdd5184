// pnpm bench: every benchmark section, one JSON object per line on stdout. The Redis sections use
// REDIS_URL when set (their keys and queues have their own prefixes), else a private redis-server.

import { startRedisServer } from "../support/redis-server.ts";
import { hpaBench } from "./hpa.bench.ts";
import { pipelineBench } from "./pipeline.bench.ts";
import { rolloutBench } from "./rollout.bench.ts";
import { simBench } from "./sim.bench.ts";
import { storeBench } from "./store.bench.ts";
import { tutorBench } from "./tutor.bench.ts";

async function main(): Promise<void> {
  simBench();
  rolloutBench();
  hpaBench();
  tutorBench();
  const own = process.env.REDIS_URL ? undefined : await startRedisServer();
  const redisUrl = process.env.REDIS_URL ?? own?.url ?? "";
  try {
    await pipelineBench(redisUrl);
    await storeBench(redisUrl);
  } finally {
    await own?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
