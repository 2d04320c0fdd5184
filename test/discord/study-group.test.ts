// Study groups end to end: a thread with one shared sandbox, driven by members' plain messages.

import { renderFrame, renderReply } from "@bosun/discord";
import { jobIdOf } from "@bosun/queue";
import { channelDocName } from "@bosun/store";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FakeMessage } from "../fakes/discord.ts";
import { until } from "../support/wait.ts";
import { buttonsOf, DiscordHarness, latest, textOf } from "./harness.ts";

let h: DiscordHarness;
let thread = "";
beforeAll(async () => {
  h = await new DiscordHarness(inject("redisUrl")).start();
});
afterAll(async () => {
  await h?.close();
});

/** The bot's answer in the thread to message `id` (posted as a reply to it), once it matches. */
function answerTo(id: string, pattern: RegExp | string = /./): Promise<FakeMessage> {
  return h.fake.waitFor(() => {
    const m = h.fake
      .channelMessages(thread)
      .find(
        (x) => (x.versions[0]?.message_reference as { message_id?: string } | undefined)?.message_id === id,
      );
    const text = m ? textOf(m) : "";
    return m && (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)) ? m : undefined;
  }, `the answer to ${id}`);
}

const CONFIGMAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bob-config\ndata:\n  colour: blue\n";

describe("a study group", () => {
  it("/studygroup start opens a thread, remembers it and posts a welcome", async () => {
    const start = h.fake.slash(
      "studygroup",
      [{ name: "start", type: 1, options: [{ name: "name", type: 3, value: "K8s club" }] }],
      {
        user: h.ada,
      },
    );
    expect(await h.fake.acknowledged(start.token)).toEqual({ type: 5, data: { flags: 0 } });
    const [reply] = await h.answered(start.token, "opened the study group");
    const created = h.fake.calls.find(
      (c) => c.method === "POST" && c.path === `/channels/${h.fake.channels.general}/threads`,
    );
    expect(created?.body).toMatchObject({ name: "K8s club", type: 11 });
    thread = [...h.fake.channelData.values()].find((c) => c.type === 11)?.id as string;
    expect(textOf(reply)).toContain(`<#${thread}>`);
    const welcome = await h.fake.waitFor(() => h.fake.channelMessages(thread)[0], "the welcome");
    expect(textOf(welcome)).toContain("Welcome to K8s club");
    const doc = await h.store.getDoc(
      channelDocName({ platform: "discord", workspace: h.fake.guildId, channel: thread }, "studygroup"),
    );
    expect(JSON.parse(doc.data ?? "{}")).toMatchObject({ name: "K8s club", createdBy: h.ada.id });
    await until("the thread in the client's cache", () =>
      h.bot.client.channels.cache.has(thread) ? true : undefined,
    );
  });

  it("two members' messages act on one shared sandbox, and every reply names who ran what", async () => {
    const a = h.fake.say(thread, "kubectl create deployment shared --image=nginx:1.27", h.ada);
    const aReply = await answerTo(a, "created");
    expect(textOf(aReply)).toContain("Ada ran: kubectl create deployment shared --image=nginx:1.27");

    const b = h.fake.say(thread, `kubectl apply -f -\n\`\`\`yaml\n${CONFIGMAP}\`\`\``, h.bob);
    const bReply = await answerTo(b, "configmap/bob-config created");
    expect(textOf(bReply)).toContain("Bob ran: kubectl apply -f -");

    const c = h.fake.say(thread, "kubectl get deployments,configmaps", h.bob);
    const cReply = await answerTo(c, "shared");
    expect(textOf(cReply)).toContain("Bob ran: kubectl get deployments,configmaps");
    expect(textOf(cReply)).toContain("bob-config");
    expect(latest(cReply).allowed_mentions).toEqual({ parse: [] });
  });

  it("messages outside the thread, chat and bot messages do not touch the sandbox", async () => {
    const outside = h.fake.say(h.fake.channels.general, "kubectl delete deployment shared", h.ada);
    const chat = h.fake.say(thread, "nice, that worked!", h.bob);
    const fromBot = h.fake.say(
      thread,
      "kubectl delete deployment shared",
      { id: "999", name: "OtherBot" },
      { bot: true },
    );
    const check = h.fake.say(thread, "kubectl get deployment shared", h.ada);
    expect(textOf(await answerTo(check))).toMatch(/shared\s+\d\/1/);
    for (const id of [outside, chat, fromBot])
      expect(await h.bot.producer.queue.getJob(jobIdOf(id))).toBeUndefined();
    expect(h.fake.channelMessages(h.fake.channels.general)).toHaveLength(0);
  });

  it("a rollout status in the thread is posted, then edited frame by frame", async () => {
    const s = h.fake.say(thread, "kubectl rollout status deployment/shared", h.bob);
    const first = await answerTo(s);
    const job = await h.replyJob(s);
    const frames = job.frames?.length ?? 0;
    const settled = await h.fake.waitFor(
      () => (first.versions.length >= frames + 1 ? first : undefined),
      "every edit",
    );
    expect(frames).toBeGreaterThan(1);
    expect(settled.versions).toHaveLength(frames + 1);
    // Posted with the first frame, edited with each next one, and settled on the final reply.
    expect(settled.versions.slice(0, -1).map((v) => v.content)).toEqual(
      (job.frames ?? []).map((f) => renderFrame(f).content),
    );
    expect(latest(settled).content).toBe(renderReply(job.reply)[0]?.content);
    expect(textOf(settled)).toContain("Bob ran: kubectl rollout status deployment/shared");
  });

  it("hostile messages get answers or are ignored, and the bot carries on", async () => {
    const hostile = [
      "kubectl get pods @everyone <@&1> ```",
      `kubectl ${"x".repeat(3900)}`,
      "kubectl apply -f -\n```yaml\n{{{{: [\n",
      "kubectl apply -f -\n```yaml\nkind: Pod\nmetadata: {name: __proto__}\n```",
      "kubectl get pods\u0000\u202e --all",
      "az aks get-credentials --name ```'; DROP TABLE",
    ];
    const ids = hostile.map((text) => h.fake.say(thread, text, h.bob));
    for (const id of ids) {
      const m = await answerTo(id);
      expect(latest(m).allowed_mentions).toEqual({ parse: [] });
      expect(String(latest(m).content ?? "").length).toBeLessThanOrEqual(2000);
    }
    const after = h.fake.say(thread, "kubectl get deployment shared", h.ada);
    expect(textOf(await answerTo(after))).toMatch(/shared\s+\d\/1/);
    expect(h.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(h.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
  });

  it("slash commands in the thread act on the group's sandbox, publicly, and so does its Hint button", async () => {
    const lesson = h.fake.slash(
      "lesson",
      [
        { name: "action", type: 3, value: "start" },
        { name: "number", type: 4, value: 1 },
      ],
      { user: h.bob, channelId: thread },
    );
    expect(await h.fake.acknowledged(lesson.token)).toEqual({ type: 5, data: { flags: 0 } });
    const [started] = await h.answered(lesson.token, "Lesson 1");
    expect(textOf(started)).toContain("Bob: lesson start 1");
    expect(buttonsOf(started)).toContain("hint");
    const press = h.fake.click("hint", started?.id ?? "", { user: h.ada });
    expect(await h.fake.acknowledged(press.token)).toEqual({ type: 5, data: { flags: 0 } });
    const [hinted] = await h.answered(press.token, "Hint");
    expect(textOf(hinted)).toContain("Ada: hint");
  });

  it("/studygroup leave removes the member; end is for its starter, archives the thread and forgets the group", async () => {
    const leave = h.fake.slash("studygroup", [{ name: "leave", type: 1 }], {
      user: h.bob,
      channelId: thread,
    });
    await h.answered(leave.token, "You left **K8s club**");
    expect(
      h.fake.calls.some(
        (c) => c.method === "DELETE" && c.path === `/channels/${thread}/thread-members/${h.bob.id}`,
      ),
    ).toBe(true);

    const notYours = h.fake.slash("studygroup", [{ name: "end", type: 1 }], {
      user: h.bob,
      channelId: thread,
    });
    expect(JSON.stringify(await h.fake.acknowledged(notYours.token))).toContain(
      "Only the member who started",
    );

    const end = h.fake.slash("studygroup", [{ name: "end", type: 1 }], { user: h.ada, channelId: thread });
    await h.answered(end.token, "ended the study group");
    await h.fake.waitFor(
      () => h.fake.calls.find((c) => c.method === "PATCH" && c.path === `/channels/${thread}`),
      "the archive",
    );
    const doc = await h.store.getDoc(
      channelDocName({ platform: "discord", workspace: h.fake.guildId, channel: thread }, "studygroup"),
    );
    expect(doc.data).toBeUndefined();
    const later = h.fake.say(thread, "kubectl get pods", h.ada);
    const marker = h.fake.slash("help", [], { user: h.ada });
    await h.answered(marker.token);
    expect(await h.bot.producer.queue.getJob(jobIdOf(later))).toBeUndefined();
  });
});
