// The SessionStore contract: versioned session records with per-session event order, channel
// documents, and rate-limit buckets. Implemented in memory and on Redis; one contract suite runs both.

import { z } from "zod";

const idText = z.string().min(1).max(200);

/** Where a session's events come from. `cli` is the terminal tutor running against a Redis. */
export const platformSchema = z.enum(["slack", "discord", "cli"]);
export type Platform = z.infer<typeof platformSchema>;

/**
 * A sandbox's identity. Personal: platform + workspace (Slack team, Discord guild, `dm` for direct
 * messages) + user. Group: platform + workspace + channel or thread id.
 */
export const sessionRefSchema = z.object({
  platform: platformSchema,
  workspace: idText,
  scope: z.enum(["user", "channel"]),
  /** The user id for a personal sandbox, the channel (or thread) id for a group sandbox. */
  id: idText,
});
export type SessionRef = z.infer<typeof sessionRefSchema>;

/** A channel that plays quiz rounds (its board and schedule). */
export const channelRefSchema = z.object({
  platform: platformSchema,
  workspace: idText,
  channel: idText,
});
export type ChannelRef = z.infer<typeof channelRefSchema>;

/** Where a session stands, without its text: `peek`. */
export interface SessionStanding {
  version: number;
  applied: number;
  epoch?: string;
  /** The number the event asked about holds, if it is numbered. */
  eventSeq?: number;
}

/** A session as stored: `version` 0 and no `data` when the session does not exist yet. */
export interface SessionRecord {
  /** Compare-and-set version: bumped by every commit. 0 for a session never written. */
  version: number;
  /** Highest event sequence number applied (or skipped) so far; 0 when none. */
  applied: number;
  /**
   * Set by the first commit and kept for the session's life: a session removed (or expired) and
   * started again gets another, so `version` and `applied` alone cannot be mistaken for it.
   */
  epoch?: string;
  /** With `load(ref, { seqOf })`: the number that event holds, if it is numbered. */
  eventSeq?: number;
  /** The session text (`packSession` output); undefined when no session was saved yet. */
  data?: string;
  /**
   * Entries committed with `log` since `data` was last written, oldest first (absent when none):
   * the session is `data` with these events applied again, in order.
   */
  log?: string[];
  /**
   * Reply payloads committed with an event but not yet acknowledged as delivered, by event id. With
   * `load(ref, { outbox: id })` only that entry is read (if it is there).
   */
  outbox: Record<string, string>;
}

/** Options of `load`. */
export interface LoadOptions {
  /** Read only this outbox entry (the one a redelivered event needs), not the whole outbox. */
  outbox?: string;
  /** Also read the number this event id holds (`eventSeq`), in the same round trip. */
  seqOf?: string;
}

/** What a worker writes after applying event number `seq`. */
export interface CommitInput {
  /** The version the worker loaded; the commit fails with `conflict` if it changed since. */
  expectVersion: number;
  /**
   * The `epoch` the worker last saw: the commit fails with `conflict` unless the session still has
   * it. Lets a worker commit on top of what it committed before without loading the record first.
   */
  expectEpoch?: string;
  /**
   * The commit fails with `conflict` unless this event id holds number `seq`: for a worker that took
   * the number to be `applied + 1` without asking (its job did not carry one).
   */
  expectEvent?: string;
  /** The event's sequence number: must be `applied + 1` at commit time. */
  seq: number;
  /**
   * The new session text (it replaces `data` and empties the log); omitted, with `log` omitted too,
   * to consume `seq` without changing the session (a skipped event).
   */
  data?: string;
  /**
   * Instead of `data`: one entry appended to the session's log (the event, to apply again on top of
   * `data`). Cheaper than a full text when the session is big and the event small. No line breaks.
   */
  log?: string;
  /** Outbox entries (replies delivered since) dropped in the same write: at most 64 ids. */
  acks?: string[];
  /** A reply to keep until `ack`: delivered at least once even if the worker dies after the commit. */
  outbox?: { id: string; payload: string };
  /**
   * Also answer with the id of event `seq + 1` if it is numbered already (`next` in the result), so
   * the worker can wake it without asking `eventAt` in another round trip, and with the session's
   * `epoch`.
   */
  withNext?: boolean;
}

/** With `withNext`: `next`, the id holding number `seq + 1` (when there is one), and the epoch. */
export type CommitResult =
  | { ok: true; version: number; next?: string; epoch?: string }
  | { ok: false; reason: "conflict" };

/** A versioned document that is not a session (a channel's quiz board, its schedule). */
export interface Doc {
  version: number;
  data?: string;
}

/** A token bucket: `capacity` tokens, refilled at `refillPerSecond`. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole tokens left after this request (rounded down). */
  remaining: number;
  /** When not allowed: how long (ms, rounded up) until `cost` tokens are back; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * The store. Every method is atomic on its own. Keys of one session share a Redis Cluster hash tag,
 * so sessions spread across shards while each session's keys stay on one.
 */
export interface SessionStore {
  /**
   * Places event `eventId` in its session's order and returns its sequence number (1, 2, …). The
   * same event id always gets the same number (within the dedup window), so a redelivered event is
   * recognised. Refreshes the session's TTL.
   */
  sequence(ref: SessionRef, eventId: string): Promise<number>;
  /**
   * `sequence`, also saying whether the id was numbered before (`known`): a producer learns that an
   * event is new without asking the queue. An id forgotten by the dedup window counts as new.
   */
  place(ref: SessionRef, eventId: string): Promise<{ seq: number; known: boolean }>;
  /** The id of the event that holds sequence number `seq`, if it is still remembered. */
  eventAt(ref: SessionRef, seq: number): Promise<string | undefined>;
  /** The session record (version 0 and no data when it does not exist). */
  load(ref: SessionRef, opts?: LoadOptions): Promise<SessionRecord>;
  /**
   * Where the session stands (version, number applied, epoch) and the number event `eventId` holds,
   * as `load` would say them, without reading the text, the log or the outbox: one plain read.
   */
  peek(ref: SessionRef, eventId: string): Promise<SessionStanding>;
  /** Compare-and-set write; refreshes the TTL. See CommitInput. */
  commit(ref: SessionRef, input: CommitInput): Promise<CommitResult>;
  /** Drops a delivered reply from the outbox. */
  ack(ref: SessionRef, outboxId: string): Promise<void>;
  /** Deletes the session entirely (its record, order and outbox). */
  remove(ref: SessionRef): Promise<void>;
  /** A versioned document by name (e.g. `channelDocName(ref, "quiz")`). */
  getDoc(name: string): Promise<Doc>;
  /**
   * Compare-and-set write of a document; refreshes its TTL. `data` undefined deletes the data but the
   * version still moves on (the version lives until the TTL), so a writer holding an older version
   * cannot write over a delete.
   */
  putDoc(name: string, expectVersion: number, data: string | undefined): Promise<CommitResult>;
  /**
   * Takes `cost` tokens (default 1, at most the capacity) from bucket `key` at time `now` (epoch ms).
   * A missing bucket is full; a `now` earlier than the last take refills nothing. Results are
   * computed from `now` alone, so tests pass virtual times.
   */
  take(key: string, limit: RateLimit, now: number, cost?: number): Promise<RateDecision>;
  /** Releases connections (a no-op in memory); later calls on a Redis store fail with `closed`. */
  close(): Promise<void>;
}

/** Options shared by both implementations. */
export interface StoreOptions {
  /** Prefix of every key (tests use their own). */
  prefix?: string;
  /** Idle sessions and documents expire after this long; every use refreshes it. */
  ttlMs?: number;
  /**
   * How many recent event ids each session remembers to recognise redelivery: handing out number n
   * forgets the id numbered n − dedupWindow (which then gets a new number if it comes again).
   */
  dedupWindow?: number;
}

export const DefaultStoreOptions = {
  prefix: "bosun",
  ttlMs: 30 * 24 * 3600 * 1000,
  dedupWindow: 256,
} as const satisfies Required<StoreOptions>;
