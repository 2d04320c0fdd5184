// A session as stored: the packed text (`data`) and, after it, a short log of the events applied
// since, so that most commits write one small entry instead of the whole packed session.
//
// Why: packing (JSON, deflate) was the largest part of a warm turn, and it ran on every event even
// though the engine keeps the session open. An event is deterministic on the session it starts from
// (the same session and event give the same session and reply: live.test.ts and the warm-vs-restored
// tests check it), so the record (data, log) describes one session exactly: restore `data`, apply
// the log's events again in order. A turn packs the full text (and empties the log) when it
// has to: the first event of a session, a turn that had to replay a log (so a session handed between
// workers replays at most one entry), an event carrying a manifest or a long line (so the byte limit
// is measured exactly whenever a large input arrives), or a log at LOG_MAX_ENTRIES / LOG_MAX_BYTES.

import type { SessionRecord, SessionRef } from "@bosun/store";
import { type Content, type LiveSession, openSession, type SessionParse, unpackSession } from "@bosun/tutor";
import { z } from "zod";
import { actorSchema, type EventJob, tutorEventSchema } from "./schemas.ts";

/** Entries a log may hold before the next turn packs the full text. */
export const LOG_MAX_ENTRIES = 32;
/** Bytes of log entries (all together) before the next turn packs the full text. */
export const LOG_MAX_BYTES = 16 * 1024;
/** An entry longer than this (a long pasted line) is not logged: the turn packs the full text. */
export const LOG_MAX_ENTRY_BYTES = 2 * 1024;

/** What a log entry holds: all that a turn's outcome depends on besides the session and content. */
const entrySchema = z.object({
  /** The event's sequence number in its session (entries rise strictly). */
  s: z.number().int().positive(),
  /** `sentAt`: the sandbox's clock catches up to it. */
  t: z.number(),
  a: actorSchema,
  e: tutorEventSchema,
});

/** The log entry for `job`, event number `seq` (JSON: never a line break, as the store requires). */
export function logEntry(job: EventJob, seq: number): string {
  return JSON.stringify({ s: seq, t: job.sentAt, a: job.actor, e: job.event });
}

/** Whether `job` may be logged rather than packed, judged on its input alone. */
export function loggable(job: EventJob): boolean {
  const e = job.event;
  return !("stdin" in e && e.stdin !== undefined);
}

/** Bytes of a log as stored (entries and the line breaks between them). */
export function logBytes(log: readonly string[]): number {
  let n = Math.max(0, log.length - 1);
  for (const e of log) n += e.length;
  return n;
}

/** Whether two logs are the same entries. */
export function sameLog(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Applies the log's events to `live` (the session restored from the record's data), in order.
 * Throws when an entry does not parse or numbers go backwards: the record is damaged.
 */
export function replayLog(
  live: LiveSession,
  log: readonly string[],
  ctx: { content: Parameters<LiveSession["apply"]>[1]["content"]; group: boolean },
): void {
  let last = 0;
  for (const text of log) {
    const entry = entrySchema.parse(JSON.parse(text));
    if (entry.s <= last) throw new Error(`log entry ${entry.s} comes after ${last}`);
    last = entry.s;
    live.apply(entry.e, { now: entry.t, actor: entry.a, content: ctx.content, group: ctx.group });
  }
}

/**
 * The session a stored record holds: its text, with its log applied again. For tools and tests that
 * look inside a session; `ref` tells whether it is a group sandbox, as the worker ran it.
 */
export function readStoredSession(
  rec: Pick<SessionRecord, "data" | "log">,
  ref: SessionRef,
  content: Content,
): SessionParse {
  const parsed = unpackSession(rec.data ?? "");
  if (!parsed.ok || !rec.log?.length) return parsed;
  try {
    const live = openSession(parsed.session);
    replayLog(live, rec.log, { content, group: ref.scope === "channel" });
    return { ok: true, session: live.save() };
  } catch (err) {
    return { ok: false, issues: [`(log): ${err instanceof Error ? err.message : String(err)}`] };
  }
}
