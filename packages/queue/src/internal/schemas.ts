// Job payloads, validated with zod where they enter and leave the queue. A payload that fails is
// unrecoverable: it fails once, with a log line, and is never retried.

import { channelRefSchema, platformSchema, sessionRefSchema } from "@bosun/store";
import type { Action, ReplyBlock, TutorEvent, TutorReply } from "@bosun/tutor";
import { z } from "zod";
import { REPLY_QUEUE_PATTERN } from "./names.ts";

const idText = z.string().min(1).max(200);
/** A command line: the simulator refuses lines over 16 KiB itself, with kubectl's words. */
const lineText = z.string().max(32 * 1024);
/** Standard input (a pasted manifest). The worker's per-session limit is lower and friendlier. */
const stdinText = z.string().max(2 * 1024 * 1024);

export const actorSchema = z.object({ id: idText, name: z.string().min(1).max(200) });

/** A TutorEvent as it travels in a job. */
export const tutorEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: lineText, stdin: stdinText.exactOptional() }),
  z.object({ type: z.literal("command"), text: lineText, stdin: stdinText.exactOptional() }),
  z.object({ type: z.literal("help") }),
  z.object({
    type: z.literal("lesson"),
    action: z.enum(["list", "start", "next", "status"]),
    lesson: z.number().int().min(0).max(999).exactOptional(),
  }),
  z.object({ type: z.literal("hint") }),
  z.object({ type: z.literal("solution") }),
  z.object({ type: z.literal("quiz") }),
  z.object({ type: z.literal("answer"), questionId: idText, answer: z.string().max(2000) }),
  z.object({ type: z.literal("review") }),
  z.object({ type: z.literal("progress") }),
  z.object({
    type: z.literal("reset"),
    confirm: z.boolean().exactOptional(),
    all: z.boolean().exactOptional(),
  }),
  z.object({ type: z.literal("skip") }),
]) satisfies z.ZodType<TutorEvent>;

const replyText = z.string().max(1024 * 1024);

export const replyBlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: replyText }),
  z.object({
    kind: z.literal("code"),
    text: replyText,
    command: z.string().exactOptional(),
    exitCode: z.number().int().exactOptional(),
  }),
  z.object({ kind: z.literal("diff"), lines: z.array(z.string()) }),
  z.object({
    kind: z.literal("hint"),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: replyText,
  }),
  z.object({ kind: z.literal("success"), text: replyText }),
  z.object({ kind: z.literal("warning"), text: replyText, lesson: z.number().int().exactOptional() }),
  z.object({ kind: z.literal("tip"), text: replyText, lesson: z.number().int().exactOptional() }),
  z.object({ kind: z.literal("progress"), text: replyText, percent: z.number().exactOptional() }),
  z.object({
    kind: z.literal("quiz"),
    questionId: z.string(),
    prompt: replyText,
    choices: z.array(z.string()).exactOptional(),
  }),
]) satisfies z.ZodType<ReplyBlock>;

export const actionSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(80),
  style: z.enum(["primary", "danger"]).exactOptional(),
}) satisfies z.ZodType<Action>;

export const tutorReplySchema = z.object({
  blocks: z.array(replyBlockSchema).max(200),
  actions: z.array(actionSchema).max(25),
}) satisfies z.ZodType<TutorReply>;

/**
 * Where the adapter must deliver the reply: opaque to the worker, copied onto the reply as is.
 * Slack: `{ responseUrl, channel, threadTs, … }`; Discord: `{ interactionId, token, channelId, … }`.
 */
export const replyTargetSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(4096), z.number(), z.boolean()]))
  .refine((t) => Object.keys(t).length <= 32, "a reply target has at most 32 fields");
export type ReplyTarget = z.infer<typeof replyTargetSchema>;

/** Fields every job from a person carries. */
const fromPerson = {
  v: z.literal(1),
  /** The platform's event id; also the BullMQ job id, so a redelivered event is not run twice. */
  eventId: idText,
  platform: platformSchema,
  actor: actorSchema,
  /** When the person sent it (epoch ms): the sandbox's clock follows the time between events. */
  sentAt: z.number().int().nonnegative(),
  target: replyTargetSchema,
  /** Deliver the reply to this queue instead of `replies-<platform>` (a terminal's private queue). */
  replyQueue: z.string().regex(REPLY_QUEUE_PATTERN).exactOptional(),
};

/** A fresh session's sandbox, when the event is the session's first. */
export const sessionInitSchema = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  profile: z.enum(["fast", "realistic", "chaos"]).exactOptional(),
});

/** A learner's (or group member's) event for a session. */
export const eventJobSchema = z.object({
  kind: z.literal("event"),
  ...fromPerson,
  session: sessionRefSchema,
  event: tutorEventSchema,
  /** The event's place in its session's order (`SessionStore.sequence`), set by the producer. */
  seq: z.number().int().positive().exactOptional(),
  init: sessionInitSchema.exactOptional(),
});

/** A member's answer to the open round of a channel quiz (typed, or a `round:` button). */
export const roundAnswerJobSchema = z.object({
  kind: z.literal("round-answer"),
  ...fromPerson,
  channel: channelRefSchema,
  answer: z.string().max(2000),
});

export const leaderboardJobSchema = z.object({
  kind: z.literal("leaderboard"),
  ...fromPerson,
  channel: channelRefSchema,
});

/** Registers (or replaces) a channel's quiz schedule. The adapter has checked the member may. */
export const quizScheduleJobSchema = z.object({
  kind: z.literal("quiz-schedule"),
  ...fromPerson,
  channel: channelRefSchema,
  /** Five-field cron expression. */
  cron: z.string().min(1).max(120),
  /** IANA time zone of the cron expression; UTC when absent. */
  tz: z.string().min(1).max(64).exactOptional(),
  /** How long a round takes answers before the reveal. */
  revealAfterMs: z
    .number()
    .int()
    .min(60_000)
    .max(7 * 24 * 3600 * 1000),
  /** Where rounds are posted (a channel, not the scheduling member's reply). */
  channelTarget: replyTargetSchema,
});

export const quizUnscheduleJobSchema = z.object({
  kind: z.literal("quiz-unschedule"),
  ...fromPerson,
  channel: channelRefSchema,
});

/** Fired by a channel's job scheduler: open a round. Also usable at once (`quiz now`). */
export const roundOpenJobSchema = z.object({
  kind: z.literal("round-open"),
  v: z.literal(1),
  platform: platformSchema,
  channel: channelRefSchema,
  target: replyTargetSchema,
  revealAfterMs: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 3600 * 1000),
});

/** The delayed reveal of round `round`. */
export const roundCloseJobSchema = z.object({
  kind: z.literal("round-close"),
  v: z.literal(1),
  platform: platformSchema,
  channel: channelRefSchema,
  target: replyTargetSchema,
  round: z.number().int().positive(),
});

export const commandJobSchema = z.discriminatedUnion("kind", [
  eventJobSchema,
  roundAnswerJobSchema,
  leaderboardJobSchema,
  quizScheduleJobSchema,
  quizUnscheduleJobSchema,
  roundOpenJobSchema,
  roundCloseJobSchema,
]);
export type CommandJob = z.infer<typeof commandJobSchema>;
export type EventJob = z.infer<typeof eventJobSchema>;
export type RoundAnswerJob = z.infer<typeof roundAnswerJobSchema>;
export type LeaderboardJob = z.infer<typeof leaderboardJobSchema>;
export type QuizScheduleJob = z.infer<typeof quizScheduleJobSchema>;
export type QuizUnscheduleJob = z.infer<typeof quizUnscheduleJobSchema>;
export type RoundOpenJob = z.infer<typeof roundOpenJobSchema>;
export type RoundCloseJob = z.infer<typeof roundCloseJobSchema>;

/**
 * A reply for an adapter to render.
 * - `visibility`: `personal` replies go to the person alone (ephemeral on Slack and Discord);
 *   `channel` replies are for everyone there (group sandboxes, quiz rounds, reveals).
 * - `kind`: `reply` answers an event; `round` is a round's question (its buttons are `round:` ids);
 *   `reveal` closes a round; `notice` is a short note (a round answer taken, a schedule set).
 * - `frames`: for a progressive command (`rollout status`, `--watch`), the output as it grew, oldest
 *   first: an adapter may show each in turn by editing one message, then the final reply.
 */
export const replyJobSchema = z.object({
  v: z.literal(1),
  eventId: idText,
  platform: platformSchema,
  target: replyTargetSchema,
  visibility: z.enum(["personal", "channel"]),
  kind: z.enum(["reply", "round", "reveal", "notice"]),
  actor: actorSchema.exactOptional(),
  reply: tutorReplySchema,
  frames: z
    .array(z.string().max(256 * 1024))
    .max(20)
    .exactOptional(),
  round: z.object({ n: z.number().int().positive(), closesAt: z.number() }).exactOptional(),
});
export type ReplyJob = z.infer<typeof replyJobSchema>;
