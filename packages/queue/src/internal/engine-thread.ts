// An engine thread: runs event turns for the sessions pinned to it, so the worker's own thread keeps
// BullMQ, Redis and health probes moving while a long command runs. Started by engine-pool.ts through
// engine-thread-boot.mjs; speaks the plain-data messages of engine-core.ts.

import { parentPort, workerData } from "node:worker_threads";
import { EngineCore, type EngineInit, type FromEngine, type ToEngine } from "./engine-core.ts";
import type { Logger } from "./logger.ts";

const port = parentPort;
if (!port) throw new Error("engine-thread.ts runs only as a worker thread");
const init = workerData as EngineInit;

/** Log lines go to the worker's logger, which lives on the main thread. */
function forward(level: "info" | "warn" | "error") {
  return (fields: object, msg?: string) => {
    const m: FromEngine = { op: "log", level, fields, msg: msg ?? "" };
    port?.postMessage(m);
  };
}
const logger: Logger = { info: forward("info"), warn: forward("warn"), error: forward("error") };
const core = new EngineCore({ content: init.content, limits: init.limits, logger }, init.cacheSize);

// Messages come in batches (settles ride along with the next turn), in the order they were sent.
port.on("message", (batch: ToEngine[]) => {
  for (const msg of batch) {
    const answer = core.handle(msg);
    if (answer && msg.op === "turn") {
      const m: FromEngine = { op: "answer", id: msg.req.id, answer };
      port.postMessage(m);
    }
  }
});

port.postMessage({ op: "ready" });
