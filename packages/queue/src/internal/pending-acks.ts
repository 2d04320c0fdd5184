// Outbox entries whose replies went out, waiting to be dropped. An entry is dropped by the session's
// next commit (`acks`, the same write) when one comes soon, else by a plain `ack` shortly after: one
// Redis call fewer per event for a learner who keeps typing.
//
// Leaving an entry a little longer is harmless: the outbox is only read for an event that comes
// again after its commit, and its reply, sent again under the same job id, is the same job.

import type { SessionRef, SessionStore } from "@bosun/store";
import { errFields, type Logger } from "./logger.ts";

/** Ids one commit takes along (the store's own bound is 64). */
const PER_COMMIT = 32;

interface Pending {
  ref: SessionRef;
  ids: string[];
  /** When the oldest id came (ms, performance.now()). */
  since: number;
}

/** Delivered replies per session, to drop with the next commit or by the timer. */
export class PendingAcks {
  readonly #byTag = new Map<string, Pending>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;

  /** `delayMs`: how long an id waits for a commit to ride along with before it is acked alone. */
  constructor(
    private readonly store: SessionStore,
    private readonly logger: Logger,
    private readonly delayMs = 250,
  ) {}

  /** The reply to event `id` of session `tag` went out: its outbox entry may go. */
  add(tag: string, ref: SessionRef, id: string): void {
    const p = this.#byTag.get(tag);
    if (p) p.ids.push(id);
    else this.#byTag.set(tag, { ref, ids: [id], since: performance.now() });
    this.#timer ??= setTimeout(() => void this.#tick(), this.delayMs).unref();
  }

  /** Ids for the session's next commit (at most PER_COMMIT); `done` them once it went through. */
  peek(tag: string): string[] {
    return this.#byTag.get(tag)?.ids.slice(0, PER_COMMIT) ?? [];
  }

  /** A commit dropped these ids. */
  done(tag: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const p = this.#byTag.get(tag);
    if (!p) return;
    const gone = new Set(ids);
    p.ids = p.ids.filter((id) => !gone.has(id));
    if (p.ids.length === 0) this.#byTag.delete(tag);
  }

  /** Ids waiting (for metrics and tests). */
  get size(): number {
    let n = 0;
    for (const p of this.#byTag.values()) n += p.ids.length;
    return n;
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    await this.flush(this.delayMs);
    if (this.#byTag.size > 0) this.#timer ??= setTimeout(() => void this.#tick(), this.delayMs).unref();
  }

  /** Acks every id that has waited at least `olderThanMs` (0: all of them), one call per id. */
  async flush(olderThanMs = 0): Promise<void> {
    await this.#flushing;
    const now = performance.now();
    const due: Pending[] = [];
    for (const [tag, p] of this.#byTag)
      if (now - p.since >= olderThanMs) {
        due.push(p);
        this.#byTag.delete(tag);
      }
    if (due.length === 0) return;
    this.#flushing = Promise.all(
      due.flatMap((p) =>
        p.ids.map((id) =>
          this.store.ack(p.ref, id).catch((err: unknown) => {
            // Not fatal: the entry stays until the session expires; a redelivery re-sends the same reply job.
            this.logger.warn(
              { outboxId: id, ...errFields(err) },
              "could not drop a delivered reply from the outbox",
            );
          }),
        ),
      ),
    ).then(() => {});
    await this.#flushing;
  }

  /** Stops the timer and acks everything waiting. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush(0);
  }
}
