// An event job, in its session's order and exactly once: see the design note in worker.ts.

import { type SessionRecord, type SessionStanding, sessionTag } from "@bosun/store";
import { DelayedError, type Job } from "bullmq";
import type { WorkerContext } from "./context.ts";
import type { EarlyTurn } from "./engine-pool.ts";
import { rateKeyOf, runTurn, runTurnNow, type Turn } from "./event-turn.ts";
import { jobIdOf } from "./names.ts";
import { note, replyJob, replyQueueOf } from "./replies.ts";
import { type EventJob, type ReplyJob, replyJobSchema } from "./schemas.ts";

/** Outbox payload of an event whose number was skipped because its job never came. */
const SKIPPED = JSON.stringify({ skipped: true });
/**
 * Sessions underway in the worker up to which a held session's reply may go out with its commit
 * (`standsAsHeld`): the peek that allows it costs a Redis call, which saves a round trip of
 * latency when the worker is quiet but only adds work when it is busy.
 */
const PEEK_WHILE_UNDERWAY = 2;
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

/** Whether the event may start early on an open session: not if its input is refused for size anyway. */
function earlyAllowed(ctx: WorkerContext, data: EventJob): boolean {
  const stdin = "stdin" in data.event ? data.event.stdin : undefined;
  return stdin === undefined || Buffer.byteLength(stdin, "utf8") <= ctx.limits.manifestBytes;
}

/** The record an open session stands for: what this worker last committed of it. */
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

/**
 * Whether the session stands, as the peek saw it while the turn ran, exactly where the held session
 * says (version, epoch, number applied) and the event holds number `seq`. Then the turn started from
 * the one session that number `seq - 1` can be, and ran the event that holds `seq`: only a commit of
 * this very event (a redelivery racing this worker) could take `seq` first, and turns are
 * deterministic, so its reply is this reply. So the reply may go out with the commit instead of
 * after it. Not with a rate limit: its decision does not follow from the session.
 */
function standsAsHeld(peek: SessionStanding | undefined, held: EarlyTurn["assumed"], seq: number): boolean {
  return (
    peek !== undefined &&
    peek.version === held.version &&
    peek.applied === seq - 1 &&
    held.applied === seq - 1 &&
    peek.epoch === held.epoch &&
    peek.eventSeq === seq
  );
}

/** Loads the record with this event's outbox entry and, when `number`, the event's number. */
function reload(ctx: WorkerContext, data: EventJob, number: boolean): Promise<SessionRecord> {
  return ctx.store.load(data.session, { outbox: data.eventId, ...(number ? { seqOf: data.eventId } : {}) });
}

/** Processes an event job. Throws DelayedError after deferring itself; other throws are retried. */
export async function processEvent(
  ctx: WorkerContext,
  job: Job,
  token: string | undefined,
  data: EventJob,
): Promise<"ok" | "deferred"> {
  // Jobs of each session underway in this worker: a number is guessed only when one is (see below).
  const tag = sessionTag(data.session);
  ctx.underway.set(tag, (ctx.underway.get(tag) ?? 0) + 1);
  try {
    return await applyEvent(ctx, job, token, data, tag);
  } finally {
    const n = (ctx.underway.get(tag) ?? 1) - 1;
    if (n > 0) ctx.underway.set(tag, n);
    else ctx.underway.delete(tag);
  }
}

/** The rounds of one event: load (or not), decide, run, commit, reply. */
async function applyEvent(
  ctx: WorkerContext,
  job: Job,
  token: string | undefined,
  data: EventJob,
  tag: string,
): Promise<"ok" | "deferred"> {
  const ref = data.session;
  // The event's number: in the job if the producer had it when adding the job; otherwise (the
  // producer numbers the event while the job is being added) read with the record, or taken to be
  // the one after the session this worker holds open, which the commit then checks (`expectEvent`).
  let known = data.seq;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // When the engine holds the session as this worker committed it just before this event, the
    // event runs on it and is committed without loading the record first: one commit per number,
    // so if the store is still at that number with the same epoch, it holds that very session. The
    // commit's compare-and-set (version, epoch, number, and the event's number) checks it; a conflict
    // (a redelivery race, a session removed and begun again, a wrong guess of the number) loads the
    // record and runs the event again. Otherwise the record is loaded while the engine runs the
    // event early on its open session, if it can; the early turn is kept only if it started from
    // the record as loaded.
    // A number is guessed only while no other job of the session is underway in this worker: two
    // would guess the same one.
    const alone = known !== undefined || (ctx.underway.get(tag) ?? 0) === 1;
    const held = round === 0 && alone && earlyAllowed(ctx, data) ? ctx.engine.held(tag, data) : undefined;
    const guess = known ?? (held ? held.applied + 1 : undefined);
    const commitsAlone = held?.epoch !== undefined && guess === held.applied + 1;
    // Only this event's outbox entry is read: it matters only if the event was applied already.
    const loading = commitsAlone ? undefined : reload(ctx, data, known === undefined);
    // Sent before the turn runs, so that it comes back while the turn runs: see `standsAsHeld`. Only
    // while the worker is quiet: a busy one is bound by its CPU, not by the round trips of one event.
    const peeking =
      commitsAlone && !ctx.rate && ctx.underway.size <= PEEK_WHILE_UNDERWAY
        ? ctx.store.peek(ref, data.eventId)
        : undefined;
    peeking?.catch(() => {});
    // With a rate limit, the learner's token is asked for while the turn runs too: on the session
    // this worker holds, the event runs in this round (a refused commit runs it again, as before).
    const taking =
      commitsAlone && ctx.rate ? ctx.store.take(rateKeyOf(data), ctx.rate, data.sentAt) : undefined;
    taking?.catch(() => {});
    const early = held && guess !== undefined ? ctx.engine.early(tag, data, guess) : undefined;
    const assumed = early?.assumed;
    // (The engine said what it holds just now, so it has the early turn; if not, load after all.)
    const optimistic = commitsAlone && assumed !== undefined;
    let turn: Turn | undefined;
    try {
      const rec =
        optimistic && assumed ? recordOf(assumed) : await (loading ?? reload(ctx, data, known === undefined));
      // Not numbered yet when loaded: the producer's numbering is still on its way. Numbering is the
      // same whoever asks first (and the producer's next event is numbered only after this one).
      if (!optimistic) known ??= rec.eventSeq ?? (await ctx.store.sequence(ref, data.eventId));
      const seq = optimistic ? guess : (known ?? 0);
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
      turn = runTurnNow(ctx, data, rec, early) ?? (await runTurn(ctx, data, rec, early, taking));
      const payload = JSON.stringify(turn.reply);
      const acks = ctx.acks.peek(tag);
      const committing = ctx.store.commit(ref, {
        expectVersion: rec.version,
        ...(rec.epoch !== undefined ? { expectEpoch: rec.epoch } : {}),
        ...(known === undefined ? { expectEvent: data.eventId } : {}),
        seq,
        ...(turn.data !== undefined ? { data: turn.data } : turn.log !== undefined ? { log: turn.log } : {}),
        outbox: { id: data.eventId, payload },
        ...(acks.length > 0 ? { acks } : {}),
        withNext: true,
      });
      // (Awaited below; a failure while the peek is awaited must not count as unhandled.)
      committing.catch(() => {});
      // The reply goes out with the commit rather than after it when nobody else can commit this
      // number differently (see `standsAsHeld`). The peek went out on the store's connection before
      // the commit, so it saw the record as it was before this commit.
      const ahead =
        optimistic && assumed && peeking && turn.engine === early
          ? standsAsHeld(await peeking.catch(() => undefined), assumed, seq)
          : false;
      const replying = ahead
        ? ctx.replies.send(replyQueueOf(data), replyJobIdOf(data.eventId), turn.reply)
        : undefined;
      if (replying) ctx.logger.debug?.({ session: tag, seq }, "reply sent with its commit");
      replying?.catch(() => {});
      const r = await committing;
      // A lost race drops the open session the turn used (it ran ahead of what the store holds).
      if (!r.ok) {
        if (replying) {
          // Only a redelivery of this very event can have committed this number since the peek,
          // and it gives the same reply (turns are deterministic): the next round finds it applied.
          await replying.catch(() => {});
          ctx.logger.warn({ session: tag, seq }, "commit refused after its reply was sent");
        } else if (optimistic)
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
      await (replying ?? ctx.replies.send(replyQueueOf(data), replyJobIdOf(data.eventId), turn.reply));
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
