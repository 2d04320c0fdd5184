// An event job, in its session's order and exactly once: see the design note in worker.ts.

import { type SessionRecord, sessionTag } from "@bosun/store";
import { DelayedError, type Job } from "bullmq";
import type { WorkerContext } from "./context.ts";
import type { EarlyTurn } from "./engine-pool.ts";
import { runTurn, type Turn } from "./event-turn.ts";
import { jobIdOf } from "./names.ts";
import { note, replyJob, replyQueueOf } from "./replies.ts";
import { type EventJob, type ReplyJob, replyJobSchema } from "./schemas.ts";

/** Outbox payload of an event whose number was skipped because its job never came. */
const SKIPPED = JSON.stringify({ skipped: true });
/** Reloads after a lost compare-and-set before the job is failed (and retried by BullMQ). */
const MAX_ROUNDS = 12;

/** The job id of the reply to event `eventId` (stable, so a re-sent reply is a duplicate). */
export function replyJobIdOf(eventId: string): string {
  return jobIdOf(`reply-${eventId}`);
}

/** Sends the reply kept in the outbox for this event (if still there) and drops it from the outbox. */
async function redeliver(ctx: WorkerContext, job: EventJob, rec: SessionRecord): Promise<void> {
  const kept = rec.outbox[job.eventId];
  if (kept === undefined) return;
  let reply: ReplyJob | undefined;
  if (kept === SKIPPED) {
    reply = replyJob(
      job,
      "reply",
      "personal",
      note("That message reached me too late to run in order, so it was skipped. Please send it again."),
    );
  } else {
    try {
      const r = replyJobSchema.safeParse(JSON.parse(kept));
      if (r.success) reply = r.data;
    } catch {
      // fall through: an unreadable outbox entry is dropped below
    }
  }
  if (reply) await ctx.replies.send(replyQueueOf(job), replyJobIdOf(job.eventId), reply);
  else ctx.logger.warn({ eventId: job.eventId }, "unreadable outbox entry dropped");
  await ctx.store.ack(job.session, job.eventId);
}

/**
 * Whether the event holding number `seq` is gone for good: its id is forgotten, or its job is not
 * waiting, delayed or running (never added, removed, or failed for good) — and the waiting job is
 * older than the grace period, so an add that is merely in flight is not mistaken for a loss.
 */
async function gapAbandoned(
  ctx: WorkerContext,
  job: Job,
  data: EventJob,
  seq: number,
): Promise<{ abandoned: boolean; missing?: string }> {
  if (Date.now() - job.timestamp < ctx.gapGraceMs) return { abandoned: false };
  const missing = await ctx.store.eventAt(data.session, seq);
  if (missing === undefined) return { abandoned: true };
  const state = await ctx.commands.getJobState(jobIdOf(missing));
  const gone = state === "unknown" || state === "failed" || state === "completed";
  return gone ? { abandoned: true, missing } : { abandoned: false, missing };
}

/**
 * The defer back-off: longer the further from its turn the job is (20 ms per event ahead, 50 ms to
 * 1 s). Waiting long is cheap, because the event before it promotes it when done (`promoteNext`).
 */
function deferMs(ahead: number): number {
  return Math.min(1000, 50 + 20 * ahead) + Math.floor(Math.random() * 10);
}

/**
 * Wakes the session's next event (`next`, named by the commit) if it is waiting in the delayed set,
 * so a session's backlog runs at the speed of the work, not of the defer back-off. Best effort: the
 * back-off is the fallback.
 */
async function promoteNext(ctx: WorkerContext, next: string | undefined): Promise<void> {
  if (next === undefined) return;
  try {
    const job = await ctx.commands.getJob(jobIdOf(next));
    if (job && (await job.isDelayed())) await job.promote();
  } catch {
    // Not delayed any more (promoted, running, or done): nothing to do.
  }
}

/** Starts the event early on the engine's open session, unless its input is refused for size anyway. */
function earlyTurn(ctx: WorkerContext, data: EventJob, seq: number, tag: string): EarlyTurn | undefined {
  const stdin = "stdin" in data.event ? data.event.stdin : undefined;
  if (stdin !== undefined && Buffer.byteLength(stdin, "utf8") > ctx.limits.manifestBytes) return undefined;
  return ctx.engine.early(tag, data, seq);
}

/** The record a trusted open session stands for (what this worker last committed). */
function recordOf(held: EarlyTurn["assumed"]): SessionRecord {
  return {
    version: held.version,
    applied: held.applied,
    data: held.data,
    ...(held.log.length > 0 ? { log: held.log } : {}),
    ...(held.epoch !== undefined ? { epoch: held.epoch } : {}),
    outbox: {},
  };
}

/** Loads the record after all (an early turn that did not start, e.g. its input is refused for size). */
function reload(ctx: WorkerContext, data: EventJob): Promise<SessionRecord> {
  return ctx.store.load(data.session, { outbox: data.eventId });
}

/** Processes an event job. Throws DelayedError after deferring itself; other throws are retried. */
export async function processEvent(
  ctx: WorkerContext,
  job: Job,
  token: string | undefined,
  data: EventJob,
): Promise<"ok" | "deferred"> {
  const ref = data.session;
  const tag = sessionTag(ref);
  const seq = data.seq ?? (await ctx.store.sequence(ref, data.eventId));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // When the engine holds the session as this worker committed it just before this event (number
    // seq - 1), the event runs on it and is committed without loading the record first: one commit
    // per number, so if the store is still at seq - 1 with the same epoch, it holds that very session.
    // The commit's compare-and-set (version, epoch, number) checks it; a conflict (a redelivery race,
    // or a session removed and begun again) loads the record and runs the event again. Otherwise the
    // record is loaded while the engine runs the event early on its open session, if it can, and
    // the early turn is kept only if it started from the record as loaded.
    const optimistic = round === 0 && ctx.engine.peek(tag, data, seq);
    // Only this event's outbox entry is read: it matters only if the event was applied already.
    const loading = optimistic ? undefined : ctx.store.load(ref, { outbox: data.eventId });
    const early = round === 0 ? earlyTurn(ctx, data, seq, tag) : undefined;
    const assumed = early?.assumed;
    let turn: Turn | undefined;
    try {
      const rec = loading === undefined && assumed ? recordOf(assumed) : await (loading ?? reload(ctx, data));
      if (seq <= rec.applied) {
        early?.settle();
        await redeliver(ctx, data, rec);
        return "ok";
      }
      if (seq > rec.applied + 1) {
        early?.settle();
        const gap = await gapAbandoned(ctx, job, data, rec.applied + 1);
        if (gap.abandoned) {
          const r = await ctx.store.commit(ref, {
            expectVersion: rec.version,
            seq: rec.applied + 1,
            ...(gap.missing !== undefined ? { outbox: { id: gap.missing, payload: SKIPPED } } : {}),
          });
          if (r.ok) {
            ctx.engine.rekey(tag, rec.version, { version: r.version, applied: rec.applied + 1 });
            ctx.logger.warn(
              { session: tag, seq: rec.applied + 1, missing: gap.missing },
              "skipped an event whose job never arrived",
            );
          }
          continue;
        }
        await job.moveToDelayed(Date.now() + deferMs(seq - rec.applied - 1), token);
        throw new DelayedError();
      }
      turn = await runTurn(ctx, data, rec, early);
      const payload = JSON.stringify(turn.reply);
      const acks = ctx.acks.peek(tag);
      const r = await ctx.store.commit(ref, {
        expectVersion: rec.version,
        ...(rec.epoch !== undefined ? { expectEpoch: rec.epoch } : {}),
        seq,
        ...(turn.data !== undefined ? { data: turn.data } : turn.log !== undefined ? { log: turn.log } : {}),
        outbox: { id: data.eventId, payload },
        ...(acks.length > 0 ? { acks } : {}),
        withNext: true,
      });
      // A lost race drops the open session the turn used (it ran ahead of what the store holds).
      if (!r.ok) {
        if (optimistic)
          ctx.logger.debug?.(
            { session: tag, seq },
            "commit without load refused; running the event on the stored session",
          );
        continue;
      }
      ctx.acks.done(tag, acks);
      if (turn.engine) turn.engine.settle({ version: r.version, applied: seq, epoch: r.epoch });
      else if (turn.data === undefined && turn.log === undefined)
        ctx.engine.rekey(tag, rec.version, { version: r.version, applied: seq });
      if (turn.refused)
        ctx.logger.info({ session: tag, eventId: data.eventId, refused: turn.refused }, "event refused");
      // The next event may run as soon as this one is committed: wake it while the reply goes out.
      const promoting = promoteNext(ctx, r.next);
      await ctx.replies.send(replyQueueOf(data), replyJobIdOf(data.eventId), turn.reply);
      ctx.acks.add(tag, ref, data.eventId);
      await promoting;
      return "ok";
    } finally {
      // Whatever did not commit above is dropped by the engine (settle acts once only).
      early?.settle();
      turn?.engine?.settle();
    }
  }
  throw new Error(`session ${tag}: gave up after ${MAX_ROUNDS} compare-and-set conflicts`);
}
