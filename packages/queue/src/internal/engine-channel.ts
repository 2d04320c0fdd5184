// How the worker's thread talks to the engine: messages to an engine thread, or straight calls into
// an EngineCore on this thread (pool size 0). Both answer turns with the same plain data.

import { Worker } from "node:worker_threads";
import type { EngineCore, EngineInit, FromEngine, ToEngine, TurnAnswer, TurnRequest } from "./engine-core.ts";
import { errFields, type Logger } from "./logger.ts";

/** Where requests go: an engine thread, or an EngineCore on this thread. */
export interface Channel {
  /** Turns sent and not yet answered. */
  readonly inFlight: number;
  turn(req: TurnRequest): Promise<TurnAnswer>;
  /** The answer at once, where the engine runs on this thread (throws what `turn` would reject with). */
  turnNow?(req: TurnRequest): TurnAnswer;
  post(msg: ToEngine): void;
  close(): Promise<void>;
}

/** Runs the engine on this thread (pool size 0): the same messages, answered at once. */
export class InlineChannel implements Channel {
  readonly inFlight = 0;
  constructor(private readonly core: EngineCore) {}
  turn(req: TurnRequest): Promise<TurnAnswer> {
    try {
      return Promise.resolve(this.turnNow(req));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  /** Synchronous on purpose: an early turn runs while the record's load is on the wire. */
  turnNow(req: TurnRequest): TurnAnswer {
    return this.core.turn(req);
  }
  post(msg: ToEngine): void {
    this.core.handle(msg);
  }
  async close(): Promise<void> {}
}

/** The engine thread's entry (a bootstrap that makes sure tsx can load the TypeScript). */
const THREAD_ENTRY = new URL("./engine-thread-boot.mjs", import.meta.url);

/** The longest a settle waits for a turn to ride along with (it only matters to that session's next turn). */
const FLUSH_MS = 20;

/** Raised for the turns in flight on an engine thread that stopped; the job is retried. */
export class EngineThreadError extends Error {
  readonly code = "engine-thread-stopped";
}

/** One engine thread. Its turns in flight fail when it stops; `onStop` lets the pool replace it. */
export class ThreadChannel implements Channel {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve(a: TurnAnswer): void; reject(e: Error): void }>();
  readonly ready: Promise<void>;
  #stopped = false;
  /** Settles and rekeys wait for the next turn (or a short timer): one message, one wake-up. */
  #outbox: ToEngine[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(init: EngineInit, logger: Logger, onStop: () => void) {
    this.#worker = new Worker(THREAD_ENTRY, { workerData: init });
    // The worker's own connections keep the process alive; a forgotten thread must not.
    this.#worker.unref();
    let started: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.ready.catch(() => {});
    this.#worker.on("message", (m: FromEngine | { op: "ready" }) => {
      if (m.op === "ready") started();
      else if (m.op === "log") logger[m.level](m.fields, m.msg);
      else {
        const w = this.#waiting.get(m.id);
        this.#waiting.delete(m.id);
        w?.resolve(m.answer);
      }
    });
    this.#worker.on("error", (err) => logger.error(errFields(err), "engine thread failed"));
    this.#worker.on("exit", (code) => {
      this.#stopped = true;
      const err = new EngineThreadError(`engine thread stopped (exit code ${code})`);
      failed(err);
      for (const w of this.#waiting.values()) w.reject(err);
      this.#waiting.clear();
      onStop();
    });
  }

  get inFlight(): number {
    return this.#waiting.size;
  }

  turn(req: TurnRequest): Promise<TurnAnswer> {
    if (this.#stopped) return Promise.reject(new EngineThreadError("engine thread stopped"));
    return new Promise((resolve, reject) => {
      this.#waiting.set(req.id, { resolve, reject });
      this.#outbox.push({ op: "turn", req });
      this.#flush();
    });
  }

  post(msg: ToEngine): void {
    if (this.#stopped) return;
    this.#outbox.push(msg);
    this.#timer ??= setTimeout(() => this.#flush(), FLUSH_MS).unref();
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#outbox;
    this.#outbox = [];
    if (!this.#stopped && batch.length > 0) this.#worker.postMessage(batch);
  }

  async close(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#worker.terminate();
  }
}
