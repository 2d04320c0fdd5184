// Each event id is applied once, however often it is sent or its job re-added.

import { jobIdOf } from "@bosun/queue";
import { expect, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, sharedPipeline, textOf, userSession } from "./pipeline-harness.ts";

const p = sharedPipeline();

test("the same event id sent twice is applied once and answered once", async () => {
  const s = userSession("U-twice");
  const job = eventJob(s, "kubectl create configmap once --from-literal=k=v");
  const first = await p().send(job);
  const second = await p().send(job);
  expect(first.duplicate).toBe(false);
  expect(second.duplicate).toBe(true);
  expect(second.jobId).toBe(first.jobId);
  await p().repliesTo(job.eventId);
  // A later event of the same session proves the queue moved past both sends.
  const after = eventJob(s, "kubectl get configmap once");
  await p().send(after);
  await p().repliesTo(after.eventId);
  expect(p().replies.filter((r) => r.reply.eventId === job.eventId)).toHaveLength(1);
  // The session itself ran the event once: a second run would count a third event (and would
  // have answered "already exists").
  const rec = await p().store.load(s);
  expect(rec.applied).toBe(2);
  expect((await p().session(s)).n).toBe(2);
  expect(textOf(p(), job.eventId)).toContain("configmap/once created");
  expect(textOf(p(), after.eventId)).not.toContain("NotFound");
});

test("a job re-added after it completed (and was removed) is not applied again", async () => {
  const s = userSession("U-readd");
  const job = eventJob(s, "kubectl create configmap readd --from-literal=k=v");
  const { jobId } = await p().send(job);
  await p().repliesTo(job.eventId);
  const done = await until("completed job", async () => {
    const j = await p().producer.queue.getJob(jobId);
    return j && (await j.isCompleted()) ? j : undefined;
  });
  const before = await p().store.load(s);
  const data = done.data;
  await done.remove();
  await p().producer.queue.add("event", data, { jobId });
  await until("re-added job completed", async () =>
    (await p().producer.queue.getJobState(jobId)) === "completed" ? true : undefined,
  );
  const after = await p().store.load(s);
  expect(after.applied).toBe(1);
  expect(after.version).toBe(before.version);
  expect(after.data).toBe(before.data);
  expect(after.log).toEqual(before.log);
  expect(p().replies.filter((r) => r.reply.eventId === job.eventId)).toHaveLength(1);
  expect(jobId).toBe(jobIdOf(job.eventId));
});
