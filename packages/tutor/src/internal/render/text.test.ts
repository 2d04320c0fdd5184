// The plain-text renderer: each block kind as a terminal shows it, colour only when asked.

import { describe, expect, it } from "vitest";
import { renderText } from "./text.ts";

describe("renderText", () => {
  it("renders every block kind, separated by blank lines, then the buttons", () => {
    const out = renderText({
      blocks: [
        { kind: "text", text: "alex ran: kubectl get pods" },
        { kind: "code", text: "No resources found in default namespace.\n", exitCode: 0 },
        {
          kind: "diff",
          lines: ["+ deployment/web (3 replicas, nginx:1.25)", "~ pod/web-1: Pending → Running"],
        },
        { kind: "hint", level: 1, text: "Look at the labels." },
        { kind: "hint", level: 3, text: "Run `kubectl get nodes`." },
        { kind: "success", text: "Step 1 of 5 done (+10 XP)." },
        { kind: "warning", text: "Not quite." },
        { kind: "tip", text: "pin the image tag (lesson 11)", lesson: 11 },
        { kind: "progress", text: "5 of 88 steps done", percent: 6 },
        { kind: "quiz", questionId: "q", prompt: "Which?", choices: ["one", "two"] },
      ],
      actions: [
        { id: "hint", label: "Hint" },
        { id: "next", label: "Next step" },
        { id: "quiz:q:a", label: "a) one" },
      ],
    });
    expect(out).toBe(
      [
        "alex ran: kubectl get pods\n",
        "No resources found in default namespace.\n",
        "Changes:\n  + deployment/web (3 replicas, nginx:1.25)\n  ~ pod/web-1: Pending → Running\n",
        "Hint: Look at the labels.\n",
        "Hint (last one): Run `kubectl get nodes`.\n",
        "✓ Step 1 of 5 done (+10 XP).\n",
        "Warning: Not quite.\n",
        "Tip: pin the image tag (lesson 11)\n",
        "[#-------------------] 6% 5 of 88 steps done\n",
        "Which?\n  a) one\n  b) two\n",
        "[Hint] [Next step] [a]\n",
      ].join("\n"),
    );
  });

  it("adds ANSI colour only when asked", () => {
    const reply = { blocks: [{ kind: "hint" as const, level: 1 as const, text: "x" }], actions: [] };
    const ESC = "\u001b";
    expect(renderText(reply)).not.toContain(ESC);
    expect(renderText(reply, { colour: true })).toBe(`${ESC}[1;33mHint:${ESC}[0m x\n`);
  });
});
