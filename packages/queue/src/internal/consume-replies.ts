// Consumes a reply queue for an adapter: each ReplyJob is checked with zod and handed to the adapter.

import { UnrecoverableError, Worker } from "bullmq";
import { closeWorker } from "./close-worker.ts";
import { errFields, type Logger, silentLogger } from "./logger.ts";
import { DEFAULT_QUEUE_PREFIX } from "./names.ts";
import { redisOptions } from "./redis-options.ts";
import { type ReplyJob, replyJobSchema } from "./schemas.ts";

/** Options of `consumeReplies`. */
export interface ConsumeRepliesOptions {
  redisUrl: string;
  prefix?: string;
  /** The queue to consume: `repliesQueue(platform)` or a private `replies-cli-<id>`. */
  queue: string;
  /** Replies rendered at once (default 8). */
  concurrency?: number;
  /** Delivers one reply. Throwing retries it with back-off (5 attempts, from 1 s doubling). */
  handle(reply: ReplyJob, meta: { jobId: string; attempt: number }): Promise<void>;
  logger?: Logger;
}

/** How long `close` waits for replies being delivered (and for BullMQ) before it gives up. */
const CLOSE_MS = 10_000;

/** A running reply consumer. */
export interface ReplyConsumer {
  readonly worker: Worker;
  /** Stops taking replies and waits for those being delivered (at most 10 s). */
  close(): Promise<void>;
}

/**
 * Runs a BullMQ worker on a reply queue. A payload that does not parse fails once, unrecoverably,
 * with one log line; the adapter's `handle` only ever sees valid replies. Delivery is at least once:
 * `meta.jobId` is stable across retries and redeliveries, so an adapter can drop a repeat.
 */
export function consumeReplies(opts: ConsumeRepliesOptions): ReplyConsumer {
  const logger = opts.logger ?? silentLogger;
  const worker = new Worker(
    opts.queue,
    async (job) => {
      const parsed = replyJobSchema.safeParse(job.data);
      if (!parsed.success) {
        logger.error(
          { queue: opts.queue, jobId: job.id, issues: parsed.error.issues.slice(0, 5).map((i) => i.message) },
          "invalid reply payload dropped",
        );
        throw new UnrecoverableError("invalid reply payload");
      }
      await opts.handle(parsed.data, { jobId: job.id ?? "", attempt: job.attemptsMade + 1 });
    },
    {
      connection: redisOptions(opts.redisUrl, "worker", `${opts.prefix ?? DEFAULT_QUEUE_PREFIX}:replies`),
      prefix: opts.prefix ?? DEFAULT_QUEUE_PREFIX,
      concurrency: opts.concurrency ?? 8,
    },
  );
  worker.on("error", (err) => logger.warn({ queue: opts.queue, ...errFields(err) }, "reply worker error"));
  worker.on("failed", (job, err) => {
    if (err instanceof UnrecoverableError) return;
    logger.warn(
      { queue: opts.queue, jobId: job?.id, attempt: job?.attemptsMade, ...errFields(err) },
      "reply delivery failed",
    );
  });
  return { worker, close: () => closeWorker(worker, logger, opts.queue, CLOSE_MS) };
}
