// Closing a BullMQ worker without hanging: after a dropped connection its blocking client can be
// left reconnecting with nothing that would ever end it (BullMQ issues 4585 and 4656), and then
// `Worker.close()` waits forever. Shutdown must finish regardless.

import type { Worker } from "bullmq";
import type { Logger } from "./logger.ts";

/**
 * Closes `worker` (waiting for its jobs in flight), but gives up waiting after `ms`: a warning is
 * logged and the caller goes on closing the rest. The worker takes no new jobs either way.
 */
export async function closeWorker(worker: Worker, logger: Logger, what: string, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    worker.close().then(
      () => false,
      () => false,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), ms);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  if (gaveUp)
    logger.warn({ worker: what, waitedMs: ms }, "a BullMQ worker did not close in time; going on without it");
}
