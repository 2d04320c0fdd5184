// A channel's quiz board and schedule as store documents, read with zod and written with CAS.

import { type ChannelRef, channelDocName, type SessionStore } from "@bosun/store";
import { type ChannelQuiz, channelQuizSchema, newChannelQuiz } from "@bosun/tutor";
import { z } from "zod";
import type { Logger } from "./logger.ts";
import { replyTargetSchema } from "./schemas.ts";

/** Attempts at a compare-and-set before giving up (the job is then retried by BullMQ). */
const MAX_CAS = 8;

/** The escaped channel identity for names that may not hold ":" (BullMQ ids): `slack-T1-C9`. */
export function channelIdOf(ch: ChannelRef): string {
  const part = (s: string) =>
    encodeURIComponent(s).replace(/[-.!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${ch.platform}-${part(ch.workspace)}-${part(ch.channel)}`;
}

/** The BullMQ job scheduler of a channel's quiz rounds. */
export function quizSchedulerIdOf(ch: ChannelRef): string {
  return `quiz-${channelIdOf(ch)}`;
}

/** A channel's quiz schedule as remembered for showing and removing it. */
export const quizScheduleDocSchema = z.object({
  v: z.literal(1),
  cron: z.string(),
  tz: z.string().optional(),
  revealAfterMs: z.number().int().positive(),
  target: replyTargetSchema,
  /** Who set it, and when (epoch ms). */
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.number(),
});
export type QuizScheduleDoc = z.infer<typeof quizScheduleDocSchema>;

/**
 * Reads the channel's quiz, lets `step` decide the next one (it may send replies first: their job
 * ids are deterministic, so a retried step sends nothing twice), and saves it with compare-and-set,
 * recomputing on a conflict. `step` returns undefined to leave the document as it is.
 */
export async function updateChannelQuiz(
  store: SessionStore,
  ch: ChannelRef,
  logger: Logger,
  step: (quiz: ChannelQuiz) => Promise<ChannelQuiz | undefined>,
): Promise<void> {
  const name = channelDocName(ch, "quiz");
  for (let i = 0; i < MAX_CAS; i++) {
    const doc = await store.getDoc(name);
    const quiz = parseQuiz(doc.data, name, logger);
    const next = await step(quiz);
    if (next === undefined) return;
    const r = await store.putDoc(name, doc.version, JSON.stringify(next));
    if (r.ok) return;
  }
  throw new Error(`channel quiz ${name}: too many concurrent updates`);
}

/** The channel's quiz, or a new one (a damaged document is logged and started afresh). */
export async function readChannelQuiz(
  store: SessionStore,
  ch: ChannelRef,
  logger: Logger,
): Promise<ChannelQuiz> {
  const name = channelDocName(ch, "quiz");
  return parseQuiz((await store.getDoc(name)).data, name, logger);
}

function parseQuiz(data: string | undefined, name: string, logger: Logger): ChannelQuiz {
  if (data === undefined) return newChannelQuiz();
  try {
    const r = channelQuizSchema.safeParse(JSON.parse(data));
    if (r.success) return r.data;
    logger.warn(
      { doc: name, issues: r.error.issues.slice(0, 3).map((x) => x.message) },
      "channel quiz unreadable; starting afresh",
    );
  } catch {
    logger.warn({ doc: name }, "channel quiz is not JSON; starting afresh");
  }
  return newChannelQuiz();
}

/** The channel's quiz schedule, if one is set. */
export async function getQuizSchedule(
  store: SessionStore,
  ch: ChannelRef,
): Promise<QuizScheduleDoc | undefined> {
  const doc = await store.getDoc(channelDocName(ch, "schedule"));
  if (doc.data === undefined) return undefined;
  try {
    const r = quizScheduleDocSchema.safeParse(JSON.parse(doc.data));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or with undefined, deletes) the channel's quiz schedule document. */
export async function putQuizSchedule(
  store: SessionStore,
  ch: ChannelRef,
  value: QuizScheduleDoc | undefined,
): Promise<void> {
  const name = channelDocName(ch, "schedule");
  for (let i = 0; i < MAX_CAS; i++) {
    const doc = await store.getDoc(name);
    const r = await store.putDoc(name, doc.version, value === undefined ? undefined : JSON.stringify(value));
    if (r.ok) return;
  }
  throw new Error(`quiz schedule ${name}: too many concurrent updates`);
}
