// Output longer than a section (3,000 characters) arrives whole, split over sections and messages.

import { renderReply } from "@bosun/slack";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { codeText, person, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
beforeAll(async () => {
  h = await SlackHarness.start(inject("redisUrl"));
});
afterAll(async () => {
  await h?.close();
});

describe("long output", () => {
  it("delivers kubectl describe nodes (over 5,000 characters) whole, within Block Kit's limits", async () => {
    const res = await h.command(person("U0LONG", "lena"), "/kubectl", "describe nodes");
    const sent = await h.replyJobFor(res.responseId);
    const code = sent.reply.blocks.find((b) => b.kind === "code");
    expect(code?.kind).toBe("code");
    const output = code?.kind === "code" ? code.text : "";
    expect(output.length).toBeGreaterThan(5000);

    // Wait for every message the reply is packed into, not just the first.
    const bodies = await h.responsesTo(res.responseId, renderReply(sent).length);
    const sections = bodies.flatMap((b) =>
      (b.blocks as Array<{ type: string }>).filter((x) => x.type === "section"),
    );
    expect(sections.length).toBeGreaterThanOrEqual(2);
    expect(codeText(bodies)).toBe(output.replace(/\n+$/, ""));
    expect(h.fake.violations).toEqual([]);
  });
});
