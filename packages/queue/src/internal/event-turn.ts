// One event applied to one session record: rate limit, input size, engine, sandbox limits, the reply.

import { createHash } from "node:crypto";
import { type SessionRecord, sessionTag } from "@bosun/store";
import {
  type LiveSession,
  newSession,
  openSession,
  packSession,
  type Session,
  TutorError,
  type TutorReply,
  unpackSession,
} from "@bosun/tutor";
import type { WorkerContext } from "./context.ts";
import { framesOf } from "./frames.ts";
import { checkLimits, manifestTooBig, sandboxSize } from "./limits.ts";
import { errFields } from "./logger.ts";
import { note, replyJob } from "./replies.ts";
import { type EventJob, type ReplyJob, replyJobSchema } from "./schemas.ts";
import { seedOf } from "./seed.ts";
import type { CachedSession } from "./session-cache.ts";

/**
 * What to commit for an event. `data` absent: the event's number is consumed but the session stays
 * as it was (rate limited, too big, refused by a limit, unreadable session). `next`: the open
 * session as it stands once `data` is committed, for the cache; absent when the open session (if
 * any was used) no longer matches what the store will hold, so it must be dropped.
 */
export interface TurnResult {
  data?: string;
  /** The open session, to cache under the committed version. */
  next?: Omit<CachedSession, "version">;
  reply: ReplyJob;
  /** Why the session was not changed, for logs and metrics. */
  refused?: "rate" | "manifest" | "limit" | "corrupt" | "engine";
}

const CORRUPT_TEXT =
  "Your saved sandbox could not be read (it may be damaged or from a newer Bosun), so nothing was run and nothing was changed. " +
  "Type `reset` to set it aside and start over with a fresh sandbox.";

function isReset(job: EventJob): boolean {
  const e = job.event;
  if (e.type === "reset") return true;
  return (e.type === "text" || e.type === "command") && /^\s*reset\b/i.test(e.text);
}

function freshSession(job: EventJob): Session {
  return newSession({
    seed: job.init?.seed ?? seedOf(sessionTag(job.session)),
    now: job.sentAt,
    ...(job.init?.profile ? { profile: job.init.profile } : {}),
  });
}

/** The session a job starts from, before it is opened (a cache hit is open already). */
type Current = Omit<CachedSession, "version" | "data" | "live"> &
  ({ live: LiveSession; session?: undefined } | { live?: undefined; session: Session });

/**
 * The session at the record's version: the open one from the cache (taken out of it: the event is
 * about to change it), else unpacked or new. Undefined when the stored text does not parse.
 */
function currentSession(ctx: WorkerContext, job: EventJob, rec: SessionRecord): Current | undefined {
  const tag = sessionTag(job.session);
  const hit = ctx.cache.take(tag, rec.version, rec.data);
  if (hit) return hit;
  if (rec.data === undefined) {
    const session = freshSession(job);
    return { session, size: sandboxSize(session.sim, ctx.limits), bytes: 0 };
  }
  const parsed = unpackSession(rec.data);
  if (!parsed.ok) {
    ctx.logger.warn({ session: tag, issues: parsed.issues.slice(0, 3) }, "stored session does not parse");
    return undefined;
  }
  return {
    session: parsed.session,
    size: sandboxSize(parsed.session.sim, ctx.limits),
    bytes: rec.data.length,
  };
}

/** A damaged session: `reset` replaces it (keeping the old text aside), anything else is refused. */
async function corrupt(
  ctx: WorkerContext,
  job: EventJob,
  rec: SessionRecord,
  base: ReplyJob,
): Promise<TurnResult> {
  const tag = sessionTag(job.session);
  if (!isReset(job))
    return {
      reply: {
        ...base,
        reply: {
          blocks: [{ kind: "warning", text: CORRUPT_TEXT }],
          actions: [{ id: "reset:confirm", label: "Start fresh", style: "danger" }],
        },
      },
      refused: "corrupt",
    };
  if (rec.data !== undefined) {
    // Kept aside for an operator: the same TTL as a session, one copy per session.
    const aside = `${tag}:corrupt`;
    try {
      const doc = await ctx.store.getDoc(aside);
      await ctx.store.putDoc(aside, doc.version, rec.data);
    } catch (err) {
      ctx.logger.warn({ session: tag, ...errFields(err) }, "could not keep the damaged session aside");
    }
  }
  const session = freshSession(job);
  const data = packSession(session);
  ctx.logger.warn({ session: tag }, "damaged session replaced by a fresh one at the learner's reset");
  return {
    data,
    next: {
      data,
      live: openSession(session),
      size: sandboxSize(session.sim, ctx.limits),
      bytes: data.length,
    },
    reply: {
      ...base,
      reply: note(
        "Your old sandbox could not be read, so it was set aside and you have a fresh one. Earlier lesson progress could not be recovered; `lesson list` shows where to start.",
        "text",
      ),
    },
  };
}

/** A reply that passes the reply schema: an oversized one is replaced by a short note. */
function checked(ctx: WorkerContext, reply: ReplyJob): ReplyJob {
  const r = replyJobSchema.safeParse(reply);
  if (r.success) return reply;
  ctx.logger.warn(
    { eventId: reply.eventId, issues: r.error.issues.slice(0, 3).map((i) => i.message) },
    "reply too large; replaced",
  );
  const { frames: _f, ...rest } = reply;
  return {
    ...rest,
    reply: note(
      "The output was too large to show here. Narrow it down (a name, `-l`, `-n`, or `| head` style flags like `--tail`).",
    ),
  };
}

/**
 * The learner's token bucket: `<platform>:<workspace>:<actor id>`, escaped (a store name may not
 * hold `{` or `}`) and hashed when longer than a store name may be.
 */
export function rateKeyOf(job: EventJob): string {
  const key = `${job.platform}:${encodeURIComponent(job.session.workspace)}:${encodeURIComponent(job.actor.id)}`;
  return key.length <= 200 ? key : `${job.platform}:h:${createHash("sha256").update(key).digest("hex")}`;
}

/** Applies `job` (number `applied + 1`) to the loaded record. Never throws for anything a user sends. */
export async function runTurn(ctx: WorkerContext, job: EventJob, rec: SessionRecord): Promise<TurnResult> {
  const group = job.session.scope === "channel";
  const base = replyJob(job, "reply", group ? "channel" : "personal", { blocks: [], actions: [] });

  if (ctx.rate) {
    const d = await ctx.store.take(rateKeyOf(job), ctx.rate, job.sentAt);
    if (!d.allowed) {
      const wait = Math.max(1, Math.ceil(d.retryAfterMs / 1000));
      return {
        reply: {
          ...base,
          visibility: "personal",
          reply: note(`You're going a bit fast: give me ${wait} s and try that again.`),
        },
        refused: "rate",
      };
    }
  }

  const stdin = "stdin" in job.event ? job.event.stdin : undefined;
  if (stdin !== undefined) {
    const bytes = Buffer.byteLength(stdin, "utf8");
    if (bytes > ctx.limits.manifestBytes)
      return { reply: { ...base, reply: note(manifestTooBig(bytes, ctx.limits)) }, refused: "manifest" };
  }

  const current = currentSession(ctx, job, rec);
  if (!current) return corrupt(ctx, job, rec, base);

  let live: LiveSession;
  let reply: TutorReply;
  let saved: Session;
  try {
    live = current.live ?? openSession(current.session);
    reply = live.apply(job.event, { now: job.sentAt, actor: job.actor, content: ctx.content, group });
    // Measured and packed below before anything else applies to the open session (`save` shares its data).
    saved = live.save();
  } catch (err) {
    // The open session (if it got that far) is dropped: it may be half way through the event.
    if (err instanceof TutorError && err.code === "session-invalid") {
      ctx.logger.warn(
        { session: sessionTag(job.session), ...errFields(err) },
        "stored sandbox does not restore",
      );
      return corrupt(ctx, job, rec, base);
    }
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

  const size = sandboxSize(saved.sim, ctx.limits);
  const data = packSession(saved);
  const breach = checkLimits(current, { size, bytes: data.length }, ctx.limits);
  if (breach) return { reply: { ...base, reply: note(breach.text) }, refused: "limit" };

  const line = "text" in job.event ? job.event.text : undefined;
  const frames = line !== undefined ? framesOf(line, reply) : undefined;
  return {
    data,
    next: { data, live, size, bytes: data.length },
    reply: checked(ctx, { ...base, reply, ...(frames ? { frames } : {}) }),
  };
}
