// The engine's part of an event: the open session runs it, then the result is measured and packed.

import { sessionTag } from "@bosun/store";
import {
  type Content,
  type LiveSession,
  openSession,
  packSession,
  type Session,
  TutorError,
  type TutorReply,
} from "@bosun/tutor";
import { framesOf } from "./frames.ts";
import { checkLimits, liveSandboxSize, type SandboxSize, type SessionLimits } from "./limits.ts";
import type { Logger } from "./logger.ts";
import { errFields } from "./logger.ts";
import { note, replyJob } from "./replies.ts";
import type { EventJob, ReplyJob } from "./schemas.ts";
import type { CachedSession } from "./session-cache.ts";
import { LOG_MAX_BYTES, LOG_MAX_ENTRIES, LOG_MAX_ENTRY_BYTES, logEntry, loggable } from "./session-log.ts";

/** What the engine needs, wherever it runs (an engine thread or the worker's own thread). */
export interface EngineContext {
  content: Content;
  limits: SessionLimits;
  logger: Logger;
}

/**
 * What to commit for an event. `data` absent: the event's number is consumed but the session stays
 * as it was (rate limited, too big, refused by a limit, unreadable session). `next`: the open
 * session as it stands once `data` is committed, for the cache; absent when the open session (if
 * any was used) no longer matches what the store will hold, so it must be dropped.
 */
export interface TurnResult {
  /** The session's full packed text, to commit as its data (the log starts again). */
  data?: string;
  /** Instead of `data`: the log entry to append (session-log.ts). */
  log?: string;
  /** The open session, to cache under the committed version (`applied` is filled in then). */
  next?: Omit<CachedSession, "version" | "applied">;
  reply: ReplyJob;
  /** Why the session was not changed, for logs and metrics. */
  refused?: "rate" | "manifest" | "limit" | "corrupt" | "engine";
}

/**
 * The stored session's log since its last full text: `entries` and their `bytes`; `pack` when the
 * next commit must write the full text (a new session, or one that was just rebuilt from a log).
 */
export interface LogState {
  entries: number;
  bytes: number;
  pack: boolean;
}

/**
 * The session an event starts from: open already (a cache hit), or to be opened. `bytes`: what the
 * record takes as stored (its text and log).
 */
export type Current = { size: SandboxSize; bytes: number; log: LogState } & (
  | { live: LiveSession; session?: undefined }
  | { live?: undefined; session: Session }
);

/** The empty reply to an event, addressed as its session's replies are. */
export function baseReply(job: EventJob): ReplyJob {
  const group = job.session.scope === "channel";
  return replyJob(job, "reply", group ? "channel" : "personal", { blocks: [], actions: [] });
}

/** The reply schema's bounds (schemas.ts) that an engine reply could break: sizes, never shapes. */
const BOUNDS = {
  blocks: 200,
  actions: 25,
  text: 1024 * 1024,
  actionId: 100,
  label: 80,
  frames: 20,
  frame: 256 * 1024,
};

/**
 * Whether a reply the engine built passes the reply schema. Its shape is the engine's own (typed) and
 * its envelope comes from a validated job, so only sizes are checked: far cheaper than a zod parse.
 */
export function withinReplyBounds(reply: ReplyJob): boolean {
  const { blocks, actions } = reply.reply;
  if (blocks.length > BOUNDS.blocks || actions.length > BOUNDS.actions) return false;
  for (const b of blocks) {
    const text = b.kind === "diff" ? undefined : b.kind === "quiz" ? b.prompt : b.text;
    if (text !== undefined && text.length > BOUNDS.text) return false;
  }
  for (const a of actions)
    if (!a.id || a.id.length > BOUNDS.actionId || !a.label || a.label.length > BOUNDS.label) return false;
  const frames = reply.frames;
  if (frames && (frames.length > BOUNDS.frames || frames.some((f) => f.length > BOUNDS.frame))) return false;
  return true;
}

/** A reply within the reply schema's bounds: an oversized one is replaced by a short note. */
function checked(ctx: EngineContext, reply: ReplyJob): ReplyJob {
  if (withinReplyBounds(reply)) return reply;
  ctx.logger.warn({ eventId: reply.eventId }, "reply too large; replaced");
  const { frames: _f, ...rest } = reply;
  return {
    ...rest,
    reply: note(
      "The output was too large to show here. Narrow it down (a name, `-l`, `-n`, or `| head` style flags like `--tail`).",
    ),
  };
}

/** An engine error (a bug, never the learner's input): logged, and the session left as it was. */
function engineFailed(ctx: EngineContext, job: EventJob, base: ReplyJob, err: unknown): TurnResult {
  ctx.logger.error(
    { session: sessionTag(job.session), eventId: job.eventId, ...errFields(err) },
    "engine failed",
  );
  return {
    reply: {
      ...base,
      reply: note(
        "Something went wrong running that, sorry. Your sandbox is unchanged; try another command.",
      ),
    },
    refused: "engine",
  };
}

/**
 * Runs the event on the session and checks the sandbox limits. Synchronous and deterministic (the
 * same session and event give the same result). Returns "session-invalid" when the stored sandbox
 * does not restore; never throws for anything a user sends.
 */
export function engineTurn(
  ctx: EngineContext,
  job: EventJob,
  seq: number,
  current: Current,
): TurnResult | "session-invalid" {
  const base = baseReply(job);
  let live: LiveSession;
  let reply: TutorReply;
  try {
    live = current.live ?? openSession(current.session);
    reply = live.apply(job.event, {
      now: job.sentAt,
      actor: job.actor,
      content: ctx.content,
      group: job.session.scope === "channel",
    });
  } catch (err) {
    // The open session (if it got that far) is dropped: it may be half way through the event.
    if (err instanceof TutorError && err.code === "session-invalid") {
      ctx.logger.warn(
        { session: sessionTag(job.session), ...errFields(err) },
        "stored sandbox does not restore",
      );
      return "session-invalid";
    }
    return engineFailed(ctx, job, base, err);
  }

  // Measured (and packed, if it is packed) before anything else applies to the open session.
  const size = liveSandboxSize(live.sandbox);
  const was = current.log;
  const entry = !was.pack && loggable(job) ? logEntry(job, seq) : undefined;
  const sep = was.entries > 0 ? 1 : 0;
  const logged =
    entry !== undefined &&
    entry.length <= LOG_MAX_ENTRY_BYTES &&
    was.entries + 1 <= LOG_MAX_ENTRIES &&
    was.bytes + sep + entry.length <= LOG_MAX_BYTES;
  let stored: { data: string } | { log: string };
  let bytes: number;
  let log: LogState;
  if (logged) {
    stored = { log: entry };
    bytes = current.bytes + sep + entry.length;
    log = { entries: was.entries + 1, bytes: was.bytes + sep + entry.length, pack: false };
  } else {
    let data: string;
    try {
      // `save` shares its data with the open session: packed at once.
      data = packSession(live.save());
    } catch (err) {
      return engineFailed(ctx, job, base, err);
    }
    stored = { data };
    bytes = data.length;
    log = { entries: 0, bytes: 0, pack: false };
  }
  const breach = checkLimits(current, { size, bytes }, ctx.limits);
  if (breach) return { reply: { ...base, reply: note(breach.text) }, refused: "limit" };

  const line = "text" in job.event ? job.event.text : undefined;
  const frames = line !== undefined ? framesOf(line, reply) : undefined;
  return {
    ...stored,
    next: { live, size, bytes, log },
    reply: checked(ctx, { ...base, reply, ...(frames ? { frames } : {}) }),
  };
}
