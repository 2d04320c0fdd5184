// Command jobs built from what Slack tells us: who, where, and where the reply must go.

import type { CommandJob, EventJob, ReplyTarget } from "@bosun/queue";
import type { SessionRef } from "@bosun/store";
import type { TutorEvent } from "@bosun/tutor";

/** Who did something, where (from a slash command, a button, a modal or an event). */
export interface Origin {
  team: string;
  user: string;
  /** A display name for "<name> ran: …" in group replies. */
  userName: string;
  /** The conversation; absent for a button on the Home tab. */
  channel?: string;
  /** Slack's per-invocation id (trigger_id or event_id): the job's event id. */
  eventId: string;
  responseUrl?: string;
  threadTs?: string;
}

/**
 * Where a reply goes, as the worker hands it back. Fields: `team`, `user`, `channel`,
 * `responseUrl` (personal replies), `threadTs`, `home` ("progress" | "lessons": the Home tab),
 * `dm` (true: the app's DM with the person, for buttons pressed on the Home tab).
 */
export function replyTarget(o: Origin, extra: Record<string, string | boolean> = {}): ReplyTarget {
  const t: ReplyTarget = { team: o.team, user: o.user, ...extra };
  if (o.channel !== undefined) t.channel = o.channel;
  if (o.responseUrl !== undefined) t.responseUrl = o.responseUrl;
  if (o.threadTs !== undefined) t.threadTs = o.threadTs;
  return t;
}

const person = (o: Origin) => ({
  v: 1 as const,
  eventId: o.eventId,
  platform: "slack" as const,
  actor: { id: o.user, name: o.userName.slice(0, 200) || o.user },
  sentAt: Date.now(),
});

/** An `event` job for `session`. */
export function eventJob(
  o: Origin,
  session: SessionRef,
  event: TutorEvent,
  target: ReplyTarget = replyTarget(o),
): EventJob {
  return { kind: "event", ...person(o), session, event, target };
}

const channelRef = (o: Origin, channel: string) => ({
  platform: "slack" as const,
  workspace: o.team,
  channel,
});

/** A member's answer to the channel's open quiz round (`round:q:b` → `quiz:q:b`). */
export function roundAnswerJob(o: Origin, channel: string, answer: string): CommandJob {
  return {
    kind: "round-answer",
    ...person(o),
    channel: channelRef(o, channel),
    answer,
    target: replyTarget(o),
  };
}

export function leaderboardJob(o: Origin, channel: string): CommandJob {
  return { kind: "leaderboard", ...person(o), channel: channelRef(o, channel), target: replyTarget(o) };
}

export function quizScheduleJob(
  o: Origin,
  channel: string,
  schedule: { cron: string; revealAfterMs: number; tz?: string },
): CommandJob {
  return {
    kind: "quiz-schedule",
    ...person(o),
    channel: channelRef(o, channel),
    cron: schedule.cron,
    revealAfterMs: schedule.revealAfterMs,
    ...(schedule.tz !== undefined ? { tz: schedule.tz } : {}),
    channelTarget: { team: o.team, channel },
    target: replyTarget(o),
  };
}

export function quizUnscheduleJob(o: Origin, channel: string): CommandJob {
  return { kind: "quiz-unschedule", ...person(o), channel: channelRef(o, channel), target: replyTarget(o) };
}
