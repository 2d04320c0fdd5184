// The queue package's error: a closed set of codes that apps map to words in one table.

/**
 * - `invalid-job`: a job payload that does not match `commandJobSchema` (the producer refuses it).
 * - `invalid-url`: a Redis URL that cannot be read.
 * - `closed`: the producer or worker was used after `close()`.
 */
export type QueueErrorCode = "invalid-job" | "invalid-url" | "closed";

/** Thrown by `@bosun/queue`; `issues` lists what was wrong with a refused payload. */
export class QueueError extends Error {
  override readonly name = "QueueError";
  constructor(
    readonly code: QueueErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
