// Channel quiz jobs: schedule and unschedule rounds, open a round, take answers, reveal, leaderboard.

import type { ChannelRef } from "@bosun/store";
import {
  answerRound,
  type ChannelQuiz,
  closeRound,
  leaderboard,
  type OpenRound,
  openRound,
  pickQuestion,
  type TutorReply,
} from "@bosun/tutor";
import {
  channelIdOf,
  putQuizSchedule,
  quizSchedulerIdOf,
  readChannelQuiz,
  updateChannelQuiz,
} from "./channel-quiz-doc.ts";
import type { WorkerContext } from "./context.ts";
import { COMMAND_JOB_OPTIONS } from "./job-options.ts";
import { errFields } from "./logger.ts";
import { jobIdOf, ROUND_ACTION_PREFIX, repliesQueue } from "./names.ts";
import { replyJobIdOf } from "./process-event.ts";
import { note, type ReplyOrigin, replyJob, replyQueueOf } from "./replies.ts";
import type {
  LeaderboardJob,
  QuizScheduleJob,
  QuizUnscheduleJob,
  RoundAnswerJob,
  RoundCloseJob,
  RoundOpenJob,
} from "./schemas.ts";
import { seedOf } from "./seed.ts";

/** "5 minutes", "1 hour 30 minutes". */
function duration(ms: number): string {
  const min = Math.round(ms / 60_000);
  const h = Math.floor(min / 60);
  const m = min % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (h === 0) return part(Math.max(1, m), "minute");
  return m === 0 ? part(h, "hour") : `${part(h, "hour")} ${part(m, "minute")}`;
}

/** A personal notice to the member who asked. */
async function notice(ctx: WorkerContext, job: ReplyOrigin, text: string, kind: "warning" | "text" = "text") {
  await ctx.replies.send(
    replyQueueOf(job),
    replyJobIdOf(job.eventId),
    replyJob(job, "notice", "personal", note(text, kind)),
  );
}

/** Round buttons carry `round:` ids, so an adapter knows they answer the channel's round. */
function roundActions(reply: TutorReply): TutorReply {
  return {
    blocks: reply.blocks,
    actions: reply.actions.map((a) =>
      a.id.startsWith("quiz:") ? { ...a, id: `${ROUND_ACTION_PREFIX}${a.id.slice("quiz:".length)}` } : a,
    ),
  };
}

type ChannelJob = { platform: RoundOpenJob["platform"]; channel: ChannelRef; target: RoundOpenJob["target"] };

/** Posts round `round`'s question to the channel (once: the job id is per channel and round). */
async function postRound(ctx: WorkerContext, job: ChannelJob, round: OpenRound, reply: TutorReply) {
  const id = `round-${channelIdOf(job.channel)}-${round.n}`;
  await ctx.replies.send(repliesQueue(job.platform), jobIdOf(id), {
    ...replyJob(
      { eventId: id, platform: job.platform, target: job.target },
      "round",
      "channel",
      roundActions(reply),
    ),
    round: { n: round.n, closesAt: round.closesAt },
  });
}

/** Schedules round `n`'s reveal (once: the job id is per channel and round). */
async function scheduleClose(ctx: WorkerContext, job: ChannelJob, n: number, delay: number) {
  const data: RoundCloseJob = {
    kind: "round-close",
    v: 1,
    platform: job.platform,
    channel: job.channel,
    target: job.target,
    round: n,
  };
  await ctx.commands.add("round-close", data, {
    ...COMMAND_JOB_OPTIONS,
    jobId: jobIdOf(`close-${channelIdOf(job.channel)}-${n}`),
    delay: Math.max(0, delay),
  });
}

/** Closes the open round and posts the reveal (once per channel and round). */
async function reveal(
  ctx: WorkerContext,
  job: ChannelJob,
  ch: ChannelQuiz,
  now: number,
): Promise<ChannelQuiz> {
  const n = ch.round?.n ?? 0;
  const closed = closeRound(ch, ctx.content, now);
  const id = `reveal-${channelIdOf(job.channel)}-${n}`;
  await ctx.replies.send(
    repliesQueue(job.platform),
    jobIdOf(id),
    replyJob({ eventId: id, platform: job.platform, target: job.target }, "reveal", "channel", closed.reply),
  );
  return closed.channel;
}

/**
 * Opens the channel's next round. When a round is still open its question post and reveal are made
 * sure of (both idempotent) instead; a round left open past its deadline (its reveal job lost) is
 * closed first. Questions come from the whole bank, chosen by the channel and round number.
 */
export async function roundOpenJob(ctx: WorkerContext, data: RoundOpenJob): Promise<void> {
  const now = Date.now();
  await updateChannelQuiz(ctx.store, data.channel, ctx.logger, async (ch) => {
    let cur = ch;
    if (cur.round && now >= cur.round.closesAt) cur = await reveal(ctx, data, cur, now);
    if (cur.round) {
      const r = cur.round;
      const q = ctx.content.questions.find((x) => x.id === r.questionId);
      if (q) {
        const { round: _r, ...rest } = cur;
        const again = openRound({ ...rest, rounds: r.n - 1 }, q, r.openedAt, r.closesAt - r.openedAt);
        await postRound(ctx, data, r, again.reply);
      }
      await scheduleClose(ctx, data, r.n, r.closesAt - now);
      return cur === ch ? undefined : cur;
    }
    const n = cur.rounds + 1;
    const q = pickQuestion(
      ctx.content,
      { cards: {} },
      {
        lessonsDone: ctx.content.lessons.map((l) => l.id),
        now,
        seed: seedOf(`${channelIdOf(data.channel)}#${n}`),
      },
    );
    const opened = openRound(cur, q, now, data.revealAfterMs);
    const round = opened.channel.round;
    if (!round) return undefined;
    await postRound(ctx, data, round, opened.reply);
    await scheduleClose(ctx, data, n, round.closesAt - now);
    return opened.channel;
  });
}

/** Closes round `data.round` if it is still the open one, and posts the reveal. */
export async function roundCloseJob(ctx: WorkerContext, data: RoundCloseJob): Promise<void> {
  const now = Date.now();
  await updateChannelQuiz(ctx.store, data.channel, ctx.logger, async (ch) => {
    if (ch.round?.n !== data.round) {
      ctx.logger.debug?.({ channel: channelIdOf(data.channel), round: data.round }, "round already closed");
      return undefined;
    }
    return reveal(ctx, data, ch, now);
  });
}

/** A member's answer: recorded if it is their first for the open round; a personal note either way. */
export async function roundAnswerJob(ctx: WorkerContext, data: RoundAnswerJob): Promise<void> {
  await updateChannelQuiz(ctx.store, data.channel, ctx.logger, async (ch) => {
    const r = answerRound(ch, data.actor, data.answer, ctx.content, data.sentAt);
    await ctx.replies.send(
      replyQueueOf(data),
      replyJobIdOf(data.eventId),
      replyJob(data, "notice", "personal", r.reply),
    );
    return r.accepted ? r.channel : undefined;
  });
}

/** The channel's leaderboard, to the member who asked (personal: the reveal shows the top 5 to all). */
export async function leaderboardJob(ctx: WorkerContext, data: LeaderboardJob): Promise<void> {
  const ch = await readChannelQuiz(ctx.store, data.channel, ctx.logger);
  await ctx.replies.send(
    replyQueueOf(data),
    replyJobIdOf(data.eventId),
    replyJob(data, "reply", "personal", leaderboard(ch)),
  );
}

/** Whether `tz` is an IANA time zone this runtime knows. */
function knownZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const CRON_HELP =
  "Use five cron fields: minute hour day-of-month month day-of-week, e.g. `0 9 * * 1-5` for 9:00 on weekdays.";

/** Sets (or replaces) the channel's schedule of quiz rounds. A bad cron or zone gets a note, nothing else. */
export async function quizScheduleJob(ctx: WorkerContext, data: QuizScheduleJob): Promise<void> {
  const cron = data.cron.trim().replace(/\s+/g, " ");
  if (cron.split(" ").length !== 5)
    return notice(ctx, data, `\`${data.cron}\` is not a schedule I can read. ${CRON_HELP}`, "warning");
  if (data.tz !== undefined && !knownZone(data.tz))
    return notice(
      ctx,
      data,
      `\`${data.tz}\` is not a time zone I know; use an IANA name such as Europe/Paris.`,
      "warning",
    );
  const template: RoundOpenJob = {
    kind: "round-open",
    v: 1,
    platform: data.platform,
    channel: data.channel,
    target: data.channelTarget,
    revealAfterMs: data.revealAfterMs,
  };
  try {
    await ctx.commands.upsertJobScheduler(
      quizSchedulerIdOf(data.channel),
      { pattern: cron, ...(data.tz !== undefined ? { tz: data.tz } : {}) },
      { name: "round-open", data: template, opts: COMMAND_JOB_OPTIONS },
    );
  } catch (err) {
    ctx.logger.info({ channel: channelIdOf(data.channel), ...errFields(err) }, "quiz schedule refused");
    return notice(ctx, data, `\`${data.cron}\` is not a schedule I can read. ${CRON_HELP}`, "warning");
  }
  await putQuizSchedule(ctx.store, data.channel, {
    v: 1,
    cron,
    ...(data.tz !== undefined ? { tz: data.tz } : {}),
    revealAfterMs: data.revealAfterMs,
    target: data.channelTarget,
    by: data.actor,
    at: data.sentAt,
  });
  await notice(
    ctx,
    data,
    `Quiz rounds are scheduled here at \`${cron}\` (${data.tz ?? "UTC"}); each takes answers for ${duration(data.revealAfterMs)}.`,
  );
}

/** Removes the channel's schedule of quiz rounds (an open round still gets its reveal). */
export async function quizUnscheduleJob(ctx: WorkerContext, data: QuizUnscheduleJob): Promise<void> {
  const had = await ctx.commands.removeJobScheduler(quizSchedulerIdOf(data.channel));
  await putQuizSchedule(ctx.store, data.channel, undefined);
  await notice(
    ctx,
    data,
    had ? "The quiz schedule of this channel is removed." : "This channel had no quiz schedule.",
  );
}
