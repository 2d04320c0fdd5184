// A channel's quiz schedule fires a round and its reveal into the channel's reply queue, driven by BullMQ's API.

import {
  type CommandJob,
  getQuizSchedule,
  quizSchedulerIdOf,
  type ReplyJob,
  ROUND_ACTION_PREFIX,
} from "@bosun/queue";
import type { ChannelRef } from "@bosun/store";
import type { Job } from "bullmq";
import { expect, test } from "vitest";
import { testContent } from "../support/content.ts";
import { until } from "../support/wait.ts";
import { replyText, sharedPipeline } from "./pipeline-harness.ts";

const p = sharedPipeline();

const channel: ChannelRef = { platform: "slack", workspace: "T1", channel: "C-quiz" };
const ada = { id: "U-ada", name: "Ada" };
const bob = { id: "U-bob", name: "Bob" };
let n = 0;

function person(actor: { id: string; name: string }) {
  n++;
  return {
    v: 1 as const,
    eventId: `q${process.pid}-${Date.now()}-${n}`,
    platform: "slack" as const,
    actor,
    sentAt: Date.now(),
    target: { channel: "C-quiz", user: actor.id },
  };
}

/** The delayed job called `name` on the commands queue, once there is one. */
async function delayed(name: string): Promise<Job> {
  return until(`a delayed ${name} job`, async () =>
    (await p().producer.queue.getDelayed()).find((j) => j.name === name),
  );
}

async function replyOf(pred: (r: ReplyJob) => boolean, what: string): Promise<ReplyJob> {
  return until(what, () => p().replies.find((r) => pred(r.reply))?.reply);
}

test("a scheduled round opens, takes answers, is revealed, and scores the leaderboard", async () => {
  const schedule: CommandJob = {
    kind: "quiz-schedule",
    ...person(ada),
    channel,
    cron: "0 9 * * 1-5",
    tz: "Europe/Paris",
    revealAfterMs: 5 * 60_000,
    channelTarget: { channel: "C-quiz" },
  };
  await p().send(schedule);
  const set = await replyOf((r) => r.eventId === schedule.eventId, "the schedule notice");
  expect(set.kind).toBe("notice");
  expect(set.visibility).toBe("personal");
  expect(replyText(set)).toContain("0 9 * * 1-5");
  expect((await p().producer.queue.getJobSchedulers()).map((s) => s.key)).toContain(
    quizSchedulerIdOf(channel),
  );
  expect((await getQuizSchedule(p().store, channel))?.cron).toBe("0 9 * * 1-5");

  await (await delayed("round-open")).promote();
  const round = await replyOf((r) => r.kind === "round", "the round's question");
  expect(round.visibility).toBe("channel");
  expect(round.target).toEqual({ channel: "C-quiz" });
  expect(round.round?.n).toBe(1);
  expect(round.reply.actions.every((a) => a.id.startsWith(ROUND_ACTION_PREFIX))).toBe(true);
  const quizBlock = round.reply.blocks.find((b) => b.kind === "quiz");
  const q = testContent().questions.find((x) => quizBlock?.kind === "quiz" && x.id === quizBlock.questionId);
  if (!q) throw new Error("the round names no known question");

  // Ada answers right (with the button when the question has buttons), Bob wrong.
  const letter = (i: number) => String.fromCharCode(97 + i);
  let right: string;
  let wrong: string;
  if (q.kind === "choice" && typeof q.answer === "number") {
    right = `quiz:${q.id}:${letter(q.answer)}`;
    wrong = letter((q.answer + 1) % (q.choices?.length ?? 2));
  } else if (q.kind === "truefalse") {
    right = `quiz:${q.id}:${String(q.answer)}`;
    wrong = String(!q.answer);
  } else {
    right = Array.isArray(q.answer) ? (q.answer[0] ?? "") : "";
    wrong = "kubectl get nothing-at-all";
  }
  if (round.reply.actions.length > 0)
    expect(round.reply.actions.map((a) => a.id)).toContain(right.replace(/^quiz:/, ROUND_ACTION_PREFIX));
  const answers: CommandJob[] = [
    { kind: "round-answer", ...person(ada), channel, answer: right },
    { kind: "round-answer", ...person(bob), channel, answer: wrong },
  ];
  for (const a of answers) await p().send(a);
  for (const a of answers) {
    const got = await replyOf((r) => r.eventId === (a as { eventId: string }).eventId, "an answer's notice");
    expect(got.kind).toBe("notice");
    expect(got.visibility).toBe("personal");
    expect(replyText(got)).toContain("Got your answer");
  }

  await (await delayed("round-close")).promote();
  const reveal = await replyOf((r) => r.kind === "reveal", "the reveal");
  expect(reveal.visibility).toBe("channel");
  expect(reveal.target).toEqual({ channel: "C-quiz" });
  const text = replyText(reveal);
  expect(text).toContain("Round 1 is closed");
  expect(text).toMatch(/Right: Ada \+15 \(first\)\. 1 wrong\./);
  expect(text).toContain("1. Ada: 15 points");

  const board: CommandJob = { kind: "leaderboard", ...person(bob), channel };
  await p().send(board);
  const lb = await replyOf((r) => r.eventId === board.eventId, "the leaderboard");
  expect(lb.visibility).toBe("personal");
  expect(replyText(lb)).toMatch(/1\. Ada: 15 points\n2\. Bob: 0 points/);

  const off: CommandJob = { kind: "quiz-unschedule", ...person(ada), channel };
  await p().send(off);
  const removed = await replyOf((r) => r.eventId === off.eventId, "the unschedule notice");
  expect(replyText(removed)).toContain("removed");
  expect(await p().producer.queue.getJobSchedulers()).toHaveLength(0);
  expect(await getQuizSchedule(p().store, channel)).toBeUndefined();
});

test("an unreadable cron gets a note and schedules nothing", async () => {
  const bad: CommandJob = {
    kind: "quiz-schedule",
    ...person(ada),
    channel: { ...channel, channel: "C-bad" },
    cron: "every day at nine",
    revealAfterMs: 60_000,
    channelTarget: { channel: "C-bad" },
  };
  await p().send(bad);
  const got = await replyOf((r) => r.eventId === bad.eventId, "the refusal");
  expect(replyText(got)).toContain("five cron fields");
  const bad2: CommandJob = { ...bad, ...person(ada), cron: "99 9 * * *" };
  await p().send(bad2);
  const got2 = await replyOf((r) => r.eventId === bad2.eventId, "the second refusal");
  expect(replyText(got2)).toContain("not a schedule I can read");
  expect((await p().producer.queue.getJobSchedulers()).map((s) => s.key)).not.toContain(
    quizSchedulerIdOf(bad.channel),
  );
});
