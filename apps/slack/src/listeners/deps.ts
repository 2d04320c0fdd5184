// What every listener needs: the producer, the store and the logger, plus the one way to enqueue.

import type { CommandJob, Producer } from "@bosun/queue";
import type { SessionStore } from "@bosun/store";
import type { Logger } from "pino";

export interface ListenerDeps {
  producer: Producer;
  store: SessionStore;
  logger: Logger;
}

/** What a person reads when their command could not be queued (Redis down, a bad payload). */
export const UNAVAILABLE = ":hourglass: Bosun could not take that just now. Please try again in a minute.";

/**
 * Enqueues `job`; false (logged) when it could not be, so the listener can tell the person instead
 * of throwing (which Slack would show as an error, or retry).
 */
export async function enqueue(deps: ListenerDeps, job: CommandJob): Promise<boolean> {
  try {
    const res = await deps.producer.send(job);
    deps.logger.debug({ kind: job.kind, jobId: res.jobId, duplicate: res.duplicate }, "queued");
    return true;
  } catch (err) {
    deps.logger.error({ err, kind: job.kind }, "could not queue a job");
    return false;
  }
}
