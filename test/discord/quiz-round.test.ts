// Scheduled quiz rounds end to end: /quizschedule set, BullMQ's scheduler driven by promote(), answers, reveal, leaderboard.

import { quizSchedulerIdOf } from "@bosun/queue";
import { type ChannelRef, channelDocName } from "@bosun/store";
import type { QuizQuestion } from "@bosun/tutor";
import type { Job } from "bullmq";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { FakeMessage, FakeUser } from "../fakes/discord.ts";
import { testContent } from "../support/content.ts";
import { until } from "../support/wait.ts";
import { buttonsOf, DiscordHarness, textOf } from "./harness.ts";

let h: DiscordHarness;
beforeAll(async () => {
  h = await new DiscordHarness(inject("redisUrl")).start();
});
afterAll(async () => {
  await h?.close();
});

/** The delayed job called `name` on the commands queue, once there is one. */
function delayed(name: string): Promise<Job> {
  return until(`a delayed ${name} job`, async () =>
    (await h.bot.producer.queue.getDelayed()).find((j) => j.name === name),
  );
}

/** A message posted in the quiz channel whose text matches, once there is one. */
function posted(pattern: RegExp): Promise<FakeMessage> {
  return h.fake.waitFor(
    () => h.fake.channelMessages(h.fake.channels.quiz).find((m) => pattern.test(textOf(m))),
    `a quiz-channel post matching ${pattern}`,
  );
}

/** The right answer's button id, when the question has buttons. */
function rightButton(q: QuizQuestion): string {
  return q.kind === "truefalse"
    ? `round:${q.id}:${String(q.answer)}`
    : `round:${q.id}:${"abcdefghij"[q.answer as number]}`;
}

/** A wrong answer, typed. */
function wrongTyped(q: QuizQuestion): string {
  if (q.kind === "truefalse") return String(!q.answer);
  if (q.kind === "choice") return "abcdefghij"[((q.answer as number) + 1) % (q.choices?.length ?? 2)] ?? "a";
  return "kubectl get nothing-at-all";
}

/** Presses the right answer's button (or, for a type-the-command question, replies with the command). */
async function answerRight(round: FakeMessage, user: FakeUser, q: QuizQuestion): Promise<string> {
  if (q.kind === "command") return reply(round, user, (q.answer as string[])[0] ?? "");
  expect(buttonsOf(round)).toContain(rightButton(q));
  const press = h.fake.click(rightButton(q), round.id, { user });
  expect(await h.fake.acknowledged(press.token)).toEqual({ type: 5, data: { flags: 64 } });
  const [notice] = await h.answered(press.token, "Got your answer");
  return textOf(notice);
}

/** Answers by replying to the round's post, and returns the bot's answer to that reply. */
async function reply(round: FakeMessage, user: FakeUser, text: string): Promise<string> {
  const id = h.fake.say(h.fake.channels.quiz, text, user, { replyTo: round.id });
  const notice = await h.fake.waitFor(
    () =>
      h.fake
        .channelMessages(h.fake.channels.quiz)
        .find(
          (m) => (m.versions[0]?.message_reference as { message_id?: string } | undefined)?.message_id === id,
        ),
    "the answer's notice",
  );
  return textOf(notice);
}

it("a scheduled round posts its question, takes answers, and posts the reveal and the leaderboard", async () => {
  const channel: ChannelRef = {
    platform: "discord",
    workspace: h.fake.guildId,
    channel: h.fake.channels.quiz,
  };
  const set = h.fake.slash(
    "quizschedule",
    [
      {
        name: "set",
        type: 1,
        options: [
          { name: "cron", type: 3, value: "0 9 * * 1-5" },
          { name: "channel", type: 7, value: h.fake.channels.quiz },
          { name: "reveal_after", type: 3, value: "5m" },
        ],
      },
    ],
    { user: h.admin },
  );
  expect(await h.fake.acknowledged(set.token)).toEqual({ type: 5, data: { flags: 64 } });
  await h.answered(set.token, "0 9 * * 1-5");
  expect((await h.bot.producer.queue.getJobSchedulers()).map((s) => s.key)).toContain(
    quizSchedulerIdOf(channel),
  );

  await (await delayed("round-open")).promote();
  const round = await posted(/Quiz round 1/);
  const q = testContent().questions.find((x) => textOf(round).includes(x.prompt));
  if (!q) throw new Error("the round names no known question");
  // The bot notes the post's id just after Discord answers the post; a (very quick) reply waits for that.
  await until(
    "the round post remembered",
    async () => (await h.store.getDoc(channelDocName(channel, "round-post"))).data,
  );

  expect(await answerRight(round, h.ada, q)).toContain("Got your answer, Ada");
  // Bob types his (wrong) answer as a reply to the round's post, whatever the kind of question.
  expect(await reply(round, h.bob, wrongTyped(q))).toContain("Got your answer, Bob");
  // Only a member's first answer counts: Ada's second (wrong) one is turned away.
  expect(await reply(round, h.ada, wrongTyped(q))).toContain("You already answered round 1, Ada");

  await (await delayed("round-close")).promote();
  const reveal = await posted(/Round 1 is closed/);
  expect(textOf(reveal)).toMatch(/Right: Ada \+15 \(first\)\. 1 wrong\./);
  expect(textOf(reveal)).toContain("1. Ada: 15 points");

  const board = h.fake.slash("leaderboard", [], { user: h.bob, channelId: h.fake.channels.quiz });
  const [lb] = await h.answered(board.token, "Ada");
  expect(textOf(lb)).toContain("1. Ada: 15 points");
});

it("/quizschedule clear removes the channel's scheduler", async () => {
  const clear = h.fake.slash(
    "quizschedule",
    [{ name: "clear", type: 1, options: [{ name: "channel", type: 7, value: h.fake.channels.quiz }] }],
    { user: h.admin },
  );
  await h.answered(clear.token);
  expect(await h.bot.producer.queue.getJobSchedulers()).toHaveLength(0);
});

it("a bad cron or reveal time is refused with a clear line before anything is queued", async () => {
  const bad = h.fake.slash(
    "quizschedule",
    [
      {
        name: "set",
        type: 1,
        options: [
          { name: "cron", type: 3, value: "every monday" },
          { name: "channel", type: 7, value: h.fake.channels.quiz },
        ],
      },
    ],
    { user: h.admin },
  );
  expect(JSON.stringify(await h.fake.acknowledged(bad.token))).toContain("five-field cron");
  const short = h.fake.slash(
    "quizschedule",
    [
      {
        name: "set",
        type: 1,
        options: [
          { name: "cron", type: 3, value: "0 9 * * *" },
          { name: "channel", type: 7, value: h.fake.channels.quiz },
          { name: "reveal_after", type: 3, value: "10s" },
        ],
      },
    ],
    { user: h.admin },
  );
  expect(JSON.stringify(await h.fake.acknowledged(short.token))).toContain("reveal_after");
});
