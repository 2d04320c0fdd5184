// The engine's side of an event turn: open sessions by tag, the tutor run, the packed result. It runs
// in an engine thread (engine-thread.ts) or in the worker's own thread (pool size 0); either way it is
// driven by plain-data messages from `EngineClient`, which decides whether the stored text matches.

import { type LiveSession, newSession, openSession, type Session, unpackSession } from "@bosun/tutor";
import { type Current, type EngineContext, engineTurn, type TurnResult } from "./engine-turn.ts";
import { liveSandboxSize, sandboxSize } from "./limits.ts";
import type { EventJob, ReplyJob } from "./schemas.ts";
import { seedOf } from "./seed.ts";
import { type CachedSession, SessionCache } from "./session-cache.ts";
import { logBytes, replayLog } from "./session-log.ts";

/**
 * One event to run. The session it starts from is the record at (`version`, `applied`): `data`, the
 * stored text, and `log`, the events applied since (session-log.ts), are sent only when the engine
 * may not hold that session open; `fresh` when there is no session yet. Without either, the engine
 * must hold it (else it answers `miss`).
 */
export interface TurnRequest {
  id: number;
  tag: string;
  job: EventJob;
  version: number;
  applied: number;
  data?: string;
  log?: string[];
  fresh?: boolean;
  /** Write the full text this turn, not a log entry (the session is about to move to another engine). */
  pack?: boolean;
}

/** What the engine answers: the turn's result, `miss` (send the text), or `invalid` (damaged session). */
export type TurnAnswer =
  | { kind: "done"; data?: string; log?: string; reply: ReplyJob; refused?: TurnResult["refused"] }
  | { kind: "miss" }
  | { kind: "invalid" };

/**
 * Messages to the engine. `settle`: the turn `id` was committed at (version, applied), or not;
 * `drop`: the session moved to another engine.
 */
export type ToEngine =
  | { op: "turn"; req: TurnRequest }
  | { op: "settle"; id: number; committed?: { version: number; applied: number } }
  | { op: "rekey"; tag: string; from: number; to: { version: number; applied: number } }
  | { op: "drop"; tag: string };

/** Messages from an engine thread. */
export type FromEngine =
  | { op: "answer"; id: number; answer: TurnAnswer }
  | { op: "log"; level: "info" | "warn" | "error"; fields: object; msg: string };

/** What an engine thread is started with (`workerData`): plain data only. */
export interface EngineInit {
  content: EngineContext["content"];
  limits: EngineContext["limits"];
  cacheSize: number;
}

/** Turns answered but not yet settled, kept at most this many (an unsettled one is a lost cache hit). */
const MAX_PENDING = 1024;

/** A new session for `tag` (seeded from the tag unless the job says otherwise). */
export function freshSession(tag: string, job: EventJob): Session {
  return newSession({
    seed: job.init?.seed ?? seedOf(tag),
    now: job.sentAt,
    ...(job.init?.profile ? { profile: job.init.profile } : {}),
  });
}

/**
 * Open sessions and the turns run on them. A turn takes the session out of the cache (the event
 * changes it); only `settle` with a commit puts what it became back, under the committed version.
 */
export class EngineCore {
  readonly #ctx: EngineContext;
  readonly #cache: SessionCache;
  readonly #pending = new Map<number, { tag: string; next: Omit<CachedSession, "version" | "applied"> }>();

  constructor(ctx: EngineContext, cacheSize: number) {
    this.#ctx = ctx;
    this.#cache = new SessionCache(cacheSize);
  }

  /** Handles one message; `turn` returns the answer, the others nothing. */
  handle(msg: ToEngine): TurnAnswer | undefined {
    switch (msg.op) {
      case "turn":
        return this.turn(msg.req);
      case "settle":
        this.settle(msg.id, msg.committed);
        return undefined;
      case "rekey":
        this.#cache.rekey(msg.tag, msg.from, msg.to);
        return undefined;
      case "drop":
        this.#cache.delete(msg.tag);
        return undefined;
    }
  }

  /** Runs the event on the session the request names. Never throws for anything a user sends. */
  turn(req: TurnRequest): TurnAnswer {
    const found = this.#current(req);
    if (found === "miss" || found === "invalid") return { kind: found };
    const current = req.pack ? { ...found, log: { ...found.log, pack: true } } : found;
    const result = engineTurn(this.#ctx, req.job, req.applied + 1, current);
    if (result === "session-invalid") return { kind: "invalid" };
    if (result.next) {
      this.#pending.set(req.id, { tag: req.tag, next: result.next });
      if (this.#pending.size > MAX_PENDING) {
        const oldest = this.#pending.keys().next();
        if (!oldest.done) this.#pending.delete(oldest.value);
      }
    }
    return {
      kind: "done",
      reply: result.reply,
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.log !== undefined ? { log: result.log } : {}),
      ...(result.refused ? { refused: result.refused } : {}),
    };
  }

  /** Keeps turn `id`'s open session under the committed version, or drops it. */
  settle(id: number, committed?: { version: number; applied: number }): void {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    if (committed) this.#cache.set(p.tag, { ...p.next, ...committed });
  }

  #current(req: TurnRequest): Current | "miss" | "invalid" {
    if (req.data === undefined && !req.fresh && !req.log?.length) {
      return this.#cache.take(req.tag, req.version, req.applied) ?? "miss";
    }
    this.#cache.delete(req.tag);
    const log = req.log ?? [];
    if (req.data === undefined) {
      // A log is written only after a full text: without one the record is damaged.
      if (log.length > 0) return "invalid";
      const session = freshSession(req.tag, req.job);
      return {
        session,
        size: sandboxSize(session.sim, this.#ctx.limits),
        bytes: 0,
        log: { entries: 0, bytes: 0, pack: true },
      };
    }
    const parsed = unpackSession(req.data);
    if (!parsed.ok) {
      this.#ctx.logger.warn(
        { session: req.tag, issues: parsed.issues.slice(0, 3) },
        "stored session does not parse",
      );
      return "invalid";
    }
    if (log.length === 0)
      return {
        session: parsed.session,
        size: sandboxSize(parsed.session.sim, this.#ctx.limits),
        bytes: req.data.length,
        log: { entries: 0, bytes: 0, pack: false },
      };
    // Rebuilt from the text and its log: this turn writes the full text, so the next worker to
    // take the session (it may be another one) does not replay the same entries again.
    let live: LiveSession;
    try {
      live = openSession(parsed.session);
      replayLog(live, log, { content: this.#ctx.content, group: req.job.session.scope === "channel" });
    } catch (err) {
      this.#ctx.logger.warn(
        { session: req.tag, entries: log.length, err: err instanceof Error ? err.message : String(err) },
        "stored session log does not replay",
      );
      return "invalid";
    }
    const bytes = logBytes(log);
    return {
      live,
      size: liveSandboxSize(live.sandbox),
      bytes: req.data.length + 1 + bytes,
      log: { entries: log.length, bytes, pack: true },
    };
  }
}
