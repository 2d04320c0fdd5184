// Golden tests of the Discord renderer: real tutor replies and edge cases, within Discord's limits.

import { DiscordLimits, type OutMessage, renderButtons, renderFrame, renderReply } from "@bosun/discord";
import {
  type Content,
  handle,
  loadContentOrThrow,
  newSession,
  readContentDir,
  type Session,
  type TutorEvent,
  type TutorReply,
} from "@bosun/tutor";
import { beforeAll, describe, expect, it } from "vitest";

const NOW = 1_700_000_000_000;
let content: Content;

beforeAll(() => {
  content = loadContentOrThrow(readContentDir());
});

/** Runs events through the real tutor (frozen clock, fixed seed) and returns the last reply. */
function tutorReplies(events: TutorEvent[], group = false): TutorReply[] {
  let session: Session = newSession({ seed: 7, now: NOW });
  const replies: TutorReply[] = [];
  for (const event of events) {
    const r = handle(session, event, { now: NOW + 60_000, actor: { id: "u1", name: "Ada" }, content, group });
    session = r.session;
    replies.push(r.reply);
  }
  return replies;
}

/** Every message within Discord's limits (the same checks the fake Discord makes). */
function expectWithinLimits(messages: OutMessage[]): void {
  for (const m of messages) {
    expect(m.content?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.content);
    expect(m.embeds?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embeds);
    let total = 0;
    for (const e of m.embeds ?? []) {
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedDescription);
      total += (e.title?.length ?? 0) + (e.description?.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(DiscordLimits.embedTotal);
    expect(m.components?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.actionRows);
    for (const row of m.components ?? []) expect(row.components.length).toBeLessThanOrEqual(5);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.content || m.embeds?.length || m.components?.length || m.files?.length).toBeTruthy();
  }
}

/** The bodies of the code blocks of some messages, in order. */
function codeBodies(messages: OutMessage[]): string[] {
  return messages.flatMap((m) =>
    [...(m.content ?? "").matchAll(/```[a-z]*\n([\s\S]*?)\n```/g)].map((x) => x[1] ?? ""),
  );
}

function golden(name: string, messages: OutMessage[]) {
  return expect(`${JSON.stringify(messages, null, 2)}\n`).toMatchFileSnapshot(`golden/${name}.json`);
}

describe("renderReply", () => {
  it("renders a group member's create: who ran it, the output in a code block, the diff as an embed and a Hint button", async () => {
    const [, created] = tutorReplies(
      [
        { type: "lesson", action: "start", lesson: 1 },
        { type: "command", text: "kubectl create deployment web --image=nginx:1.27" },
      ],
      true,
    );
    const messages = renderReply(created as TutorReply);
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toContain("Ada ran: kubectl create deployment web");
    expect(messages[0]?.content).toContain("```\ndeployment.apps/web created\n```");
    expect(messages[0]?.embeds?.[0]?.title).toBe("Changes");
    expect(messages[0]?.components?.[0]?.components[0]).toMatchObject({ custom_id: "hint", label: "Hint" });
    await golden("create-in-group", messages);
  });

  it("renders a hint, a quiz and progress as embeds; quiz answers as letter buttons", async () => {
    const [, hint, quiz, progress] = tutorReplies([
      { type: "lesson", action: "start", lesson: 1 },
      { type: "hint" },
      { type: "quiz" },
      { type: "progress" },
    ]);
    const all = {
      hint: renderReply(hint as TutorReply),
      quiz: renderReply(quiz as TutorReply),
      progress: renderReply(progress as TutorReply),
    };
    for (const m of Object.values(all)) expectWithinLimits(m);
    expect(all.hint[0]?.embeds?.[0]?.title).toBe("Hint");
    expect(all.quiz[0]?.embeds?.[0]?.description).toContain("**B)**");
    expect(all.quiz[0]?.components?.[0]?.components.map((b) => b.label)).toEqual(["A", "B", "C", "D"]);
    expect(all.progress[0]?.embeds?.[0]?.description).toContain("0%");
    await golden("hint-quiz-progress", [...all.hint, ...all.quiz, ...all.progress]);
  });

  it("splits a 5,000-character output across messages at line ends, losing nothing", async () => {
    const lines = Array.from(
      { length: 100 },
      (_, i) => `pod-${String(i).padStart(3, "0")}   1/1   Running   0   ${"x".repeat(19)}`,
    );
    const output = `${lines.join("\n")}\n`;
    expect(output.length).toBe(5000);
    const messages = renderReply({
      blocks: [
        { kind: "text", text: "Ada ran: kubectl get pods" },
        { kind: "code", text: output },
      ],
      actions: [{ id: "hint", label: "Hint" }],
    });
    expectWithinLimits(messages);
    expect(messages.length).toBe(3);
    expect(codeBodies(messages).join("\n")).toBe(output.slice(0, -1));
    expect(messages[2]?.components).toHaveLength(1);
    expect(messages[0]?.components).toBeUndefined();
    await golden("long-output-split", messages);
  });

  it("attaches output longer than 6,000 characters as a file with a preview", async () => {
    const output = `${Array.from({ length: 400 }, (_, i) => `line ${i} ${"y".repeat(30)}`).join("\n")}\n`;
    const messages = renderReply({ blocks: [{ kind: "code", text: output }], actions: [] });
    expectWithinLimits(messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.files).toEqual([{ name: "output.txt", text: output }]);
    expect(messages[0]?.content).toContain("400 lines");
    await golden(
      "huge-output-file",
      messages.map((m) => ({
        ...m,
        files: (m.files ?? []).map((f) => ({ name: f.name, text: `${f.text.length} characters` })),
      })),
    );
  });

  it("keeps hostile text inert: fences cannot be closed early and nothing can mention anyone", async () => {
    const messages = renderReply({
      blocks: [
        { kind: "text", text: "Mallory ran: kubectl get pods @everyone <@&123>" },
        { kind: "code", text: 'Error from server (NotFound): pods "```@here" not found\n', exitCode: 1 },
        { kind: "diff", lines: ["+ pod/```x"] },
      ],
      actions: [],
    });
    expectWithinLimits(messages);
    expect(messages[0]?.content?.match(/```/g)).toHaveLength(2);
    expect(messages[0]?.allowed_mentions).toEqual({ parse: [] });
    await golden("hostile", messages);
  });

  it("splits a diff too long for one embed into several, and embeds past 6,000 characters into more messages", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `+ configmap/cm-${i} (${"z".repeat(30)})`);
    const messages = renderReply({ blocks: [{ kind: "diff", lines }], actions: [] });
    expectWithinLimits(messages);
    const text = messages
      .flatMap((m) => m.embeds ?? [])
      .map((e) => (e.description ?? "").replace(/^```diff\n|\n```$/g, ""));
    expect(text.join("\n")).toBe(lines.join("\n"));
    expect(messages.length).toBeGreaterThan(1);
  });

  it("never returns an empty message", () => {
    expect(renderReply({ blocks: [], actions: [] })).toEqual([
      { content: "Done.", allowed_mentions: { parse: [] } },
    ]);
  });
});

describe("renderButtons", () => {
  it("lays out at most 25 buttons five to a row, dropping repeated or over-long ids", () => {
    const actions = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, label: `Button ${i}` })),
      { id: "b1", label: "again" },
      { id: "x".repeat(101), label: "too long" },
    ];
    const rows = renderButtons(actions);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.components.length === 5)).toBe(true);
    expect(new Set(rows.flatMap((r) => r.components.map((b) => b.custom_id))).size).toBe(25);
    expect(renderButtons([{ id: "l", label: "L".repeat(120) }])[0]?.components[0]?.label).toHaveLength(80);
  });
});

describe("renderFrame", () => {
  it("shows a frame as one code block, and a long one by its last lines with a count of the rest", async () => {
    const short = renderFrame(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\n',
    );
    const long = renderFrame(
      `${Array.from({ length: 200 }, (_, i) => `Waiting ... ${i} of 200 ${"w".repeat(20)}`).join("\n")}\n`,
    );
    expectWithinLimits([short, long]);
    expect(long.content).toMatch(/^-# \d+ earlier lines above/);
    expect(long.content).toContain("199 of 200");
    await golden("frames", [short, long]);
  });
});
