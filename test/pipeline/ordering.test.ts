// No lost updates and send order kept: one session's 200 commands spread over 4 workers.

import { Sim } from "@bosun/sim";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, Pipeline, replyText, userSession } from "./pipeline-harness.ts";

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
  // Every tenth command lists the configmaps: its reply must show exactly those created before it,
  // whichever worker ran it and however early its reply went out.
  const listing = (k: number) => (k + 1) % 10 === 0;
  const jobs = Array.from({ length: N }, (_, k) =>
    eventJob(
      s,
      listing(k) ? "kubectl get configmaps -o name" : `kubectl create configmap c${k + 1} --from-literal=k=v`,
    ),
  );
  for (const j of jobs) await p.send(j);
  await until("all replies", () => (p.replies.length >= N ? true : undefined), 100_000);

  for (const j of jobs) expect(p.replies.filter((r) => r.reply.eventId === j.eventId)).toHaveLength(1);
  for (const [k, j] of jobs.entries()) {
    if (!listing(k)) continue;
    const reply = p.replies.find((r) => r.reply.eventId === j.eventId);
    expect(reply).toBeDefined();
    const names = replyText(reply?.reply ?? ({ ...j, reply: { blocks: [], actions: [] } } as never))
      .split("\n")
      .filter((l) => l.startsWith("configmap/c"))
      .map((l) => l.slice("configmap/".length))
      .sort();
    const created = jobs
      .slice(0, k)
      .map((_, i) => i)
      .filter((i) => !listing(i))
      .map((i) => `c${i + 1}`)
      .sort();
    expect(names).toEqual(created);
  }
  const rec = await p.settled(s);
  expect(rec.applied).toBe(N);
  const session = await p.session(s);
  // Each command ran once: the session counts N events, and a repeat would have said "already exists".
  expect(session.n).toBe(N);
  for (const r of p.replies) expect(JSON.stringify(r.reply.reply)).not.toContain("already exists");
  const sim = Sim.restore(session.sim);
  const created = jobs.map((_, k) => k).filter((k) => !listing(k));
  const rvs = created.map((k) =>
    Number(sim.get("configmaps", "default", `c${k + 1}`)?.metadata.resourceVersion),
  );
  expect(rvs.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  for (let i = 1; i < rvs.length; i++) expect(rvs[i]).toBeGreaterThan(rvs[i - 1] ?? Number.POSITIVE_INFINITY);
});
