// Golden files and limit checks for the Block Kit renderer.

import type { ReplyBlock } from "@bosun/tutor";
import { describe, expect, it } from "vitest";
import { LIMITS, type SlackMessage, unescapeMrkdwn } from "./blocks.ts";
import { renderHome } from "./home.ts";
import { type RenderInput, renderReply } from "./reply.ts";

const golden = (name: string) => `./__golden__/${name}.json`;
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function personal(blocks: ReplyBlock[], actions: RenderInput["reply"]["actions"] = []): RenderInput {
  return { visibility: "personal", kind: "reply", reply: { blocks, actions } };
}

/** Every limit Slack enforces on what we send. */
function expectWithinLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    for (const b of m.blocks) {
      if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.type === "actions") {
        expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
          expect(e.action_id.length).toBeLessThanOrEqual(LIMITS.actionId);
          expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        }
      }
    }
  }
}

/** The text of every code block, in order, joined back: what the person can read. */
function codeText(messages: SlackMessage[]): string {
  const pieces: string[] = [];
  for (const m of messages)
    for (const b of m.blocks) {
      if (b.type !== "section") continue;
      const match = /```\n([\s\S]*)\n```$/.exec(b.text.text);
      if (match) pieces.push(unescapeMrkdwn(match[1] ?? ""));
    }
  return pieces.join("\n");
}

const PODS = [
  "NAME                   READY   STATUS    RESTARTS   AGE",
  "web-7d4b9c8f6d-2xkqp   1/1     Running   0          12s",
  "web-7d4b9c8f6d-8mz4t   1/1     Running   0          12s",
  "web-7d4b9c8f6d-tq9wn   1/1     Running   0          12s",
].join("\n");

describe("renderReply", () => {
  it("renders a command's output, diff, hint and buttons", async () => {
    const out = renderReply(
      personal(
        [
          { kind: "code", command: "kubectl get pods", text: `${PODS}\n`, exitCode: 0 },
          { kind: "diff", lines: ["+ pod/web-7d4b9c8f6d-2xkqp Running", "~ deployment/web 2/3 → 3/3"] },
          { kind: "hint", level: 1, text: "Try `kubectl scale deployment web --replicas=5`." },
          { kind: "progress", text: "Lesson 2, step 3 of 5", percent: 40 },
        ],
        [
          { id: "hint", label: "Hint" },
          { id: "next", label: "Next step", style: "primary" },
          { id: "solution", label: "Solution" },
        ],
      ),
    );
    expect(out).toHaveLength(1);
    expectWithinLimits(out);
    await expect(json(out)).toMatchFileSnapshot(golden("command"));
  });

  it("escapes Slack's reserved characters and marks a failed command", async () => {
    const out = renderReply(
      personal([
        {
          kind: "code",
          command: "kubectl get pods -l 'app in (a,b)' `x`",
          text: 'Error from server (NotFound): pods "<none>" & more not found',
          exitCode: 1,
        },
        { kind: "warning", text: "Pin the image tag: nginx:latest moves.", lesson: 4 },
        { kind: "tip", text: "Set requests & limits." },
        { kind: "success", text: "Step done!" },
      ]),
    );
    expectWithinLimits(out);
    await expect(json(out)).toMatchFileSnapshot(golden("escaping"));
  });

  it("renders a quiz question with answer buttons, long labels shortened", async () => {
    const long =
      "A ReplicaSet that keeps the desired number of pods running, even when a node fails and comes back";
    const out = renderReply(
      personal(
        [
          {
            kind: "quiz",
            questionId: "q-rs-1",
            prompt: "What does a Deployment manage?",
            choices: [long, "Pods directly", "Nodes"],
          },
        ],
        [
          { id: "quiz:q-rs-1:a", label: long },
          { id: "quiz:q-rs-1:b", label: "Pods directly" },
          { id: "quiz:q-rs-1:c", label: "Nodes" },
          { id: "quiz:q-rs-1:c", label: "Nodes (again)" },
        ],
      ),
    );
    expectWithinLimits(out);
    const actions = out[0]?.blocks.find((b) => b.type === "actions");
    expect(actions?.type === "actions" ? actions.elements.map((e) => e.action_id) : []).toEqual([
      "quiz:q-rs-1:a",
      "quiz:q-rs-1:b",
      "quiz:q-rs-1:c",
    ]);
    await expect(json(out)).toMatchFileSnapshot(golden("quiz"));
  });

  it("renders a channel round with a header, its closing time and round buttons", async () => {
    const out = renderReply({
      visibility: "channel",
      kind: "round",
      round: { n: 3, closesAt: Date.UTC(2025, 0, 6, 11, 0, 0) },
      reply: {
        blocks: [
          {
            kind: "quiz",
            questionId: "q1",
            prompt: "Which object heals pods?",
            choices: ["ReplicaSet", "Service"],
          },
        ],
        actions: [
          { id: "round:q1:a", label: "a" },
          { id: "round:q1:b", label: "b" },
        ],
      },
    });
    expectWithinLimits(out);
    await expect(json(out)).toMatchFileSnapshot(golden("round"));
  });

  it("renders a reveal and a group reply with group-scoped buttons", async () => {
    const reveal = renderReply({
      visibility: "channel",
      kind: "reveal",
      round: { n: 3, closesAt: 0 },
      reply: {
        blocks: [{ kind: "text", text: "The answer was a) ReplicaSet.\n1. ann 3 pts\n2. bob 1 pt" }],
        actions: [],
      },
    });
    const group = renderReply({
      visibility: "channel",
      kind: "reply",
      reply: {
        blocks: [
          { kind: "text", text: "ann ran: kubectl get deploy" },
          {
            kind: "code",
            text: "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           1m",
          },
        ],
        actions: [{ id: "hint", label: "Hint" }],
      },
    });
    await expect(json({ reveal, group })).toMatchFileSnapshot(golden("reveal-and-group"));
  });

  it("splits a 5,000-character output over sections and loses nothing", () => {
    const lines = Array.from(
      { length: 120 },
      (_, i) => `pod/web-${String(i).padStart(3, "0")}   1/1   Running   0   ${i}s & <ok>`,
    );
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(5000);
    const out = renderReply(personal([{ kind: "code", command: "kubectl get pods", text }]));
    expectWithinLimits(out);
    expect(out[0]?.blocks.filter((b) => b.type === "section").length).toBeGreaterThanOrEqual(2);
    expect(codeText(out)).toBe(text);
  });

  it("spreads a very long output over several messages of at most 50 blocks", () => {
    const text = Array.from({ length: 6000 }, (_, i) => `line ${i} ${"x".repeat(30)}`).join("\n");
    const out = renderReply(personal([{ kind: "code", text }], [{ id: "hint", label: "Hint" }]));
    expect(out.length).toBeGreaterThan(1);
    expectWithinLimits(out);
    expect(codeText(out)).toBe(text);
    expect(out.at(-1)?.blocks.at(-1)?.type).toBe("actions");
    expect(out[1]?.text).toMatch(/continued, 2\//);
  });

  it("cuts a single line longer than a section without losing characters", () => {
    const text = "&".repeat(7000);
    const out = renderReply(personal([{ kind: "code", text }]));
    expectWithinLimits(out);
    expect(codeText(out).replace(/\n/g, "")).toBe(text);
  });

  it("splits long prose and long diffs too", () => {
    const prose = Array.from({ length: 400 }, (_, i) => `Sentence ${i} explains something.`).join("\n");
    const out = renderReply(
      personal([
        { kind: "text", text: prose },
        { kind: "diff", lines: prose.split("\n") },
      ]),
    );
    expectWithinLimits(out);
    expect(out.flatMap((m) => m.blocks).filter((b) => b.type === "section").length).toBeGreaterThan(4);
  });
});

describe("renderHome", () => {
  it("shows progress and lessons, with a placeholder for a part still on its way", async () => {
    const view = renderHome({
      progress: { blocks: [{ kind: "progress", text: "3 of 16 lessons done", percent: 19 }], actions: [] },
    });
    await expect(json(view)).toMatchFileSnapshot(golden("home"));
  });

  it("stays within 100 blocks", () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ kind: "text" as const, text: `Lesson ${i}` }));
    const view = renderHome({ lessons: { blocks: many, actions: [] } });
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    expect(JSON.stringify(view.blocks.at(-1))).toMatch(/lesson list/);
  });
});
