// Channel quiz rounds: scheduled by a channel manager, fired through BullMQ's API, answered with buttons.

import { ROUND_ACTION_PREFIX } from "@bosun/queue";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testContent } from "../support/content.ts";
import { until } from "../support/wait.ts";
import { buttons, messageText, person, SlackHarness } from "./slack-harness.ts";

const CHANNEL = "C0QUIZ";
let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"), {
    users: [
      { id: "U0ADMIN", name: "ada", is_admin: true },
      { id: "U0CARL", name: "carl" },
      { id: "U0DORA", name: "dora" },
      { id: "U0MAKER", name: "maker" },
    ],
    channels: [{ id: CHANNEL, name: "k8s-study", creator: "U0MAKER" }],
  });
});
afterAll(async () => {
  await h?.close();
});

/** The delayed job called `name` on the commands queue, once there is one. */
function delayed(name: string): Promise<Job> {
  return until(`a delayed ${name} job`, async () =>
    (await h.commands.getDelayed()).find((j) => j.name === name),
  );
}

const posts = () => h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === CHANNEL);

describe("quiz rounds in a channel", () => {
  it("refuses a member who is neither an admin nor the channel's creator, and queues nothing", async () => {
    const before = await h.commandCount();
    const res = await h.command(person("U0CARL", "carl", CHANNEL), "/bosun", 'quiz schedule "0 9 * * 1-5"');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/only workspace admins/),
    });
    expect(await h.commandCount()).toBe(before);
    expect(await h.commands.getJobSchedulers()).toEqual([]);
  });

  it("lets the channel's creator schedule, and explains a malformed schedule without queueing", async () => {
    const maker = person("U0MAKER", "maker", CHANNEL);
    const bad = await h.command(maker, "/bosun", 'quiz schedule "every morning"');
    expect(JSON.parse(bad.text).text).toMatch(/five fields/);
    const ok = await h.command(maker, "/bosun", 'quiz schedule "0 10 * * *" reveal-after 30m');
    const [notice] = await h.responsesTo(ok.responseId);
    expect(messageText(notice ?? {})).toContain("0 10 * * *");
    expect(await h.commands.getJobSchedulers()).toHaveLength(1);
  });

  it("fires a round when an admin's schedule comes due; members answer with buttons; the reveal and leaderboard are posted", async () => {
    const ada = person("U0ADMIN", "ada", CHANNEL);
    const set = await h.command(ada, "/bosun", 'quiz schedule "0 9 * * 1-5" reveal-after 2h');
    await h.responsesTo(set.responseId);
    const schedulers = await h.commands.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]?.pattern).toBe("0 9 * * 1-5");

    await (await delayed("round-open")).promote();
    const round = await h.fake.waitFor(
      () => posts().find((c) => buttons(c.args).some((b) => b.id.startsWith(ROUND_ACTION_PREFIX))),
      "the round's question in the channel",
    );
    expect(messageText(round.args)).toMatch(/Quiz round 1/);
    const answerButtons = buttons(round.args).filter((b) => b.id.startsWith(ROUND_ACTION_PREFIX));
    expect(answerButtons.length).toBeGreaterThanOrEqual(2);
    expect(answerButtons.every((b) => b.value === "r")).toBe(true);

    // The round's question, from the bank: carl presses the right answer, dora a wrong one.
    const qid = answerButtons[0]?.id.split(":")[1];
    const q = testContent().questions.find((x) => x.id === qid);
    expect(q).toBeDefined();
    const right =
      q?.kind === "truefalse"
        ? String(q.answer)
        : "abcdefghij"[typeof q?.answer === "number" ? q.answer : -1];
    const rightButton = answerButtons.find((b) => b.id === `${ROUND_ACTION_PREFIX}${qid}:${right}`);
    const wrongButton = answerButtons.find((b) => b !== rightButton);
    expect(rightButton).toBeDefined();
    const carl = await h.click(person("U0CARL", "carl", CHANNEL), {
      action_id: rightButton?.id ?? "",
      value: "r",
    });
    const dora = await h.click(person("U0DORA", "dora", CHANNEL), {
      action_id: wrongButton?.id ?? "",
      value: "r",
    });
    const [carlNote] = await h.responsesTo(carl.responseId);
    const [doraNote] = await h.responsesTo(dora.responseId);
    expect(carlNote?.response_type).toBe("ephemeral");
    expect(messageText(carlNote ?? {})).toMatch(/Got your answer/);
    expect(messageText(doraNote ?? {})).toMatch(/Got your answer/);
    // Only a member's first answer counts: dora's second press (now the right one) is turned away.
    const again = await h.click(person("U0DORA", "dora", CHANNEL), {
      action_id: rightButton?.id ?? "",
      value: "r",
    });
    const [againNote] = await h.responsesTo(again.responseId);
    expect(messageText(againNote ?? {})).toMatch(/already answered round 1/);

    await (await delayed("round-close")).promote();
    const reveal = await h.fake.waitFor(
      () => posts().find((c) => /Round 1 is closed/.test(messageText(c.args))),
      "the reveal in the channel",
    );
    const text = messageText(reveal.args);
    expect(text).toContain(q?.explanation ?? "(no explanation)");
    expect(text).toMatch(/Right: carl \+\d+ \(first\)\. 1 wrong\./);
    expect(text).toMatch(/1\. carl: \d+ points/);
    expect(text).not.toMatch(/Right:[^\n]*dora/);

    const board = await h.command(person("U0DORA", "dora", CHANNEL), "/bosun", "leaderboard");
    const [lb] = await h.responsesTo(board.responseId);
    expect(messageText(lb ?? {})).toMatch(/1\. carl: [1-9]\d* points\n2\. dora: 0 points/);
    expect(h.fake.violations).toEqual([]);
  });

  it("lets an admin unschedule", async () => {
    const res = await h.command(person("U0ADMIN", "ada", CHANNEL), "/bosun", "quiz unschedule");
    const [notice] = await h.responsesTo(res.responseId);
    expect(messageText(notice ?? {})).toMatch(/removed/);
    expect(await h.commands.getJobSchedulers()).toEqual([]);
  });
});
