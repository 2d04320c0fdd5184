// Engine threads: a long command on one session does not hold up another session's command, and a
// thread that stops mid-command costs a retry, never a lost or doubled event.

import { type BosunWorker, jobIdOf } from "@bosun/queue";
import { type SessionRef, sessionTag } from "@bosun/store";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { eventJob, Pipeline, textOf, userSession } from "./pipeline-harness.ts";

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A cron job every minute and an autoscaled deployment: `sleep 24h` then runs for seconds. */
const BUSY = [
  'kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *"',
  "kubectl create deployment web --image=nginx --replicas=10",
  "kubectl autoscale deployment web --min=2 --max=10 --cpu-percent=50",
];

let p: Pipeline;
let w: BosunWorker;
beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  w = await p.worker({ engineThreads: 1, concurrency: 4, rate: false });
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

async function run(s: SessionRef, text: string) {
  const job = eventJob(s, text);
  await p.send(job);
  return p.repliesTo(job.eventId);
}

test("a long command on one session does not stall another session's short command", {
  timeout: 120_000,
}, async () => {
  expect(w.engine.threads).toBe(1);
  const [long, short] = [userSession("U-long"), userSession("U-short")];
  for (const line of BUSY) await run(long, line);
  await run(short, "kubectl get nodes");

  const slow = eventJob(long, "sleep 24h");
  await p.send(slow);
  // The long turn is on its engine thread: the worker's own thread is free meanwhile.
  await until("the long turn on its thread", () => (w.engine.inFlight > 0 ? true : undefined));
  const quick = eventJob(short, "kubectl get pods");
  await p.send(quick);
  await p.repliesTo(quick.eventId);
  expect(textOf(p, quick.eventId)).toContain("No resources found");
  expect(p.replies.some((r) => r.reply.eventId === slow.eventId)).toBe(false);

  const [late] = await p.repliesTo(slow.eventId);
  expect(late?.reply.blocks.some((b) => b.kind === "diff")).toBe(true);
  expect((await p.store.load(long)).applied).toBe(BUSY.length + 1);
  expect((await p.store.load(short)).applied).toBe(2);
});

test("a thread stopped mid-command: the job is retried on a new thread and applied exactly once", {
  timeout: 120_000,
}, async () => {
  const s = userSession("U-crash");
  for (const line of BUSY) await run(s, line);
  const victim = eventJob(s, "sleep 24h");
  await p.send(victim);
  await until("the turn on its thread", () => (w.engine.inFlight > 0 ? true : undefined));
  await w.engine.stopThreadOf(sessionTag(s));

  const [reply] = await p.repliesTo(victim.eventId);
  expect(reply?.reply.blocks.some((b) => b.kind === "diff")).toBe(true);
  const job = await p.producer.queue.getJob(jobIdOf(victim.eventId));
  expect(job?.failedReason).toContain("engine thread stopped");
  const rec = await p.store.load(s);
  expect(rec.applied).toBe(BUSY.length + 1);
  // Still exactly one reply, and the replacement thread serves the session's next command.
  await run(s, "kubectl get cronjobs");
  expect(p.replies.filter((r) => r.reply.eventId === victim.eventId)).toHaveLength(1);
  expect((await p.store.load(s)).applied).toBe(BUSY.length + 2);
});

test("engineThreads 0 runs the engine on the worker's own thread, with the same answers", {
  timeout: 60_000,
}, async () => {
  const q = new Pipeline(inject("redisUrl"));
  try {
    const inline = await q.worker({ engineThreads: 0, rate: false });
    q.collect();
    expect(inline.engine.threads).toBe(0);
    const s = userSession("U-inline");
    const first = eventJob(s, "kubectl create deployment web --image=nginx --replicas=2");
    await q.send(first);
    await q.repliesTo(first.eventId);
    const second = eventJob(s, "kubectl get deployment web");
    await q.send(second);
    await q.repliesTo(second.eventId);
    expect(textOf(q, second.eventId)).toMatch(/web\s+\d\/2/);
  } finally {
    await q.close();
  }
});
