// The fake Slack refuses what Slack refuses, so a renderer that overflows a limit fails its tests.

import { describe, expect, it } from "vitest";
import { blockProblem } from "../fakes/slack-blocks.ts";

const section = (n: number) => ({ type: "section", text: { type: "mrkdwn", text: "x".repeat(n) } });
const button = (id: string, label = "OK") => ({
  type: "button",
  action_id: id,
  value: "p",
  text: { type: "plain_text", text: label },
});

describe("the fake's Block Kit limits", () => {
  it("accepts a message at the limits", () => {
    expect(
      blockProblem(
        Array.from({ length: 50 }, () => section(3000)),
        50,
      ),
    ).toBeUndefined();
  });

  it("refuses a section over 3,000 characters, a 51st block, long labels and repeated action ids", () => {
    expect(blockProblem([section(3001)], 50)).toMatch(/3001 characters/);
    expect(
      blockProblem(
        Array.from({ length: 51 }, () => section(1)),
        50,
      ),
    ).toMatch(/51 blocks/);
    expect(blockProblem([{ type: "actions", elements: [button("a", "x".repeat(76))] }], 50)).toMatch(/label/);
    expect(blockProblem([{ type: "actions", elements: [button("a"), button("a")] }], 50)).toMatch(
      /duplicate/,
    );
    expect(
      blockProblem(
        [{ type: "actions", elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }],
        50,
      ),
    ).toMatch(/26 action elements/);
  });
});
