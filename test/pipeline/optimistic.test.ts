// A worker commits on top of its own last commit without loading the record. If the session is no
// longer the one it committed (removed and begun again up to the same number), the commit is
// refused by its epoch and the event runs again on the stored session.

import { jobIdOf } from "@bosun/queue";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { eventJob, Pipeline, replyText, userSession } from "./pipeline-harness.ts";

/**
 * A logger that keeps the worker's "commit without load refused" lines, the events whose reply went
 * out with their commit (`ahead`), and warnings.
 */
function refusals() {
  const refused: unknown[] = [];
  const ahead: unknown[] = [];
  const warned: string[] = [];
  const logger = {
    info() {},
    warn(_fields: object, msg?: string) {
      warned.push(msg ?? "");
    },
    error() {},
    debug(fields: object, msg?: string) {
      if (msg?.startsWith("commit without load refused")) refused.push(fields);
      if (msg === "reply sent with its commit") ahead.push(fields);
    },
  };
  return { refused, ahead, warned, logger };
}

let p: Pipeline;
beforeAll(() => {
  p = new Pipeline(inject("redisUrl"));
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

test("a session removed and begun again is not mistaken for the one a worker holds open", async () => {
  const s = userSession("U-epoch");
  const run = async (text: string) => {
    const job = eventJob(s, text);
    await p.send(job);
    const [r] = await p.repliesTo(job.eventId);
    return r ? replyText(r) : "";
  };
  const { refused, ahead, warned, logger } = refusals();
  // Worker A runs three commands and keeps the session open (at number 3).
  const a = await p.worker({ concurrency: 2, rate: false, engineThreads: 0, logger });
  for (const name of ["a1", "a2", "a3"])
    expect(await run(`kubectl create configmap ${name} --from-literal=k=v`)).toContain(
      `configmap/${name} created`,
    );
  // The first event opened the session; the next two ran on it as held, and their replies went out
  // with their commits.
  expect(ahead).toHaveLength(2);
  // A stops taking jobs; the session is removed, and worker B runs three commands of a new one.
  await a.worker.pause();
  await p.store.remove(s);
  const b = await p.worker({ concurrency: 2, rate: false, engineThreads: 0 });
  for (const name of ["b1", "b2", "b3"])
    expect(await run(`kubectl create configmap ${name} --from-literal=k=v`)).toContain(
      `configmap/${name} created`,
    );
  await b.worker.pause();
  a.worker.resume();
  // Number 4 again, and the same version: only the epoch tells A's open session is another one.
  const listed = await run("kubectl get configmaps");
  expect(refused).toHaveLength(1);
  // The peek saw another epoch, so that reply waited for the commit (which was refused).
  expect(ahead).toHaveLength(2);
  for (const name of ["b1", "b2", "b3"]) expect(listed).toContain(name);
  expect(listed).not.toContain("a1");
  // A goes on from the stored session, committing without loads again.
  expect((await run("kubectl get configmap b1 -o name")).trim()).toBe("configmap/b1");
  expect(refused).toHaveLength(1);
  expect(ahead).toHaveLength(3);
  expect(warned).not.toContain("commit refused after its reply was sent");
  expect((await p.session(s)).n).toBe(5);
});

test("a number guessed wrong (an earlier number whose job never came) is refused, and order is kept", async () => {
  const s = userSession("U-guess");
  const { refused, ahead, logger } = refusals();
  const q = new Pipeline(inject("redisUrl"));
  try {
    await q.worker({ concurrency: 2, rate: false, engineThreads: 0, logger, gapGraceMs: 300 });
    q.collect();
    const run = async (text: string) => {
      const job = eventJob(s, text);
      await q.send(job);
      const [r] = await q.repliesTo(job.eventId);
      return r ? replyText(r) : "";
    };
    expect(await run("kubectl create configmap one --from-literal=k=v")).toContain("configmap/one created");
    expect(await run("kubectl create configmap two --from-literal=k=v")).toContain("configmap/two created");
    // Number 3 goes to an event whose job never comes (a sender that died between numbering and adding).
    expect(await q.store.sequence(s, "ghost")).toBe(3);
    // The worker holds the session at 2 and takes the next event to be 3: its commit is refused, the
    // record says 4, and it waits until number 3 is given up (after the grace period), then runs.
    expect(await run("kubectl get configmaps -o name")).toBe(
      "configmap/kube-root-ca.crt\nconfigmap/one\nconfigmap/two\n",
    );
    expect(refused).toHaveLength(1);
    // "two" went out with its commit; the listing did not (the peek saw it hold number 4, not 3).
    expect(ahead).toHaveLength(1);
    // Number 3 was consumed as skipped: its outbox keeps a "send it again" for the ghost, should it come.
    const rec = await q.store.load(s);
    expect(rec.applied).toBe(4);
    expect(Object.keys(rec.outbox)).toContain("ghost");
  } finally {
    await q.close();
  }
});

test("a job added without the producer's numbering is numbered by the worker, in order", async () => {
  const s = userSession("U-bare");
  const q = new Pipeline(inject("redisUrl"));
  try {
    await q.worker({ concurrency: 2, rate: false, engineThreads: 0 });
    q.collect();
    const first = eventJob(s, "kubectl create configmap first --from-literal=k=v");
    // Straight into the queue: nobody numbered it.
    await q.producer.queue.add("event", first, { jobId: jobIdOf(first.eventId) });
    await q.repliesTo(first.eventId);
    const second = eventJob(s, "kubectl get configmap first -o name");
    await q.send(second);
    const [r] = await q.repliesTo(second.eventId);
    expect(r ? replyText(r).trim() : "").toBe("configmap/first");
    expect(await q.store.sequence(s, first.eventId)).toBe(1);
    expect(await q.store.sequence(s, second.eventId)).toBe(2);
    expect((await q.store.load(s)).applied).toBe(2);
  } finally {
    await q.close();
  }
});
