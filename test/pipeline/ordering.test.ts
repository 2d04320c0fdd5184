// No lost updates and send order kept: one session's 200 commands spread over 4 workers.

import { Sim } from "@bosun/sim";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, Pipeline, userSession } from "./pipeline-harness.ts";

const N = 200;
let p: Pipeline;
beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  for (let i = 0; i < 4; i++) await p.worker({ concurrency: 4, rate: false });
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

test("200 commands of one session from 4 workers are all applied, once each, in send order", {
  timeout: 120_000,
}, async () => {
  const s = userSession("U-order");
  const jobs = Array.from({ length: N }, (_, k) =>
    eventJob(s, `kubectl create configmap c${k + 1} --from-literal=k=v`),
  );
  for (const j of jobs) await p.send(j);
  await until("all replies", () => (p.replies.length >= N ? true : undefined), 100_000);

  for (const j of jobs) expect(p.replies.filter((r) => r.reply.eventId === j.eventId)).toHaveLength(1);
  const rec = await p.settled(s);
  expect(rec.applied).toBe(N);
  const session = await p.session(s);
  // Each command ran once: the session counts N events, and a repeat would have said "already exists".
  expect(session.n).toBe(N);
  for (const r of p.replies) expect(JSON.stringify(r.reply.reply)).not.toContain("already exists");
  const sim = Sim.restore(session.sim);
  const rvs = jobs.map((_, k) =>
    Number(sim.get("configmaps", "default", `c${k + 1}`)?.metadata.resourceVersion),
  );
  expect(rvs.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  for (let k = 1; k < N; k++) expect(rvs[k]).toBeGreaterThan(rvs[k - 1] ?? Number.POSITIVE_INFINITY);
});
