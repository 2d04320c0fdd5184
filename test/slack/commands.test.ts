// Slash commands end to end: signed requests into real Bolt, the queue and a worker, replies on response_url.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedPost, slashCommandBody } from "../fakes/slack-requests.ts";
import { buttons, codeText, messageText, person, SECRET, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"));
});
afterAll(async () => {
  await h?.close();
});

describe("/kubectl", () => {
  it("creates a deployment, then lists its pods: output in a code block, the diff and a hint", async () => {
    const ann = person("U0ANN", "ann");
    const lesson = await h.command(ann, "/bosun", "lesson start 5");
    const [lessonReply] = await h.responsesTo(lesson.responseId);
    expect(messageText(lessonReply ?? {})).toContain("Lesson 5");
    const create = await h.command(ann, "/kubectl", "create deployment web --image=nginx:1.25 --replicas=3");
    expect(create.status).toBe(200);
    expect(create.text).toBe("");
    const [created] = await h.responsesTo(create.responseId);
    expect(created?.response_type).toBe("ephemeral");
    const createdText = messageText(created ?? {});
    expect(createdText).toContain("$ kubectl create deployment web --image=nginx:1.25 --replicas=3");
    expect(codeText([created ?? {}])).toContain("deployment.apps/web created");
    // The create's own changes: the Deployment and the ReplicaSet its controller made at once.
    expect(createdText).toMatch(/\*Changes\*\n```\n[\s\S]*deployment\/web/);
    expect(createdText).toMatch(/\*Changes\*\n```\n[\s\S]*replicaset\/web-/);

    const get = await h.command(ann, "/k", "get pods");
    expect(get.status).toBe(200);
    const [pods] = await h.responsesTo(get.responseId);
    // It went through the queue: the worker's ReplyJob for this request carries the output.
    const job = await h.replyJobFor(get.responseId);
    expect(job.reply.blocks.some((b) => b.kind === "code" && b.command === "kubectl get pods")).toBe(true);
    const out = codeText([pods ?? {}]);
    expect(out).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(out.match(/^web-[a-z0-9]+-[a-z0-9]{5}\s/gm)).toHaveLength(3);
    // No Changes are asserted here: what changed between the two commands depends on the real time
    // between them (the sandbox follows it), which a fast machine makes shorter than a second.
    // The lesson's step is not done yet: the tutor says so and offers its hint.
    expect(messageText(pods ?? {})).toContain("Not done yet");
    const hintButton = buttons(pods ?? {}).find((b) => b.id === "hint");
    expect(hintButton).toBeDefined();
    // The engine gives the hint itself on request: pressing the reply's Hint button brings it.
    const pressed = await h.click(ann, { action_id: "hint", value: hintButton?.value ?? "" });
    const [hint] = await h.responsesTo(pressed.responseId);
    expect(messageText(hint ?? {})).toMatch(/:bulb: \*Hint[^*]*:\* \S/);
    expect(h.fake.violations).toEqual([]);
  });

  it("answers the Hint button with a hint, through block_actions", async () => {
    const bob = person("U0BOB", "bob");
    const started = await h.command(bob, "/bosun", "lesson start 1");
    const [lesson] = await h.responsesTo(started.responseId);
    expect(buttons(lesson ?? {}).map((b) => b.id)).toContain("hint");
    const hint = await h.click(bob, { action_id: "hint", value: "p" });
    expect(hint.status).toBe(200);
    const [reply] = await h.responsesTo(hint.responseId);
    expect(messageText(reply ?? {})).toMatch(/:bulb: \*Hint/);
  });

  it("tells a person how to use an empty command, and queues nothing", async () => {
    const before = await h.commandCount();
    const res = await h.command(person("U0ANN", "ann"), "/kubectl", "   ");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/\/kubectl get pods/),
    });
    expect(await h.commandCount()).toBe(before);
  });
});

describe("delivery fallbacks", () => {
  it("posts an ephemeral message when the response_url has expired", async () => {
    const body = slashCommandBody(
      person("U0LATE", "lou", "C0LATE"),
      "/kubectl",
      "get nodes",
      `${h.fake.url}/expired/1`,
    );
    const res = await signedPost(h.url, SECRET, body, "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    const eph = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postEphemeral").find((c) => c.args.user === "U0LATE"),
      "the ephemeral fallback",
    );
    expect(eph.args.channel).toBe("C0LATE");
    expect(codeText([eph.args])).toMatch(/^NAME\s+STATUS\s+ROLES/);
  });
});

describe("request verification", () => {
  it("refuses a forged signature and a six-minute-old timestamp with 401, and queues nothing", async () => {
    const before = await h.commandCount();
    const ann = person("U0ANN", "ann");
    const forged = await h.command(ann, "/kubectl", "get pods", { secret: "not-the-signing-secret" });
    expect(forged.status).toBe(401);
    const stale = await h.command(ann, "/kubectl", "get pods", {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    expect(await h.commandCount()).toBe(before);
    expect(h.fake.responses.filter((r) => r.id === forged.responseId || r.id === stale.responseId)).toEqual(
      [],
    );
  });
});
