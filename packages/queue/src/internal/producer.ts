// Sends command jobs: validates them, gives events their place in the session's order, dedups by id.

import type { SessionStore } from "@bosun/store";
import { Queue } from "bullmq";
import { QueueError } from "./errors.ts";
import { COMMAND_JOB_OPTIONS } from "./job-options.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { COMMANDS_QUEUE, DEFAULT_QUEUE_PREFIX, jobIdOf } from "./names.ts";
import { redisOptions } from "./redis-options.ts";
import { type CommandJob, commandJobSchema } from "./schemas.ts";

/** Options of `Producer`. */
export interface ProducerOptions {
  redisUrl: string;
  /** BullMQ key prefix (default `DEFAULT_QUEUE_PREFIX`). */
  prefix?: string;
  store: SessionStore;
  logger?: Logger;
}

/**
 * What `send` did. `duplicate`: a job with this id was already in the queue (kept a day once done).
 * An event re-sent after its session's dedup window forgot it (256 later events) reads as new.
 */
export interface SendResult {
  jobId: string;
  duplicate: boolean;
}

/**
 * Sends jobs to the `commands` queue. An `event` goes in with job id `jobIdOf(eventId)`, so a
 * redelivered event is not queued twice, and is numbered in its session at the same time
 * (`store.place`; the same event id always gets the same number). Fails fast when Redis is
 * unreachable: the caller should tell the person to try again, with the same event id if it can
 * (a send that failed half way may still run once; the same id never runs twice).
 */
export class Producer {
  /** The underlying BullMQ Queue of `commands` (tests promote delayed jobs through it). */
  readonly queue: Queue;
  private readonly store: SessionStore;
  private readonly logger: Logger;
  private closed = false;

  constructor(opts: ProducerOptions) {
    this.store = opts.store;
    this.logger = opts.logger ?? silentLogger;
    this.queue = new Queue(COMMANDS_QUEUE, {
      connection: redisOptions(opts.redisUrl, "producer", `${opts.prefix ?? DEFAULT_QUEUE_PREFIX}:producer`),
      prefix: opts.prefix ?? DEFAULT_QUEUE_PREFIX,
      defaultJobOptions: COMMAND_JOB_OPTIONS,
    });
    // Without a listener an 'error' event would end the process; ioredis reconnects by itself.
    this.queue.on("error", (err) =>
      this.logger.warn({ err: err.message }, "commands queue connection error"),
    );
  }

  /** Validates and enqueues a job. Throws QueueError("invalid-job") for a payload that does not parse. */
  async send(job: CommandJob): Promise<SendResult> {
    if (this.closed) throw new QueueError("closed", "the producer is closed");
    const parsed = commandJobSchema.safeParse(job);
    if (!parsed.success)
      throw new QueueError(
        "invalid-job",
        "the job does not match the command job schema",
        parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`),
      );
    const data = parsed.data;
    const jobId = "eventId" in data ? jobIdOf(data.eventId) : undefined;
    const timestamp = Date.now();
    const add = () =>
      this.queue.add(data.kind, data, { timestamp, ...(jobId !== undefined ? { jobId } : {}) });
    // An event is numbered in its session while its job is being added, in one round trip of time:
    // the job does not carry the number, the worker reads it from the session (and numbers the event
    // itself if it gets there first: the same event always gets the same number). The next event
    // of this sender is numbered only after this `send` returns, so numbers follow the send order.
    // An event numbered for the first time cannot have a job yet (the job id is the event id), so
    // only a known one needs the duplicate check below.
    let fresh = false;
    let added: Awaited<ReturnType<typeof add>>;
    if (data.kind === "event") {
      const [placed, job] = await Promise.all([this.store.place(data.session, data.eventId), add()]);
      fresh = !placed.known;
      added = job;
    } else added = await add();
    const id = added.id ?? jobId ?? "";
    if (jobId === undefined || fresh) return { jobId: id, duplicate: false };
    // BullMQ answers an add of an existing id with that id and changes nothing; the stored
    // timestamp tells whether the job is ours or was already there.
    const client = await this.queue.client;
    const stored = await client.hget(this.queue.toKey(jobId), "timestamp");
    const duplicate = stored !== null && Number(stored) !== timestamp;
    if (duplicate) this.logger.debug?.({ jobId, kind: data.kind }, "duplicate job ignored");
    return { jobId: id, duplicate };
  }

  /** Closes the queue's connection (the store is the caller's to close). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.close();
  }
}
