// The commands worker: every command job in, session changes and replies out.
//
// Ordering and exactly-once processing of events
// ----------------------------------------------
// 1. Sequence numbers. While the producer adds the job, it asks the store for the event's place in
//    its session (`store.place(session, eventId)`: 1, 2, 3, … per session; the same event id always
//    gets the same number); the job does not carry the number (jobs from older producers may, as
//    `seq`). The producer's next event is numbered only after this one, so numbers follow the send
//    order. The BullMQ job id is `jobIdOf(eventId)`, so a re-sent event is one job. The session
//    record holds `applied`: the highest number applied.
// 2. Apply only the next one. A worker loads the record with the event's number (numbering the
//    event itself if the producer's call has not landed yet): `seq <= applied` means the event was
//    applied already (a redelivery, or a worker died after committing): its reply is re-sent from the
//    outbox if still there, and nothing else happens. `seq === applied + 1`: the event runs and is
//    committed with compare-and-set on the record's version and epoch, which the store accepts only
//    if `seq === applied + 1` still holds; a lost race reloads and decides again. A worker whose
//    engine holds the session as it committed it last skips the load: it takes the event to be
//    number `applied + 1` and the commit also checks that the event holds that number.
// 3. Defer. `seq > applied + 1`: an earlier event of the session is not applied yet (it is waiting,
//    running elsewhere, or retrying). The job moves itself back to the delayed set for a few
//    milliseconds (`job.moveToDelayed` + `DelayedError`, which costs no attempt) and tries again.
//    Sessions are thus applied in send order although many workers run in parallel.
// 4. Gap skip. If the missing event's job is gone for good (never added because the producer died
//    between `sequence` and `add`, removed, or failed for good) and this job has waited longer than
//    the grace period (5 s), the missing number is consumed with an empty commit and a warning, so a
//    session can never wedge. Its outbox gets a "skipped" mark: should the late job turn up after
//    all, its sender is told to send it again rather than being silently ignored.
// 5. Outbox. The commit stores the reply with the session in one atomic write. Then the reply is
//    added to its reply queue with a job id derived from the event id, and the outbox entry is dropped
//    by the session's next commit, or by a timer when none comes soon (pending-acks.ts).
//    A crash anywhere is repaired by the job's redelivery (step 2); a reply added twice is one job.
//    Delivery to the adapter is therefore at least once, and processing exactly once per event id.
//
// Where the engine runs
// ---------------------
// The tutor turn (reuse the open session or restore it, run the event, log or pack the result) runs
// on this thread while the worker has little else to do: with the session held open it takes well
// under a millisecond, less than a hop to another thread would cost. While the worker is busy
// (several sessions underway), ordinary turns run on a turn thread instead (`turnThread`, default
// on), so that they use a second CPU while this thread keeps BullMQ, Redis and the commits moving.
// Turns that may let much cluster time pass (`isLongTurn`: `sleep`, kubectl's waits and watches;
// seconds of work on a busy sandbox) run on a small pool of engine threads (`engineThreads`, default
// 1; 0 runs them here too), so that they hold up neither the other jobs nor lock renewal and health
// probes. A session is held open where its last turn ran (engine-core.ts, engine-pool.ts). Only
// plain data crosses to a thread: the event, the record's version and, when the thread may not hold
// the session, its stored text and log; back come the packed text or a log entry (session-log.ts),
// and the reply. A thread that dies fails its turns (the jobs are retried: nothing was committed)
// and is replaced on next use; `close` stops the pool after the jobs in flight.

import { type RateLimit, type SessionStore, StoreError } from "@bosun/store";
import type { Content } from "@bosun/tutor";
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { Redis } from "ioredis";
import { closeWorker } from "./close-worker.ts";
import type { WorkerContext } from "./context.ts";
import { defaultEngineThreads, EnginePool } from "./engine-pool.ts";
import { DefaultSessionLimits, type SessionLimits } from "./limits.ts";
import { errFields, type Logger, silentLogger } from "./logger.ts";
import { COMMANDS_QUEUE, DEFAULT_QUEUE_PREFIX } from "./names.ts";
import { PendingAcks } from "./pending-acks.ts";
import { processEvent, replyJobIdOf } from "./process-event.ts";
import {
  leaderboardJob,
  quizScheduleJob,
  quizUnscheduleJob,
  roundAnswerJob,
  roundCloseJob,
  roundOpenJob,
} from "./quiz-jobs.ts";
import { redisOptions } from "./redis-options.ts";
import { note, replyJob, replyQueueOf } from "./replies.ts";
import { ReplySender } from "./reply-sender.ts";
import { type CommandJob, commandJobSchema } from "./schemas.ts";

/** One processed job, for metrics. `deferred`: an event waiting for an earlier one of its session. */
export interface JobInfo {
  kind: string;
  ms: number;
  outcome: "ok" | "failed" | "deferred";
}

/** Options of `startWorker`. */
export interface WorkerOptions {
  redisUrl: string;
  /** BullMQ key prefix (default `DEFAULT_QUEUE_PREFIX`). */
  prefix?: string;
  store: SessionStore;
  /** Lessons and quiz bank: `loadContentOrThrow(readContentDir())`, once per process. */
  content: Content;
  /** Jobs run at once by this worker (default 8). */
  concurrency?: number;
  limits?: Partial<SessionLimits>;
  /** Per-learner token bucket (default 20 commands, 2 more per second); `false` turns it off. */
  rate?: RateLimit | false;
  /** BullMQ lock duration (default 30 s) and stalled-job check interval (default 30 s). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** How long a missing earlier event may stay absent before its number is skipped (default 5 s). */
  gapGraceMs?: number;
  /** Open sessions kept per worker (default 500; engine threads keep a tenth of that each). */
  cacheSize?: number;
  /**
   * Engine threads for long turns (`isLongTurn`: sleeps, waits, watches; default 1). 0 runs every
   * turn on the worker's own thread (a long command then holds up everything else in the process).
   */
  engineThreads?: number;
  /**
   * A thread that runs ordinary turns while the worker is busy (default true): see `EnginePool`.
   * False keeps them on the worker's own thread always.
   */
  turnThread?: boolean;
  logger?: Logger;
  onJob?(info: JobInfo): void;
}

/** Defaults of `startWorker`'s options. */
export const DefaultWorkerOptions = {
  prefix: DEFAULT_QUEUE_PREFIX,
  concurrency: 8,
  rate: { capacity: 20, refillPerSecond: 2 },
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  gapGraceMs: 5_000,
  cacheSize: 500,
  turnThread: true,
} as const;

/** A running commands worker. */
export interface BosunWorker {
  readonly worker: Worker;
  /** The engine threads (0: the engine runs on this thread). */
  readonly engine: EnginePool;
  /** Stops taking jobs, finishes those in flight, and closes its connections (not the store). */
  close(): Promise<void>;
}

async function dispatch(ctx: WorkerContext, job: Job, token: string | undefined): Promise<"ok" | "deferred"> {
  const parsed = commandJobSchema.safeParse(job.data);
  if (!parsed.success) {
    ctx.logger.error(
      {
        jobId: job.id,
        name: job.name,
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`),
      },
      "invalid command job dropped",
    );
    throw new UnrecoverableError("invalid command job payload");
  }
  const data = parsed.data;
  try {
    return await run(ctx, job, token, data);
  } catch (err) {
    // The store refusing an argument, or a record it cannot read, will not heal with retries.
    if (!(err instanceof StoreError) || (err.code !== "invalid-argument" && err.code !== "corrupt-record"))
      throw err;
    ctx.logger.error(
      { jobId: job.id, kind: data.kind, ...errFields(err) },
      "command job refused by the store",
    );
    if ("eventId" in data)
      await ctx.replies.send(
        replyQueueOf(data),
        replyJobIdOf(data.eventId),
        replyJob(data, "notice", "personal", note(STORE_REFUSED)),
      );
    throw new UnrecoverableError(`store refused the job: ${err.code}`);
  }
}

const STORE_REFUSED =
  "Sorry, I could not read or save the data this needs, so nothing was done. If it keeps happening, tell whoever runs Bosun: the details are in its logs.";

async function run(
  ctx: WorkerContext,
  job: Job,
  token: string | undefined,
  data: CommandJob,
): Promise<"ok" | "deferred"> {
  switch (data.kind) {
    case "event":
      return processEvent(ctx, job, token, data);
    case "round-answer":
      await roundAnswerJob(ctx, data);
      return "ok";
    case "leaderboard":
      await leaderboardJob(ctx, data);
      return "ok";
    case "quiz-schedule":
      await quizScheduleJob(ctx, data);
      return "ok";
    case "quiz-unschedule":
      await quizUnscheduleJob(ctx, data);
      return "ok";
    case "round-open":
      await roundOpenJob(ctx, data);
      return "ok";
    case "round-close":
      await roundCloseJob(ctx, data);
      return "ok";
  }
}

/**
 * Runs the `commands` queue: load session → advance its clock → tutor → compare-and-set save →
 * reply. Resolves once the worker is connected.
 */
export async function startWorker(opts: WorkerOptions): Promise<BosunWorker> {
  const logger = opts.logger ?? silentLogger;
  const prefix = opts.prefix ?? DefaultWorkerOptions.prefix;
  // One connection for every queue the worker writes to (commands, replies); BullMQ leaves a
  // connection it was given open, so it is closed here.
  const shared = new Redis(redisOptions(opts.redisUrl, "worker", `${prefix}:worker`));
  shared.on("error", (err) => logger.warn({ err: err.message }, "worker redis connection error"));
  const commands = new Queue(COMMANDS_QUEUE, { connection: shared, prefix });
  commands.on("error", (err) => logger.warn({ err: err.message }, "commands queue error"));
  const replies = new ReplySender(shared, prefix, logger);
  const limits = { ...DefaultSessionLimits, ...opts.limits };
  const underway = new Map<string, number>();
  const engine = new EnginePool({
    threads: opts.engineThreads ?? defaultEngineThreads(),
    turnThread: opts.turnThread ?? DefaultWorkerOptions.turnThread,
    load: () => underway.size,
    init: { content: opts.content, limits, cacheSize: opts.cacheSize ?? DefaultWorkerOptions.cacheSize },
    logger,
  });
  try {
    await engine.start();
  } catch (err) {
    await engine.close();
    await commands.close();
    await shared.quit().catch(() => shared.disconnect());
    throw err;
  }
  const ctx: WorkerContext = {
    store: opts.store,
    content: opts.content,
    limits,
    rate: opts.rate ?? DefaultWorkerOptions.rate,
    logger,
    commands,
    replies,
    engine,
    acks: new PendingAcks(opts.store, logger),
    underway,
    gapGraceMs: opts.gapGraceMs ?? DefaultWorkerOptions.gapGraceMs,
  };
  const worker = new Worker(
    COMMANDS_QUEUE,
    async (job, token) => {
      const t0 = performance.now();
      const kind = typeof job.data?.kind === "string" ? job.data.kind : job.name;
      try {
        const outcome = await dispatch(ctx, job, token);
        opts.onJob?.({ kind, ms: performance.now() - t0, outcome });
      } catch (err) {
        const outcome = err instanceof DelayedError ? "deferred" : "failed";
        opts.onJob?.({ kind, ms: performance.now() - t0, outcome });
        throw err;
      }
    },
    {
      connection: redisOptions(opts.redisUrl, "worker", `${prefix}:worker`),
      prefix,
      concurrency: opts.concurrency ?? DefaultWorkerOptions.concurrency,
      lockDuration: opts.lockDurationMs ?? DefaultWorkerOptions.lockDurationMs,
      stalledInterval: opts.stalledIntervalMs ?? DefaultWorkerOptions.stalledIntervalMs,
      // A stall (lost lock after a dropped connection) is harmless here: redelivery is exactly once.
      maxStalledCount: 5,
    },
  );
  worker.on("error", (err) => logger.warn(errFields(err), "commands worker error"));
  worker.on("failed", (job, err) => {
    if (err instanceof UnrecoverableError) return;
    logger.warn(
      { jobId: job?.id, kind: job?.name, attempt: job?.attemptsMade, ...errFields(err) },
      "command job failed",
    );
  });
  await worker.waitUntilReady();
  let closing: Promise<void> | undefined;
  return {
    worker,
    engine,
    close() {
      closing ??= (async () => {
        // Jobs in flight finish first; a worker that cannot close (see close-worker.ts) is left.
        await closeWorker(
          worker,
          logger,
          COMMANDS_QUEUE,
          opts.lockDurationMs ?? DefaultWorkerOptions.lockDurationMs,
        );
        await ctx.acks.close();
        await engine.close();
        await replies.close();
        await commands.close();
        await shared.quit().catch(() => shared.disconnect());
      })();
      return closing;
    },
  };
}
