// One event applied to one session record: rate limit, input size, the engine turn, damaged sessions.

import { createHash } from "node:crypto";
import { type RateDecision, type SessionRecord, sessionTag } from "@bosun/store";
import { packSession } from "@bosun/tutor";
import type { WorkerContext } from "./context.ts";
import { freshSession } from "./engine-core.ts";
import { type EarlyTurn, type EngineTurn, holds } from "./engine-pool.ts";
import { baseReply, type TurnResult } from "./engine-turn.ts";
import { manifestTooBig } from "./limits.ts";
import { errFields } from "./logger.ts";
import { note } from "./replies.ts";
import type { EventJob, ReplyJob } from "./schemas.ts";

const CORRUPT_TEXT =
  "Your saved sandbox could not be read (it may be damaged or from a newer Bosun), so nothing was run and nothing was changed. " +
  "Type `reset` to set it aside and start over with a fresh sandbox.";

function isReset(job: EventJob): boolean {
  const e = job.event;
  if (e.type === "reset") return true;
  return (e.type === "text" || e.type === "command") && /^\s*reset\b/i.test(e.text);
}

/** What to commit for an event, and the engine turn (if one ran) to settle once the commit is known. */
export interface Turn {
  /** The full session text to commit, or `log`: an entry to append (session-log.ts); neither: unchanged. */
  data?: string;
  log?: string;
  reply: ReplyJob;
  refused?: TurnResult["refused"];
  engine?: EngineTurn;
}

/** A damaged session: `reset` replaces it (keeping the old text aside), anything else is refused. */
async function corrupt(ctx: WorkerContext, job: EventJob, rec: SessionRecord, base: ReplyJob): Promise<Turn> {
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
  const data = packSession(freshSession(tag, job));
  ctx.logger.warn({ session: tag }, "damaged session replaced by a fresh one at the learner's reset");
  return {
    data,
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
 * `runTurn` without waiting, when nothing needs to: no rate limit to take, no input to measure, and
 * an early turn that the engine answered at once on this very record (it runs on this thread).
 * Undefined otherwise: then `runTurn`. Keeping the path from job to commit free of awaits puts the
 * commit on the wire before anything else the process has queued.
 */
export function runTurnNow(
  ctx: WorkerContext,
  job: EventJob,
  rec: SessionRecord,
  early: EarlyTurn | undefined,
): Turn | undefined {
  const answer = early?.ready;
  if (ctx.rate || "stdin" in job.event || !early || answer?.kind !== "done" || !holds(early.assumed, rec))
    return undefined;
  return {
    reply: answer.reply,
    engine: early,
    ...(answer.data !== undefined ? { data: answer.data } : {}),
    ...(answer.log !== undefined ? { log: answer.log } : {}),
    ...(answer.refused ? { refused: answer.refused } : {}),
  };
}

/**
 * Applies `job` (number `applied + 1`) to the loaded record through the engine, or takes `early`
 * (a turn run before the record came back) when it ran on this very record; a refused or unused
 * early turn is settled here. `taken`: the learner's rate-limit token, already asked for (else it is
 * taken here). Never throws for anything a user sends (a stopped engine thread throws, and the job
 * is retried).
 */
export async function runTurn(
  ctx: WorkerContext,
  job: EventJob,
  rec: SessionRecord,
  early?: EarlyTurn,
  taken?: Promise<RateDecision>,
): Promise<Turn> {
  const base = baseReply(job);

  if (ctx.rate) {
    const d = await (taken ?? ctx.store.take(rateKeyOf(job), ctx.rate, job.sentAt));
    if (!d.allowed) {
      early?.settle();
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
    if (bytes > ctx.limits.manifestBytes) {
      early?.settle();
      return { reply: { ...base, reply: note(manifestTooBig(bytes, ctx.limits)) }, refused: "manifest" };
    }
  }

  const tag = sessionTag(job.session);
  let engine: EngineTurn | undefined;
  let answer: Awaited<EngineTurn["answer"]> | undefined;
  if (early && holds(early.assumed, rec)) {
    answer = await early.answer;
    engine = early;
    if (answer.kind === "miss") {
      early.settle();
      engine = undefined;
    }
  } else early?.settle();
  if (!engine) {
    engine = ctx.engine.run(tag, job, rec);
    answer = await engine.answer;
  }
  if (answer?.kind !== "done") {
    engine.settle();
    return corrupt(ctx, job, rec, base);
  }
  return {
    reply: answer.reply,
    engine,
    ...(answer.data !== undefined ? { data: answer.data } : {}),
    ...(answer.log !== undefined ? { log: answer.log } : {}),
    ...(answer.refused ? { refused: answer.refused } : {}),
  };
}
