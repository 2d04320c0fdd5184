// An event goes through the producer, the commands queue and a worker, and its reply comes back.

import { expect, test } from "vitest";
import { eventJob, sharedPipeline, textOf, userSession } from "./pipeline-harness.ts";

const p = sharedPipeline();

test("a lesson command comes back on replies-slack with output, diff and hint", async () => {
  const s = userSession("U-e2e");
  const start = eventJob(s, "lesson start 1");
  await p().send(start);
  const [lesson] = await p().repliesTo(start.eventId);
  expect(lesson?.kind).toBe("reply");
  expect(lesson?.visibility).toBe("personal");
  expect(lesson?.target).toEqual(start.target);
  expect(lesson?.actor).toEqual(start.actor);

  const run = eventJob(s, "kubectl create deployment web --image=nginx:1.27");
  await p().send(run);
  const [reply] = await p().repliesTo(run.eventId);
  const kinds = reply?.reply.blocks.map((b) => b.kind) ?? [];
  expect(kinds).toContain("code");
  expect(kinds).toContain("diff");
  expect(textOf(p(), run.eventId)).toContain("deployment.apps/web created");
  expect(textOf(p(), run.eventId)).toContain("Not done yet");
  expect(reply?.frames).toBeUndefined();

  const hint = eventJob(s, "hint");
  await p().send(hint);
  const [h] = await p().repliesTo(hint.eventId);
  expect(h?.reply.blocks.some((b) => b.kind === "hint")).toBe(true);

  const watch = eventJob(s, "kubectl rollout status deployment/web");
  await p().send(watch);
  const [w] = await p().repliesTo(watch.eventId);
  const code = w?.reply.blocks.find((b) => b.kind === "code");
  expect(w?.frames?.length).toBeGreaterThanOrEqual(2);
  expect(w?.frames?.at(-1)).toBe(code && "text" in code ? code.text : "no code block");
  expect(w?.frames?.[0]).toContain("Waiting for deployment");

  // Delivered replies leave the outbox (with the next commit, or shortly after the last one).
  const rec = await p().settled(s);
  expect(rec.applied).toBe(4);
});
