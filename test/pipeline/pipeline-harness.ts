// A pipeline under test: a RedisStore, a Producer, workers and a reply collector, all on one fresh prefix.

import {
  type BosunWorker,
  type CommandJob,
  consumeReplies,
  type EventJob,
  Producer,
  type ReplyConsumer,
  type ReplyJob,
  readStoredSession,
  repliesQueue,
  startWorker,
  type WorkerOptions,
} from "@bosun/queue";
import { RedisStore, type SessionRecord, type SessionRef } from "@bosun/store";
import type { Session } from "@bosun/tutor";
import { afterAll, beforeAll, inject } from "vitest";
import { testContent } from "../support/content.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until } from "../support/wait.ts";

/** Replies collected from a reply queue, with the job id each came as. */
export interface Collected {
  reply: ReplyJob;
  jobId: string;
}

export class Pipeline {
  readonly prefix = uniquePrefix("pipe");
  readonly store: RedisStore;
  readonly producer: Producer;
  readonly workers: BosunWorker[] = [];
  readonly consumers: ReplyConsumer[] = [];
  readonly replies: Collected[] = [];

  constructor(readonly redisUrl: string) {
    this.store = new RedisStore({ redisUrl, prefix: `${this.prefix}-s` });
    this.producer = new Producer({ redisUrl, prefix: `${this.prefix}-q`, store: this.store });
  }

  get queuePrefix(): string {
    return `${this.prefix}-q`;
  }

  async worker(opts: Partial<WorkerOptions> = {}): Promise<BosunWorker> {
    const w = await startWorker({
      redisUrl: this.redisUrl,
      prefix: this.queuePrefix,
      store: this.store,
      content: testContent(),
      ...opts,
    });
    this.workers.push(w);
    return w;
  }

  /** Collects every reply on `queue` (default `replies-slack`). */
  collect(queue = repliesQueue("slack")): void {
    this.consumers.push(
      consumeReplies({
        redisUrl: this.redisUrl,
        prefix: this.queuePrefix,
        queue,
        handle: async (reply, meta) => {
          this.replies.push({ reply, jobId: meta.jobId });
        },
      }),
    );
  }

  /** Replies to event `eventId`, once at least `n` of them arrived. */
  async repliesTo(eventId: string, n = 1): Promise<ReplyJob[]> {
    return until(`reply to ${eventId}`, () => {
      const got = this.replies.filter((r) => r.reply.eventId === eventId).map((r) => r.reply);
      return got.length >= n ? got : undefined;
    });
  }

  /** The stored session of `ref` (its text with its log applied again), or an error. */
  async session(ref: SessionRef): Promise<Session> {
    const parsed = readStoredSession(await this.store.load(ref), ref, testContent());
    if (!parsed.ok) throw new Error(`stored session does not read back: ${parsed.issues.join("; ")}`);
    return parsed.session;
  }

  /** The record of `ref` once every delivered reply has left its outbox (they go shortly after). */
  settled(ref: SessionRef): Promise<SessionRecord> {
    return until("outbox emptied", async () => {
      const rec = await this.store.load(ref);
      return Object.keys(rec.outbox).length === 0 ? rec : undefined;
    });
  }

  send(job: CommandJob) {
    return this.producer.send(job);
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.close()));
    await Promise.all(this.workers.map((w) => w.close()));
    await this.producer.queue.obliterate({ force: true }).catch(() => {});
    await this.producer.close();
    await this.store.close();
  }
}

/**
 * The usual pipeline of a test file: one worker (concurrency 4) and a collector on replies-slack,
 * started before the file's tests and closed after them. Call at the top level; use `p()` in tests.
 */
export function sharedPipeline(): () => Pipeline {
  let p: Pipeline | undefined;
  beforeAll(async () => {
    p = new Pipeline(inject("redisUrl"));
    await p.worker({ concurrency: 4 });
    p.collect();
  });
  afterAll(async () => {
    await p?.close();
  });
  return () => {
    if (!p) throw new Error("the pipeline is used before beforeAll started it");
    return p;
  };
}

let counter = 0;
/** An event job from learner `user` of workspace T1 on Slack. */
export function eventJob(
  session: SessionRef,
  text: string,
  extra: Partial<Pick<EventJob, "eventId" | "sentAt" | "actor" | "event">> = {},
): EventJob {
  counter++;
  return {
    kind: "event",
    v: 1,
    eventId: extra.eventId ?? `e${process.pid}-${Date.now()}-${counter}`,
    platform: session.platform,
    actor: extra.actor ?? { id: session.scope === "user" ? session.id : "U1", name: "Ada" },
    sentAt: extra.sentAt ?? 1_750_000_000_000 + counter * 1000,
    target: { channel: "C1", n: counter },
    session,
    event: extra.event ?? { type: "text", text },
  };
}

/** A personal session on Slack. */
export function userSession(id = "U1"): SessionRef {
  return { platform: "slack", workspace: "T1", scope: "user", id };
}

/** The text of all the reply's blocks, for assertions. */
export function replyText(r: ReplyJob): string {
  return r.reply.blocks
    .map((b) =>
      "text" in b ? b.text : b.kind === "diff" ? b.lines.join("\n") : b.kind === "quiz" ? b.prompt : "",
    )
    .join("\n");
}

/** The text of the first collected reply to `eventId` ("" when none). */
export function textOf(p: Pipeline, eventId: string): string {
  const r = p.replies.find((x) => x.reply.eventId === eventId);
  return r ? replyText(r.reply) : "";
}
