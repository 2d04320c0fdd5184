// Where event turns run: a small pool of engine threads (each session pinned to one by a hash of its
// tag, so its open session is there next time), or the worker's own thread (size 0). The worker's
// thread keeps BullMQ, the store, ordering, commit and replies; only plain data crosses over.

import { availableParallelism } from "node:os";
import { type Channel, InlineChannel, ThreadChannel } from "./engine-channel.ts";
import { EngineCore, type EngineInit, type TurnAnswer, type TurnRequest } from "./engine-core.ts";
import type { Logger } from "./logger.ts";
import type { EventJob } from "./schemas.ts";
import { seedOf } from "./seed.ts";
import { sameLog } from "./session-log.ts";

/**
 * The session the engine holds open for a tag, as far as this thread knows: as this worker
 * committed it (version, number, epoch), with its stored text and log.
 */
interface Held {
  version: number;
  applied: number;
  data: string;
  log: string[];
  epoch?: string | undefined;
}

/** A commit that went through: the record's new version and number, and its epoch. */
export interface Committed {
  version: number;
  applied: number;
  epoch?: string | undefined;
}

/** A record as loaded: what a turn starts from. */
export interface TurnRecord {
  version: number;
  applied: number;
  data?: string;
  log?: string[];
}

/** Whether the record is the one the engine holds open (`held`): same version, number, text and log. */
export function holds(held: Held | undefined, rec: TurnRecord): held is Held {
  return (
    held !== undefined &&
    held.version === rec.version &&
    held.applied === rec.applied &&
    held.data === rec.data &&
    sameLog(held.log, rec.log)
  );
}

/** A turn sent to the engine: its answer, then `settle` once the commit is known (always call it). */
export interface EngineTurn {
  answer: Promise<TurnAnswer>;
  /** The commit went through at (version, applied), or (no argument) it did not or was not tried. */
  settle(committed?: Committed): void;
}

/** A turn run before the record came back, on the session the engine held: `assumed`. */
export interface EarlyTurn extends EngineTurn {
  assumed: Held;
}

let nextId = 1;

/**
 * One lane of the pool: a channel (started on first use, replaced after a crash) and a map of what
 * the engine holds open, so the stored text is compared here and sent only when needed.
 */
class Lane {
  readonly #held = new Map<string, Held>();
  #channel: Channel | undefined;

  constructor(
    private readonly open: (onStop: () => void) => Channel,
    private readonly capacity: number,
  ) {}

  get inFlight(): number {
    return this.#channel?.inFlight ?? 0;
  }

  channel(): Channel {
    if (!this.#channel) {
      const ch = this.open(() => {
        // What the stopped thread held is gone with it.
        if (this.#channel === ch) this.#channel = undefined;
        this.#held.clear();
      });
      this.#channel = ch;
    }
    return this.#channel;
  }

  /** Sends a turn that starts from the record (`base`: its text and log) at `req`'s version. */
  #send(req: TurnRequest, base: { data?: string | undefined; log: string[] }): EngineTurn {
    const ch = this.channel();
    const answer = ch.turn(req);
    let settled = false;
    return {
      answer,
      settle: (committed) => {
        if (settled) return;
        settled = true;
        void answer.then(
          (a) => {
            const stored =
              a.kind !== "done"
                ? undefined
                : a.data !== undefined
                  ? { data: a.data, log: [] }
                  : a.log !== undefined && base.data !== undefined
                    ? { data: base.data, log: [...base.log, a.log] }
                    : undefined;
            if (committed && stored) {
              this.#held.delete(req.tag);
              this.#held.set(req.tag, { ...committed, ...stored });
              while (this.#held.size > this.capacity) {
                const oldest = this.#held.keys().next();
                if (oldest.done) break;
                this.#held.delete(oldest.value);
              }
            }
            if (a.kind === "done")
              ch.post({
                op: "settle",
                id: req.id,
                ...(committed
                  ? { committed: { version: committed.version, applied: committed.applied } }
                  : {}),
              });
          },
          () => {},
        );
      },
    };
  }

  run(tag: string, job: EventJob, rec: TurnRecord): EngineTurn {
    const held = this.#held.get(tag);
    this.#held.delete(tag);
    const hit = holds(held, rec);
    const base: TurnRequest = { id: nextId++, tag, job, version: rec.version, applied: rec.applied };
    const stored = { data: rec.data, log: rec.log ?? [] };
    const full = (id: number): TurnRequest =>
      rec.data === undefined && stored.log.length === 0
        ? { ...base, id, fresh: true }
        : { ...base, id, ...(rec.data !== undefined ? { data: rec.data } : {}), log: stored.log };
    if (!hit) return this.#send(full(base.id), stored);
    const first = this.#send(base, stored);
    // The engine dropped it (evicted, or a thread that was replaced): send the text after all.
    let retry: EngineTurn | undefined;
    const answer = first.answer.then((a) => {
      if (a.kind !== "miss") return a;
      retry = this.#send(full(nextId++), stored);
      return retry.answer;
    });
    return {
      answer,
      settle: (committed) => {
        first.settle(committed);
        retry?.settle(committed);
      },
    };
  }

  /** Whether an early turn for event `seq` could start on a session whose epoch is known (none starts). */
  peek(tag: string, seq: number): boolean {
    const held = this.#held.get(tag);
    return held !== undefined && held.applied === seq - 1 && held.epoch !== undefined;
  }

  early(tag: string, job: EventJob, seq: number): EarlyTurn | undefined {
    const held = this.#held.get(tag);
    if (!held || held.applied !== seq - 1) return undefined;
    this.#held.delete(tag);
    const t = this.#send({ id: nextId++, tag, job, version: held.version, applied: held.applied }, held);
    return { ...t, assumed: held };
  }

  rekey(tag: string, from: number, to: { version: number; applied: number }): void {
    const held = this.#held.get(tag);
    if (held && held.version === from) this.#held.set(tag, { ...held, ...to });
    else this.#held.delete(tag);
    this.#channel?.post({ op: "rekey", tag, from, to });
  }

  async close(): Promise<void> {
    const ch = this.#channel;
    this.#channel = undefined;
    this.#held.clear();
    await ch?.close();
  }
}

/** The engine thread a session tag is pinned to, in a pool of `threads` (FNV-1a of the tag). */
export function engineThreadOf(tag: string, threads: number): number {
  return threads <= 1 ? 0 : seedOf(tag) % threads;
}

/** The default pool size: one engine thread per CPU this process may use. */
export function defaultEngineThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Options of the engine pool. */
export interface EnginePoolOptions {
  /** Engine threads; 0 runs the engine on the worker's own thread. */
  threads: number;
  init: EngineInit;
  logger: Logger;
}

/** The engine, on threads or inline; see the file header. */
export class EnginePool {
  readonly threads: number;
  readonly #lanes: Lane[];
  readonly #logger: Logger;
  #open = true;

  constructor(opts: EnginePoolOptions) {
    this.threads = Math.max(0, Math.floor(opts.threads));
    this.#logger = opts.logger;
    const n = Math.max(1, this.threads);
    const capacity = Math.max(1, Math.ceil(opts.init.cacheSize / n));
    const init = { ...opts.init, cacheSize: capacity };
    if (this.threads === 0) {
      const core = new EngineCore({ ...init, logger: opts.logger }, capacity);
      this.#lanes = [new Lane(() => new InlineChannel(core), capacity)];
    } else {
      this.#lanes = Array.from(
        { length: n },
        (_, i) =>
          new Lane(
            (onStop) =>
              new ThreadChannel(init, opts.logger, () => {
                onStop();
                if (this.#open) opts.logger.warn({ thread: i }, "engine thread stopped; a new one starts");
              }),
            capacity,
          ),
      );
    }
  }

  /**
   * Starts the first engine thread and waits until it has loaded, so a thread that cannot start
   * (tsx missing, a syntax error) fails the worker's start rather than every job. The others start
   * on first use.
   */
  async start(): Promise<void> {
    if (this.threads === 0) return;
    const ch = this.#lanes[0]?.channel();
    if (ch instanceof ThreadChannel) await ch.ready;
  }

  #lane(tag: string): Lane {
    const lane = this.#lanes[engineThreadOf(tag, this.#lanes.length)];
    if (!lane) throw new Error("engine pool has no lanes");
    return lane;
  }

  /** Runs `job` on the session at `rec`. The answer rejects (retryably) if its thread stops. */
  run(tag: string, job: EventJob, rec: TurnRecord): EngineTurn {
    return this.#lane(tag).run(tag, job, rec);
  }

  /** Whether the engine holds the session just before event `seq`, as committed, with its epoch. */
  peek(tag: string, seq: number): boolean {
    return this.#lane(tag).peek(tag, seq);
  }

  /** Runs event number `seq` on the open session, if the engine holds the one just before it. */
  early(tag: string, job: EventJob, seq: number): EarlyTurn | undefined {
    return this.#lane(tag).early(tag, job, seq);
  }

  /** A commit kept the session's text (a refused or skipped event): the open one moves on with it. */
  rekey(tag: string, from: number, to: { version: number; applied: number }): void {
    this.#lane(tag).rekey(tag, from, to);
  }

  /** Turns waiting for an engine thread's answer (a gauge for metrics and tests). */
  get inFlight(): number {
    return this.#lanes.reduce((n, l) => n + l.inFlight, 0);
  }

  /** Stops the thread `tag` is pinned to, as a crash would (for tests); turns on it fail and retry. */
  async stopThreadOf(tag: string): Promise<void> {
    await this.#lane(tag).close();
  }

  /** Stops every engine thread (after the worker has finished its jobs). */
  async close(): Promise<void> {
    this.#open = false;
    await Promise.all(this.#lanes.map((l) => l.close().catch(() => {})));
    this.#logger.debug?.({ threads: this.threads }, "engine pool closed");
  }
}
