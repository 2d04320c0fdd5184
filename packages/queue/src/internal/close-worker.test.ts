// Shutdown goes on when a BullMQ worker cannot close (its blocking client stuck reconnecting).

import type { Worker } from "bullmq";
import { describe, expect, it } from "vitest";
import { closeWorker } from "./close-worker.ts";

/** Only `close` is used; a stand-in for a worker whose close hangs, or one that closes. */
const workerClosing = (close: () => Promise<void>) => ({ close }) as unknown as Worker;

function recorder() {
  const warnings: object[] = [];
  return {
    warnings,
    logger: { info() {}, error() {}, warn: (fields: object) => void warnings.push(fields) },
  };
}

describe("closeWorker", () => {
  it("gives up waiting after the bound, with a warning", async () => {
    const { warnings, logger } = recorder();
    const never = workerClosing(() => new Promise<void>(() => {}));
    await closeWorker(never, logger, "replies-slack", 20);
    expect(warnings).toEqual([{ worker: "replies-slack", waitedMs: 20 }]);
  });

  it("returns as soon as the worker is closed, and a failed close is not an error", async () => {
    const { warnings, logger } = recorder();
    await closeWorker(
      workerClosing(async () => {}),
      logger,
      "commands",
      60_000,
    );
    await closeWorker(
      workerClosing(() => Promise.reject(new Error("Connection is closed."))),
      logger,
      "commands",
      60_000,
    );
    expect(warnings).toEqual([]);
  });
});
