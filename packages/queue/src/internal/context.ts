// What every job handler of the worker shares: the store, content, limits and the queues it writes to.

import type { RateLimit, SessionStore } from "@bosun/store";
import type { Content } from "@bosun/tutor";
import type { Queue } from "bullmq";
import type { EnginePool } from "./engine-pool.ts";
import type { SessionLimits } from "./limits.ts";
import type { Logger } from "./logger.ts";
import type { PendingAcks } from "./pending-acks.ts";
import type { ReplySender } from "./reply-sender.ts";

/** The worker's shared state, built once by `startWorker`. */
export interface WorkerContext {
  store: SessionStore;
  content: Content;
  limits: SessionLimits;
  rate: RateLimit | false;
  logger: Logger;
  /** The `commands` queue: job states (gap checks), schedulers and delayed reveals. */
  commands: Queue;
  replies: ReplySender;
  /** Where event turns run (engine threads, or this thread). */
  engine: EnginePool;
  /** Event jobs being processed by this worker, by session tag. */
  underway: Map<string, number>;
  /** Delivered replies whose outbox entries the next commit (or a timer) drops. */
  acks: PendingAcks;
  /** How long a missing earlier event may stay absent before its number is skipped. */
  gapGraceMs: number;
}
