// A learner over the rate limit gets a friendly reply; other learners lose nothing.

import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, Pipeline, textOf, userSession } from "./pipeline-harness.ts";

let p: Pipeline;
beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  await p.worker({ concurrency: 4, rate: { capacity: 3, refillPerSecond: 0.01 } });
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

test("a burst over the bucket gets the friendly reply, and nothing is lost for the others", async () => {
  const fast = userSession("U-fast");
  const calm = userSession("U-calm");
  const t = 1_760_000_000_000;
  const burst = Array.from({ length: 6 }, (_, i) =>
    eventJob(fast, `kubectl create configmap b${i + 1} --from-literal=k=v`, { sentAt: t + i }),
  );
  const others = Array.from({ length: 2 }, (_, i) =>
    eventJob(calm, `kubectl create configmap o${i + 1} --from-literal=k=v`, { sentAt: t + i }),
  );
  for (const j of [...burst, ...others]) await p.send(j);
  await until("every reply", () => (p.replies.length >= 8 ? true : undefined));

  const texts = burst.map((j) => textOf(p, j.eventId));
  expect(texts.slice(0, 3).every((x) => x.includes("created"))).toBe(true);
  for (const x of texts.slice(3)) expect(x).toContain("going a bit fast");
  for (const j of others) expect(textOf(p, j.eventId)).toContain("created");
  expect((await p.store.load(fast)).applied).toBe(6);
  expect((await p.store.load(calm)).applied).toBe(2);
});
