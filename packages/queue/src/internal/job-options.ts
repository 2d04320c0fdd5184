// BullMQ job options shared by the producer and the worker: retention (for job-id dedup) and retries.

import type { JobsOptions } from "bullmq";

/** Completed jobs stay a day (at most 10,000), so an event id re-sent within a day is a duplicate. */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 } as const;
/** Failed jobs stay a week, for an operator to inspect. */
export const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10_000 } as const;

/**
 * Command jobs: a failure that is not the payload's fault (Redis dropped, a CAS storm) is retried
 * with exponential back-off: 200 ms, 400 ms, … up to 10 attempts (about 3 minutes in all).
 */
export const COMMAND_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 200 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
} as const satisfies JobsOptions;

/** Reply jobs: an adapter whose platform call fails is retried 5 times, from 1 s doubling. */
export const REPLY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
} as const satisfies JobsOptions;
