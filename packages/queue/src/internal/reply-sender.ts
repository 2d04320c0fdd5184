// Puts replies on reply queues with deterministic job ids, over one shared connection.

import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { REPLY_JOB_OPTIONS } from "./job-options.ts";
import type { Logger } from "./logger.ts";
import type { ReplyJob } from "./schemas.ts";

/** How many reply queues keep an open handle (terminal clients each have a private one). */
const MAX_QUEUES = 256;

/**
 * Adds reply jobs. A reply's job id is derived from what it answers, so adding it again (a retried
 * or redelivered command) is a no-op while the first copy is kept (a day once delivered).
 */
export class ReplySender {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (q) {
      this.queues.delete(name);
      this.queues.set(name, q);
      return q;
    }
    q = new Queue(name, { connection: this.connection, prefix: this.prefix });
    q.on("error", (err) => this.logger.warn({ queue: name, err: err.message }, "reply queue error"));
    this.queues.set(name, q);
    if (this.queues.size > MAX_QUEUES) {
      const [oldName, old] = this.queues.entries().next().value ?? [];
      if (oldName !== undefined && old) {
        this.queues.delete(oldName);
        void old.close().catch(() => {});
      }
    }
    return q;
  }

  /** Adds `reply` to queue `name` as job `jobId`, unless a job with that id is there already. */
  async send(name: string, jobId: string, reply: ReplyJob): Promise<void> {
    await this.queue(name).add(reply.kind, reply, { ...REPLY_JOB_OPTIONS, jobId });
  }

  async close(): Promise<void> {
    const all = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(all.map((q) => q.close()));
  }
}
