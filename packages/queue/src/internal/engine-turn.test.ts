// The cheap reply check agrees with the reply schema on what an engine reply can get wrong: sizes.

import { describe, expect, it } from "vitest";
import { withinReplyBounds } from "./engine-turn.ts";
import { type ReplyJob, replyJobSchema } from "./schemas.ts";

const base: ReplyJob = {
  v: 1,
  eventId: "e1",
  platform: "slack",
  target: { channel: "C1" },
  visibility: "personal",
  kind: "reply",
  reply: { blocks: [{ kind: "code", text: "ok", command: "kubectl get pods", exitCode: 0 }], actions: [] },
};

function variant(change: (r: ReplyJob) => void): ReplyJob {
  const r = structuredClone(base);
  change(r);
  return r;
}

describe("withinReplyBounds", () => {
  const cases: [string, ReplyJob][] = [
    ["a plain reply", base],
    [
      "201 blocks",
      variant((r) => (r.reply.blocks = Array.from({ length: 201 }, () => ({ kind: "text", text: "x" })))),
    ],
    [
      "200 blocks",
      variant((r) => (r.reply.blocks = Array.from({ length: 200 }, () => ({ kind: "text", text: "x" })))),
    ],
    [
      "a text over 1 MiB",
      variant((r) => (r.reply.blocks = [{ kind: "text", text: "x".repeat(1024 * 1024 + 1) }])),
    ],
    [
      "a quiz prompt over 1 MiB",
      variant(
        (r) => (r.reply.blocks = [{ kind: "quiz", questionId: "q", prompt: "x".repeat(1024 * 1024 + 1) }]),
      ),
    ],
    [
      "26 actions",
      variant((r) => (r.reply.actions = Array.from({ length: 26 }, (_, i) => ({ id: `a${i}`, label: "A" })))),
    ],
    ["an action id of 101", variant((r) => (r.reply.actions = [{ id: "x".repeat(101), label: "A" }]))],
    ["an empty label", variant((r) => (r.reply.actions = [{ id: "hint", label: "" }]))],
    ["a label of 81", variant((r) => (r.reply.actions = [{ id: "hint", label: "x".repeat(81) }]))],
    ["21 frames", variant((r) => (r.frames = Array.from({ length: 21 }, () => "f")))],
    ["a frame over 256 KiB", variant((r) => (r.frames = ["x".repeat(256 * 1024 + 1)]))],
    ["20 frames", variant((r) => (r.frames = Array.from({ length: 20 }, () => "f")))],
  ];
  it.each(cases)("agrees with the schema: %s", (_, reply) => {
    expect(withinReplyBounds(reply)).toBe(replyJobSchema.safeParse(reply).success);
  });
});
