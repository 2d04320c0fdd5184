// One event applied to one session record: rate limit, input size, the session to start from, damaged sessions.

import { createHash } from "node:crypto";
import { type SessionRecord, sessionTag } from "@bosun/store";
import { newSession, openSession, packSession, type Session, unpackSession } from "@bosun/tutor";
import type { WorkerContext } from "./context.ts";
import { baseReply, type Current, type EarlyTurn, engineTurn, type TurnResult } from "./engine-turn.ts";
import { manifestTooBig, sandboxSize } from "./limits.ts";
import { errFields } from "./logger.ts";
import { note } from "./replies.ts";
import type { EventJob, ReplyJob } from "./schemas.ts";
import { seedOf } from "./seed.ts";

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

/**
 * The learner's token bucket: `<platform>:<workspace>:<actor id>`, escaped (a store name may not
 * hold `{` or `}`) and hashed when longer than a store name may be.
 */
export function rateKeyOf(job: EventJob): string {
  const key = `${job.platform}:${encodeURIComponent(job.session.workspace)}:${encodeURIComponent(job.actor.id)}`;
  return key.length <= 200 ? key : `${job.platform}:h:${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Applies `job` (number `applied + 1`) to the loaded record, or takes `early` (a turn run before
 * the record came back) when it was run on this very record. Never throws for anything a user sends.
 */
export async function runTurn(
  ctx: WorkerContext,
  job: EventJob,
  rec: SessionRecord,
  early?: EarlyTurn,
): Promise<TurnResult> {
  const base = baseReply(job);

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

  if (early && early.version === rec.version && early.data === rec.data) return early.result;
  const current = currentSession(ctx, job, rec);
  if (!current) return corrupt(ctx, job, rec, base);
  const result = engineTurn(ctx, job, current);
  return result === "session-invalid" ? corrupt(ctx, job, rec, base) : result;
}
