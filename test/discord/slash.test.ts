// The bot end to end with slash commands and buttons: real discord.js, fake Discord, real Redis and worker.

import { ATTACH_OVER, renderFrame, renderReply } from "@bosun/discord";
import { jobIdOf } from "@bosun/queue";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MEMBER_PERMISSIONS } from "../fakes/discord.ts";
import { testContent } from "../support/content.ts";
import { buttonsOf, codeBodies, DiscordHarness, latest, textOf } from "./harness.ts";

let h: DiscordHarness;
beforeAll(async () => {
  h = await new DiscordHarness(inject("redisUrl")).start();
});
afterAll(async () => {
  await h?.close();
});

const str = (name: string, value: string) => ({ name, type: 3, value });

describe("the Discord bot", () => {
  it("becomes ready on the fake gateway and says so on /readyz", async () => {
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.guilds.cache.has(h.fake.guildId)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${h.bot.healthPort}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, checks: { gateway: true, redis: true } });
    expect((await fetch(`http://127.0.0.1:${h.bot.healthPort}/healthz`)).status).toBe(200);
  });

  it("/kubectl create then get: the ephemeral deferred reply is edited with output, diff and hint", async () => {
    const start = await h.slash(
      "lesson",
      [str("action", "start"), { name: "number", type: 4, value: 5 }],
      h.ada,
    );
    await h.answered(start.token, "Lesson 5");
    const create = await h.slash(
      "kubectl",
      [str("command", "create deployment web --image=nginx:1.27")],
      h.ada,
    );
    const ack = await h.fake.acknowledged(create.token);
    expect(ack).toEqual({ type: 5, data: { flags: 64 } });
    const [reply] = await h.answered(create.token, "deployment.apps/web created");
    const text = textOf(reply);
    expect(String(latest(reply).content)).toContain("```\ndeployment.apps/web created\n```");
    expect(text).toContain("Changes");
    expect(text).toMatch(/\+ deployment\/web/);
    // The lesson's check says what is still missing, with a Hint button on the same message.
    expect(text).toContain("Not done yet");
    expect(buttonsOf(reply)).toContain("hint");
    expect(latest(reply).allowed_mentions).toEqual({ parse: [] });

    const get = await h.slash("kubectl", [str("command", "kubectl get deployments")], h.ada);
    const [got] = await h.answered(get.token, "NAME");
    expect(textOf(got)).toMatch(/web\s+\d\/1/);

    const hint = await h.slash("hint", [], h.ada);
    const [hinted] = await h.answered(hint.token, "Hint");
    expect((latest(hinted).embeds as { title: string }[])[0]?.title).toMatch(/^Hint/);
  });

  it("the Hint button runs a hint for the person who pressed it", async () => {
    const q = await h.slash("kubectl", [str("command", "get pods --no-such-flag")], h.ada);
    const [reply] = await h.answered(q.token, "unknown flag");
    expect(buttonsOf(reply)).toContain("hint");
    const press = h.fake.click("hint", reply?.id ?? "", { user: h.ada });
    expect(await h.fake.acknowledged(press.token)).toEqual({ type: 5, data: { flags: 64 } });
    const [hinted] = await h.answered(press.token, "Hint");
    expect(textOf(hinted)).toMatch(/Hint/);
  });

  it("a quiz answer is graded: by its button, or for a type-the-command question through /kubectl", async () => {
    const quiz = await h.slash("quiz", [], h.ada);
    const [question] = await h.answered(quiz.token, "Quiz");
    const q = testContent().questions.find((x) => textOf(question).includes(x.prompt));
    if (!q) throw new Error("the quiz names no known question");
    const answer = buttonsOf(question).find((id) => id.startsWith("quiz:"));
    if (q.kind === "command") {
      expect(answer).toBeUndefined();
      const typed = await h.slash("kubectl", [str("command", (q.answer as string[])[0] ?? "")], h.ada);
      await h.answered(typed.token, "Correct!");
      return;
    }
    expect(answer).toBeDefined();
    const press = h.fake.click(answer ?? "", question?.id ?? "", { user: h.ada });
    const [graded] = await h.answered(press.token, /Correct!|Not quite/);
    expect(textOf(graded)).toContain(q.explanation.slice(0, 40));
  });

  it("a 5,000-character output arrives whole, split over follow-ups within the limits", async () => {
    const cmd = await h.slash("kubectl", [str("command", "get cm,ns,svc -A -o yaml")], h.ada);
    const job = await h.replyJob(cmd.id);
    const code = job.reply.blocks.find((b) => b.kind === "code");
    // At least 5,000 characters, and under the size that is attached as a file: it must be split.
    expect(code?.kind === "code" && code.text.length).toBeGreaterThanOrEqual(5000);
    expect(code?.kind === "code" && code.text.length).toBeLessThanOrEqual(ATTACH_OVER);
    const count = renderReply(job.reply).length;
    expect(count).toBeGreaterThanOrEqual(3);
    const msgs = await h.fake.waitFor(() => {
      const m = h.fake.repliesTo(cmd.token);
      return m.length >= count ? m : undefined;
    }, "the follow-ups");
    expect(msgs).toHaveLength(count);
    const whole = code?.kind === "code" ? code.text.replace(/\n$/, "") : "";
    expect(codeBodies(msgs).join("\n")).toBe(whole);
    for (const m of msgs) expect(String(latest(m).content ?? "").length).toBeLessThanOrEqual(2000);
    // Follow-ups of an ephemeral reply are ephemeral too.
    expect(msgs.slice(1).every((m) => m.flags === 64)).toBe(true);
    expect(h.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
  });

  it("a rollout status reply is edited more than once, then settles on the final text", async () => {
    const create = await h.slash(
      "kubectl",
      [str("command", "create deployment roll --image=nginx:1.27 --replicas=3")],
      h.bob,
    );
    await h.answered(create.token, "created");
    const status = await h.slash("kubectl", [str("command", "rollout status deployment/roll")], h.bob);
    await h.answered(status.token, "successfully rolled out");
    const job = await h.replyJob(status.id);
    expect(job.frames?.length).toBeGreaterThan(1);
    // The deferred message, one edit per frame, then the final reply.
    const edits = 1 + (job.frames?.length ?? 0) + 1;
    const reply = await h.fake.waitFor(() => {
      const m = h.fake.repliesTo(status.token)[0];
      return m && m.versions.length >= edits ? m : undefined;
    }, "every frame and the final edit");
    expect(reply.versions).toHaveLength(edits);
    expect(String(reply?.versions[1]?.content)).toContain("Waiting for deployment");
    // Each frame in order, then the final reply's first message: the message settles on the final text.
    const frames = (job.frames ?? []).map((f) => renderFrame(f).content);
    expect(reply.versions.slice(1, -1).map((v) => v.content)).toEqual(frames);
    expect(latest(reply).content).toBe(renderReply(job.reply)[0]?.content);
    expect(textOf(reply)).toContain('deployment "roll" successfully rolled out');
  });

  it("a member without Manage Server cannot schedule quiz rounds, and nothing is queued", async () => {
    const member = { ...h.bob, permissions: MEMBER_PERMISSIONS };
    const set = await h.slash(
      "quizschedule",
      [
        {
          name: "set",
          type: 1,
          options: [str("cron", "0 9 * * *"), { name: "channel", type: 7, value: h.fake.channels.quiz }],
        },
      ],
      member,
    );
    const cb = await h.fake.acknowledged(set.token);
    expect(cb).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(cb)).toContain("Manage Server");
    expect(await h.bot.producer.queue.getJob(jobIdOf(set.id))).toBeUndefined();
  });

  it("autocompletes kubectl verbs and lesson names", async () => {
    const verbs = h.fake.autocomplete("kubectl", [{ ...str("command", "roll"), focused: true }], {
      user: h.ada,
    });
    const cb = (await h.fake.acknowledged(verbs.token)) as {
      type: number;
      data: { choices: { value: string }[] };
    };
    expect(cb.type).toBe(8);
    expect(cb.data.choices.map((c) => c.value)).toContain("rollout status deployment/");
    const lessons = h.fake.autocomplete(
      "lesson",
      [str("action", "start"), { name: "number", type: 4, value: "pod", focused: true }],
      { user: h.ada },
    );
    const lc = (await h.fake.acknowledged(lessons.token)) as {
      data: { choices: { name: string; value: number }[] };
    };
    expect(lc.data.choices).toContainEqual({ name: "4. Pods", value: 4 });
  });

  it("never logs the bot token or an interaction token", () => {
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toContain("fake-bot-token-do-not-log");
    expect(logged).not.toMatch(/itoken-/);
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});
