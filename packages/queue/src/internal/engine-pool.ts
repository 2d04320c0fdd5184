// Where event turns run. Ordinary turns run on the worker's own thread while it has little to do, and
// on a turn thread of their own while it is busy (see `EnginePool`); long ones (`isLongTurn`) on a
// small pool of engine threads (a session's long turns always go to the same one, by a hash of its
// tag). The worker's thread keeps BullMQ, the store, ordering, commit and replies; only plain data
// crosses.

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
  /** The answer, when the engine gave it at once (it runs on this thread): no need to await it. */
  readonly ready?: TurnAnswer;
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
    let ready: TurnAnswer | undefined;
    let answer: Promise<TurnAnswer>;
    if (ch.turnNow) {
      try {
        ready = ch.turnNow(req);
        answer = Promise.resolve(ready);
      } catch (err) {
        answer = Promise.reject(err);
      }
    } else answer = ch.turn(req);
    let settled = false;
    return {
      answer,
      ...(ready ? { ready } : {}),
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

  run(tag: string, job: EventJob, rec: TurnRecord, pack = false): EngineTurn {
    const held = this.#held.get(tag);
    this.#held.delete(tag);
    const hit = holds(held, rec);
    const base: TurnRequest = {
      id: nextId++,
      tag,
      job,
      version: rec.version,
      applied: rec.applied,
      ...(pack ? { pack } : {}),
    };
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

  /** The version at which this lane holds a session open for `tag`, if it does. */
  holds(tag: string): number | undefined {
    return this.#held.get(tag)?.version;
  }

  /** Lets go of the session open for `tag` (it moves to another lane). */
  forget(tag: string): void {
    if (!this.#held.delete(tag)) return;
    this.#channel?.post({ op: "drop", tag });
  }

  /** The number and epoch of the session this lane holds open for `tag`, if any. */
  held(tag: string): { applied: number; epoch?: string | undefined } | undefined {
    const held = this.#held.get(tag);
    return held && { applied: held.applied, epoch: held.epoch };
  }

  early(tag: string, job: EventJob, seq: number, pack = false): EarlyTurn | undefined {
    const held = this.#held.get(tag);
    if (!held || held.applied !== seq - 1) return undefined;
    this.#held.delete(tag);
    const req = {
      id: nextId++,
      tag,
      job,
      version: held.version,
      applied: held.applied,
      ...(pack ? { pack } : {}),
    };
    const t = this.#send(req, held);
    return { ...t, assumed: held };
  }

  /** Entries in the log of the session this lane holds open for `tag` (what a restore would replay). */
  logLength(tag: string): number {
    return this.#held.get(tag)?.log.length ?? 0;
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

/** The engine thread a session tag's long turns go to, in a pool of `threads` (FNV-1a of the tag). */
export function engineThreadOf(tag: string, threads: number): number {
  return threads <= 1 ? 0 : seedOf(tag) % threads;
}

/** The default number of engine threads: one, for long turns (see `isLongTurn`). */
export function defaultEngineThreads(): number {
  return 1;
}

/**
 * Lines that may let much cluster time pass: `sleep` (up to 24 h of controllers, cron jobs and
 * autoscaling: seconds of work on a busy sandbox), and kubectl's waits and watches. Anything else
 * lets at most the capped catch-up pass (10 minutes: milliseconds on a busy sandbox).
 */
const LONG = /^\s*(?:sleep\b|(?:kubectl|k)(?:\s.*?)?\s(?:wait|rollout\s+status|--watch|-w|--timeout)\b)/;

/** Whether `job` runs on an engine thread rather than on the worker's own thread (see LONG). */
export function isLongTurn(job: EventJob): boolean {
  const e = job.event;
  return (e.type === "text" || e.type === "command") && LONG.test(e.text);
}

/** Options of the engine pool. */
export interface EnginePoolOptions {
  /** Engine threads for long turns; 0 runs every turn on the worker's own thread. */
  threads: number;
  /** A thread for ordinary turns while the worker is busy (see `EnginePool`); default false. */
  turnThread?: boolean;
  /** How busy the worker is: the number of sessions it is processing events of right now. */
  load?: () => number;
  /** A session moves between this thread and the turn thread at most once in this long (default 0.5 s). */
  moveCooldownMs?: number;
  init: EngineInit;
  logger: Logger;
}

/**
 * Sessions underway in the worker (averaged, see `LOAD_SMOOTHING`) at which its ordinary turns move to
 * the turn thread, and at which they come back (between the two, a session stays where it is open:
 * moving one costs a restore).
 */
const OFFLOAD_AT = 2.5;
const INLINE_AT = 1.5;
/** Weight of the newest sample in the load average (taken as each turn picks its place). */
const LOAD_SMOOTHING = 0.1;
/** A session moves between this thread and the turn thread at most once in this long (by default). */
const MOVE_COOLDOWN_MS = 500;
/** Sessions remembered as about to move (the oldest is forgotten beyond this). */
const MAX_PACKING = 4096;

/**
 * The engine. Long turns (`isLongTurn`) run on engine threads, so that a learner's `sleep 24h` holds
 * up neither the other jobs nor lock renewal and health probes. Ordinary turns (well under a
 * millisecond on an open session) run on the worker's own thread while it has little else to do:
 * there a hop to another thread would cost more than it saves. While the worker is busy
 * (`OFFLOAD_AT` sessions underway or more), they run on the turn thread instead, so the turns use
 * a second CPU while this thread keeps BullMQ, Redis and the commits moving; once the worker is
 * quiet again (`INLINE_AT`) they come back. A session is held open where its last turn ran; a turn
 * elsewhere restores it from the record. To keep that to opening its text (about a millisecond)
 * rather than replaying its log (up to ten), a session about to move first packs its full text
 * where it is, and it moves at most once per `moveCooldownMs`.
 */
export class EnginePool {
  readonly threads: number;
  readonly #inline: Lane;
  /** The turn thread for ordinary turns while the worker is busy, if there is one. */
  readonly #turns: Lane | undefined;
  readonly #pool: Lane[];
  readonly #logger: Logger;
  readonly #load: () => number;
  readonly #cooldownMs: number;
  /** The worker's load (`opts.load`), averaged over the last turns (see `LOAD_SMOOTHING`). */
  #busy = 0;
  /** Sessions about to move: their next turn where they are packs the full text. */
  readonly #packing = new Set<string>();
  /** When each session was last opened on, or moved to, this thread or the turn thread (oldest first). */
  readonly #moved = new Map<string, number>();
  #open = true;

  constructor(opts: EnginePoolOptions) {
    this.threads = Math.max(0, Math.floor(opts.threads));
    this.#logger = opts.logger;
    this.#load = opts.load ?? (() => 0);
    this.#cooldownMs = opts.moveCooldownMs ?? MOVE_COOLDOWN_MS;
    const capacity = Math.max(1, opts.init.cacheSize);
    const core = new EngineCore({ ...opts.init, logger: opts.logger }, capacity);
    this.#inline = new Lane(() => new InlineChannel(core), capacity);
    this.#turns = opts.turnThread
      ? new Lane(
          (onStop) =>
            new ThreadChannel({ ...opts.init, cacheSize: capacity }, opts.logger, () => {
              onStop();
              if (this.#open) opts.logger.warn({ thread: "turns" }, "turn thread stopped; a new one starts");
            }),
          capacity,
        )
      : undefined;
    // Threads hold only the sessions whose long turn they ran last.
    const small = Math.max(1, Math.ceil(capacity / 10));
    const init = { ...opts.init, cacheSize: small };
    this.#pool = Array.from(
      { length: this.threads },
      (_, i) =>
        new Lane(
          (onStop) =>
            new ThreadChannel(init, opts.logger, () => {
              onStop();
              if (this.#open) opts.logger.warn({ thread: i }, "engine thread stopped; a new one starts");
            }),
          small,
        ),
    );
  }

  /**
   * Starts the first engine thread and waits until it has loaded, so a thread that cannot start
   * (tsx missing, a syntax error) fails the worker's start rather than every long turn. The others
   * start on first use.
   */
  async start(): Promise<void> {
    const chs = [this.#pool[0]?.channel(), this.#turns?.channel()];
    await Promise.all(chs.map((ch) => (ch instanceof ThreadChannel ? ch.ready : undefined)));
  }

  #thread(tag: string): Lane | undefined {
    return this.#pool[engineThreadOf(tag, this.#pool.length)];
  }

  #lane(tag: string, job: EventJob): Lane {
    return (isLongTurn(job) ? this.#thread(tag) : undefined) ?? this.#ordinary(tag);
  }

  /** Where an ordinary turn of `tag` runs now: see the class comment. */
  #ordinary(tag: string): Lane {
    const turns = this.#turns;
    if (!turns) return this.#inline;
    // How busy the worker is, smoothed: jobs come and go in bursts, and a session should not move
    // because one arrived at a quiet instant.
    this.#busy += (this.#load() - this.#busy) * LOAD_SMOOTHING;
    const load = this.#busy;
    // Both may hold it when a turn on one settled after the other took the session over: the later
    // version is the one to keep.
    const there = turns.holds(tag);
    const here = this.#inline.holds(tag);
    const current =
      there === undefined && here === undefined
        ? undefined
        : (there ?? -1) > (here ?? -1)
          ? turns
          : this.#inline;
    if (current !== undefined && there !== undefined && here !== undefined)
      (current === turns ? this.#inline : turns).forget(tag);
    const wanted = load >= OFFLOAD_AT ? turns : load <= INLINE_AT ? this.#inline : (current ?? this.#inline);
    if (current === wanted) {
      this.#packing.delete(tag);
      return wanted;
    }
    const now = Date.now();
    if (current !== undefined) {
      const last = this.#moved.get(tag);
      if (last !== undefined && now - last < this.#cooldownMs) return current;
      // A session with a log is first packed where it is (one turn writes its full text), so the
      // other side opens the text without replaying the log: about a millisecond, not ten.
      if (current.logLength(tag) > 0) {
        this.#packing.add(tag);
        // (A session that never comes back must not stay here for ever.)
        if (this.#packing.size > MAX_PACKING) this.#packing.delete(this.#packing.values().next().value ?? "");
        return current;
      }
      this.#packing.delete(tag);
      current.forget(tag);
    }
    // Opened or moved now: the cooldown starts.
    this.#moved.delete(tag);
    this.#moved.set(tag, now);
    for (const [old, at] of this.#moved) {
      if (now - at < this.#cooldownMs) break;
      this.#moved.delete(old);
    }
    return wanted;
  }

  /** Runs `job` on the session at `rec`. The answer rejects (retryably) if its thread stops. */
  run(tag: string, job: EventJob, rec: TurnRecord): EngineTurn {
    return this.#lane(tag, job).run(tag, job, rec, this.#packing.has(tag));
  }

  /** The number (and epoch) of the session `job`'s engine holds open for `tag`, as this worker committed it. */
  held(tag: string, job: EventJob): { applied: number; epoch?: string | undefined } | undefined {
    return this.#lane(tag, job).held(tag);
  }

  /** Runs event number `seq` on the open session, if `job`'s engine holds the one just before it. */
  early(tag: string, job: EventJob, seq: number): EarlyTurn | undefined {
    return this.#lane(tag, job).early(tag, job, seq, this.#packing.has(tag));
  }

  /** A commit kept the session's text (a refused or skipped event): the open one moves on with it. */
  rekey(tag: string, from: number, to: { version: number; applied: number }): void {
    this.#inline.rekey(tag, from, to);
    this.#turns?.rekey(tag, from, to);
    this.#thread(tag)?.rekey(tag, from, to);
  }

  /** Turns waiting for an engine thread's answer (a gauge for metrics and tests). */
  get inFlight(): number {
    return this.#lanes().reduce((n, l) => n + l.inFlight, 0);
  }

  /** Where the ordinary turns of `tag` would find its session open: "inline", "turn-thread" or none. */
  whereOpen(tag: string): "inline" | "turn-thread" | undefined {
    const there = this.#turns?.holds(tag);
    const here = this.#inline.holds(tag);
    if (there === undefined && here === undefined) return undefined;
    return (there ?? -1) > (here ?? -1) ? "turn-thread" : "inline";
  }

  #lanes(): Lane[] {
    return [...(this.#turns ? [this.#turns] : []), ...this.#pool];
  }

  /** Stops the thread `tag`'s long turns go to, as a crash would (for tests); turns on it fail and retry. */
  async stopThreadOf(tag: string): Promise<void> {
    await this.#thread(tag)?.close();
  }

  /** Stops every engine thread (after the worker has finished its jobs). */
  async close(): Promise<void> {
    this.#open = false;
    await Promise.all([this.#inline, ...this.#lanes()].map((l) => l.close().catch(() => {})));
    this.#logger.debug?.({ threads: this.threads }, "engine pool closed");
  }
}
