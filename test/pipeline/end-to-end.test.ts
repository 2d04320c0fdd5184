// An event goes through the producer, the commands queue and a worker, and its reply comes back.

import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { eventJob, Pipeline, replyText, userSession } from "./pipeline-harness.ts";

let p: Pipeline;
beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  await p.worker({ concurrency: 4 });
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

test("a lesson command comes back on replies-slack with output, diff and hint", async () => {
  const s = userSession("U-e2e");
  const start = eventJob(s, "lesson start 1");
  await p.send(start);
  const [lesson] = await p.repliesTo(start.eventId);
  expect(lesson?.kind).toBe("reply");
  expect(lesson?.visibility).toBe("personal");
  expect(lesson?.target).toEqual(start.target);
  expect(lesson?.actor).toEqual(start.actor);

  const run = eventJob(s, "kubectl create deployment web --image=nginx:1.27");
  await p.send(run);
  const [reply] = await p.repliesTo(run.eventId);
  const kinds = reply?.reply.blocks.map((b) => b.kind) ?? [];
  expect(kinds).toContain("code");
  expect(kinds).toContain("diff");
  expect(replyText(reply!)).toContain("deployment.apps/web created");
  expect(kinds.some((k) => k === "hint" || k === "success" || k === "text")).toBe(true);

  const rec = await p.store.load(s);
  expect(rec.applied).toBe(2);
  expect(rec.outbox).toEqual({});
});
