// Redis drops every connection of the pipeline while commands flow: nothing is lost and nothing runs twice.

import { COMMANDS_QUEUE } from "@bosun/queue";
import { Sim } from "@bosun/sim";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, Pipeline, userSession } from "./pipeline-harness.ts";

const SESSIONS = 5;
const PER_SESSION = 20;
let p: Pipeline;
let admin: Redis;
let kills = 0;

beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  for (let i = 0; i < 2; i++)
    await p.worker({ concurrency: 4, rate: false, lockDurationMs: 5_000, stalledIntervalMs: 2_000 });
  p.collect();
  admin = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  await admin?.quit();
  await p?.close();
});

/** This pipeline's connections in CLIENT LIST (each is named after its prefix), no one else's. */
async function ours(): Promise<{ id: string; name: string }[]> {
  return String(await admin.client("LIST"))
    .split("\n")
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1] ?? "", name: /\bname=(\S*)/.exec(line)?.[1] ?? "" }))
    .filter((c) => c.id !== "" && c.name.startsWith(p.prefix));
}

/**
 * Drops every connection of this test's pipeline — both workers' command, blocking and shared
 * connections, the producer, the store, the reply consumer — and no one else's (other suites share
 * this Redis). Waits first until both workers are connected again (their two connections each, and
 * their blocking ones on `commands`), so every drop really cuts the workers off.
 */
async function killAll(): Promise<void> {
  const blocking = `${p.queuePrefix}:${Buffer.from(COMMANDS_QUEUE).toString("base64")}`;
  const mine = await until("both workers connected", async () => {
    const list = await ours();
    const count = (name: string) => list.filter((c) => c.name === name).length;
    return count(`${p.queuePrefix}:worker`) >= 4 && count(blocking) >= 2 ? list : undefined;
  });
  let killed = 0;
  for (const c of mine) killed += Number(await admin.client("KILL", "ID", c.id).catch(() => 0));
  expect(killed).toBeGreaterThanOrEqual(6);
  kills++;
}

/** Sends like an adapter would: on a failure (Redis gone), the same event again. */
async function sendRetrying(job: Parameters<Pipeline["send"]>[0]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await p.send(job);
      return;
    } catch (err) {
      if (attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

test("workers reconnect; every command is applied exactly once and every reply delivered", {
  timeout: 120_000,
}, async () => {
  const sessions = Array.from({ length: SESSIONS }, (_, k) => userSession(`U-drop-${k}`));
  const jobs = sessions.flatMap((s) =>
    Array.from({ length: PER_SESSION }, (_, i) => ({
      s,
      i,
      job: eventJob(s, `kubectl create configmap c${i + 1} --from-literal=k=v`),
    })),
  );
  // Interleave sessions, as concurrent learners would.
  jobs.sort((a, b) => a.i - b.i);
  let n = 0;
  for (const { job } of jobs) {
    await sendRetrying(job);
    if (++n % 25 === 0) await killAll();
  }
  const thresholds = [20, 45, 70];
  await until(
    "all replies",
    async () => {
      const got = new Set(p.replies.map((r) => r.reply.eventId)).size;
      while (thresholds.length > 0 && got >= (thresholds[0] ?? 0)) {
        thresholds.shift();
        await killAll();
      }
      return got >= jobs.length ? true : undefined;
    },
    100_000,
  );
  expect(kills).toBeGreaterThanOrEqual(4);

  const delivered = new Set(p.replies.map((r) => r.reply.eventId));
  for (const { job } of jobs) expect(delivered.has(job.eventId)).toBe(true);
  for (const s of sessions) {
    const rec = await until("session settled", async () => {
      const r = await p.store.load(s);
      return Object.keys(r.outbox).length === 0 ? r : undefined;
    });
    expect(rec.applied).toBe(PER_SESSION);
    const sim = Sim.restore((await p.session(s)).sim);
    const names = sim.list("configmaps", "default").map((o) => o.metadata.name);
    for (let i = 1; i <= PER_SESSION; i++) expect(names).toContain(`c${i}`);
    const rvs = Array.from({ length: PER_SESSION }, (_, i) =>
      Number(sim.get("configmaps", "default", `c${i + 1}`)?.metadata.resourceVersion),
    );
    for (let i = 1; i < PER_SESSION; i++)
      expect(rvs[i]).toBeGreaterThan(rvs[i - 1] ?? Number.POSITIVE_INFINITY);
  }
  // Each reply names its own event: a command that ran twice would have answered "already exists".
  for (const r of p.replies) expect(JSON.stringify(r.reply.reply)).not.toContain("already exists");
});
