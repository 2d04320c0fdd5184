// Buttons, the App Home tab and hostile input: block_actions, app_home_opened, and nothing that crashes.

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedPost } from "../fakes/slack-requests.ts";
import { buttons, codeText, messageText, person, SECRET, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"));
});
afterAll(async () => {
  await h?.close();
});

describe("buttons", () => {
  it("answers a personal quiz question pressed as a button", async () => {
    const quinn = person("U0QUINN", "quinn");
    const asked = await h.command(quinn, "/bosun", "quiz");
    const [question] = await h.responsesTo(asked.responseId);
    const answers = buttons(question ?? {}).filter((b) => b.id.startsWith("quiz:"));
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const pressed = await h.click(quinn, { action_id: answers[0]?.id ?? "", value: "p" });
    expect(pressed.status).toBe(200);
    const [feedback] = await h.responsesTo(pressed.responseId);
    expect(messageText(feedback ?? {})).toMatch(/Correct!|Not quite\. The answer is/);
  });

  it("tells the person when a button's id means nothing, and queues nothing", async () => {
    const before = await h.commandCount();
    const res = await h.click(person("U0QUINN", "quinn"), { action_id: "self-destruct", value: "p" });
    expect(res.status).toBe(200);
    const [note] = await h.responsesTo(res.responseId);
    expect(note?.text).toMatch(/no longer does anything/);
    expect(await h.commandCount()).toBe(before);
  });
});

describe("App Home", () => {
  it("publishes the learner's progress and the lesson list; a lesson button there answers in the DM", async () => {
    const res = await h.event({
      type: "app_home_opened",
      user: "U0HOME",
      channel: "D0HOME",
      tab: "home",
      event_ts: "1700000000.1",
    });
    expect(res.status).toBe(200);
    const full = await h.fake.waitFor(
      () =>
        h.fake
          .callsTo("views.publish")
          .filter((c) => c.args.user_id === "U0HOME")
          .find((c) => !JSON.stringify(c.args.view).includes("Loading")),
      "a Home view with both parts",
    );
    const view = full.args.view as { type: string; blocks: Array<Record<string, unknown>> };
    expect(view.type).toBe("home");
    const text = messageText(view);
    expect(text).toMatch(/Your progress/);
    expect(text).toMatch(/Lessons/);
    expect(text).toMatch(/Deployments and ReplicaSets/);
    const start = buttons(view).find((b) => b.id.startsWith("lesson:start:"));
    expect(start?.value).toBe("h");

    const home = { ...person("U0HOME", "hana"), channel: "D0HOME" };
    const clicked = await h.click(home, { action_id: start?.id ?? "", value: "h" }, "view");
    expect(clicked.status).toBe(200);
    const dm = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === "U0HOME"),
      "the lesson's first message in the app's DM",
    );
    expect(messageText(dm.args)).toMatch(/Lesson \d+/);
  });
});

describe("hostile input", () => {
  it("survives odd text, malformed payloads and oversized commands, and still serves", async () => {
    const eve = person("U0EVE", "eve");
    const texts = [
      "get pods \u0000\u0007\u001b[31m",
      "<script>alert(1)</script> &amp;&lt;&gt;",
      `get ${"é".repeat(5000)}`,
      "apply -f - -f - --filename=",
      "get pods -o jsonpath='{.items[*]}' \"unterminated",
      "get ```` ``` `code`",
      "\u202Eget pods\u202C 🦀",
    ];
    for (const t of texts) {
      const res = await h.command(eve, "/kubectl", t);
      expect(res.status).toBe(200);
    }
    for (const t of ['quiz schedule "', "lesson start 99999", "group on off", "x".repeat(2500), "answer"]) {
      const res = await h.command(eve, "/bosun", t);
      expect(res.status).toBe(200);
    }
    const garbage = await signedPost(
      h.url,
      SECRET,
      "payload=%7Bnot-json",
      "application/x-www-form-urlencoded",
    );
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    const noAction = await signedPost(
      h.url,
      SECRET,
      new URLSearchParams({
        payload: JSON.stringify({ type: "block_actions", actions: [], user: { id: "U0EVE" } }),
      }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(noAction.status).toBeLessThan(500);

    // Still serving: a normal command gets its reply.
    const ok = await h.command(eve, "/kubectl", "get namespaces");
    expect(codeText(await h.responsesTo(ok.responseId))).toMatch(/^NAME\s+STATUS\s+AGE\ndefault\s/);
    expect(h.fake.violations).toEqual([]);
  });
});

describe("mentions in a thread", () => {
  it("answers @bosun kubectl in the thread it was asked in, with a pasted manifest as stdin", async () => {
    const text =
      '<@U0BOT> kubectl apply -f -\n```\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeting\ndata:\n  hello: "a &amp; b &lt;3"\n```';
    const res = await h.event({
      type: "app_mention",
      user: "U0TESS",
      text,
      ts: "1700000100.000200",
      thread_ts: "1700000100.000100",
      channel: "C0THREAD",
      event_ts: "1700000100.000200",
    });
    expect(res.status).toBe(200);
    const reply = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postEphemeral").find((c) => c.args.user === "U0TESS"),
      "an ephemeral reply in the thread",
    );
    expect(reply.args.channel).toBe("C0THREAD");
    expect(reply.args.thread_ts).toBe("1700000100.000100");
    expect(codeText([reply.args])).toBe("configmap/greeting created");
    // Slack's entities were undone in the manifest, nothing else.
    await h.event({
      type: "app_mention",
      user: "U0TESS",
      text: "<@U0BOT> kubectl get configmap greeting -o yaml",
      ts: "1700000100.000300",
      thread_ts: "1700000100.000100",
      channel: "C0THREAD",
      event_ts: "1700000100.000300",
    });
    const yaml = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postEphemeral").filter((c) => c.args.user === "U0TESS")[1],
      "the configmap's YAML",
    );
    expect(codeText([yaml.args])).toMatch(/hello: a & b <3/);
  });

  it("answers in the thread in the channel's shared sandbox when group mode is on", async () => {
    const channel = "C0THREADG";
    const on = await h.command(person("U0TESS", "tess", channel), "/bosun", "group on");
    expect(JSON.parse(on.text)).toMatchObject({ response_type: "in_channel" });
    await h.event({
      type: "app_mention",
      user: "U0TESS",
      user_profile: { name: "tess", display_name: "tess" },
      text: "<@U0BOT> k create deployment threaded --image=nginx:1.25",
      ts: "1700000200.000200",
      thread_ts: "1700000200.000100",
      channel,
      event_ts: "1700000200.000200",
    });
    const post = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === channel),
      "the group reply in the thread",
    );
    expect(post.args.thread_ts).toBe("1700000200.000100");
    expect(messageText(post.args)).toMatch(/tess ran:? .*kubectl create deployment threaded/);
    expect(codeText([post.args])).toBe("deployment.apps/threaded created");
  });
});
