// Bad payloads and hostile text: a clear reply or a single unrecoverable failure, and the worker lives on.

import {
  type CommandJob,
  consumeReplies,
  type EventJob,
  jobIdOf,
  type Logger,
  QueueError,
} from "@bosun/queue";
import { sessionTag } from "@bosun/store";
import { Queue } from "bullmq";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { until } from "../support/wait.ts";
import { eventJob, Pipeline, replyText, textOf, userSession } from "./pipeline-harness.ts";

/** Log lines at error level: what an operator sees of a dropped job. */
const errors: { fields: object; msg: string | undefined }[] = [];
const logger: Logger = {
  info: () => {},
  warn: () => {},
  error: (fields, msg) => {
    errors.push({ fields, msg });
  },
};

let p: Pipeline;
beforeAll(async () => {
  p = new Pipeline(inject("redisUrl"));
  await p.worker({ concurrency: 4, limits: { replicas: 8 }, logger });
  p.collect();
});
afterAll(async () => {
  await p?.close();
});

/** Sends an event and returns the text of its one reply. */
async function ask(job: EventJob): Promise<string> {
  await p.send(job);
  const [r] = await p.repliesTo(job.eventId);
  if (!r) throw new Error("no reply");
  return replyText(r);
}

test("a job with an invalid payload fails once, unrecoverably, and the worker goes on", async () => {
  const jobId = "bad-payload-1";
  await p.producer.queue.add("event", { kind: "event", v: 2, hello: "__proto__" }, { jobId, attempts: 5 });
  // The job is read once it is failed: a copy read while it was still active would say 0 attempts.
  await until("the failed job", async () =>
    (await p.producer.queue.getJobState(jobId)) === "failed" ? true : undefined,
  );
  const failed = await p.producer.queue.getJob(jobId);
  if (!failed) throw new Error("the failed job is gone");
  expect(failed.attemptsMade).toBe(1);
  expect(failed.failedReason).toContain("invalid command job payload");
  // One log line for the one failure, naming the job.
  expect(errors.filter((e) => e.msg === "invalid command job dropped")).toEqual([
    { fields: expect.objectContaining({ jobId }), msg: "invalid command job dropped" },
  ]);
  const after = eventJob(userSession("U-bad-after"), "kubectl get ns");
  expect(await ask(after)).toContain("kube-system");
});

test("a reply job with an invalid payload fails once, unrecoverably, with one log line, never reaching the adapter", async () => {
  const seen: unknown[] = [];
  const logged: { fields: object; msg: string | undefined }[] = [];
  const consumer = consumeReplies({
    redisUrl: inject("redisUrl"),
    prefix: p.queuePrefix,
    queue: "replies-discord",
    handle: async (r) => {
      seen.push(r);
    },
    logger: { ...logger, error: (fields, msg) => logged.push({ fields, msg }) },
  });
  try {
    const replies = new Queue("replies-discord", {
      connection: { url: inject("redisUrl") },
      prefix: p.queuePrefix,
    });
    try {
      await replies.add(
        "reply",
        { v: 1, eventId: "x", reply: "not a reply" },
        { jobId: "bad-reply-1", attempts: 5 },
      );
      await until("the failed reply job", async () =>
        (await replies.getJobState("bad-reply-1")) === "failed" ? true : undefined,
      );
      const failed = await replies.getJob("bad-reply-1");
      if (!failed) throw new Error("the failed reply job is gone");
      expect(failed.attemptsMade).toBe(1);
      expect(failed.failedReason).toContain("invalid reply payload");
      expect(seen).toEqual([]);
      expect(logged.filter((l) => l.msg === "invalid reply payload dropped")).toHaveLength(1);
      await replies.obliterate({ force: true });
    } finally {
      await replies.close();
    }
  } finally {
    await consumer.close();
  }
});

test("the producer refuses a payload that does not parse, with a code", async () => {
  const bad = { ...eventJob(userSession("U-bad"), "x"), platform: "irc" } as unknown as CommandJob;
  await expect(p.send(bad)).rejects.toBeInstanceOf(QueueError);
  await expect(p.send(bad)).rejects.toMatchObject({ code: "invalid-job" });
});

test("hostile text gets clear replies and breaks nothing", async () => {
  const s = userSession("U-hostile");
  expect(await ask(eventJob(s, `kubectl get pods ${"a".repeat(16 * 1024)}`))).toMatch(/error|too long/i);
  const huge = eventJob(s, "kubectl apply -f -", {
    event: { type: "text", text: "kubectl apply -f -", stdin: "x".repeat(2 * 1024 * 1024 - 1) },
  });
  expect(await ask(huge)).toContain("per command");
  expect(await ask(eventJob(s, "kubectl get pods\u0000 --all\u0000"))).not.toBe("");
  expect(await ask(eventJob(s, "kubectl create configmap __proto__ --from-literal=a=b"))).not.toBe("");
  expect(await ask(eventJob(s, "kubectl create configmap {{x}} --from-literal=constructor=1"))).not.toBe("");
  const manifest =
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: __proto__\n  labels: {__proto__: x}\ndata: {'{{': b}\n";
  const m = eventJob(s, "kubectl apply -f -", {
    event: { type: "text", text: "kubectl apply -f -", stdin: manifest },
  });
  expect(await ask(m)).not.toBe("");
  // The session still works and kept its order.
  const last = eventJob(s, "kubectl create configmap fine --from-literal=k=v");
  expect(await ask(last)).toContain("configmap/fine created");
  expect((await p.store.load(s)).applied).toBe(7);
});

test("a command over a sandbox limit is not saved, and the reply says which limit", async () => {
  const s = userSession("U-limit");
  const big = eventJob(s, "kubectl create deployment big --image=nginx:1.27 --replicas=20");
  const text = await ask(big);
  expect(text).toContain("replicas");
  expect(text).toContain("not applied");
  expect(await ask(eventJob(s, "kubectl get deployments"))).toContain("No resources found");
});

test("a damaged session is left untouched with an offer to reset, and reset starts afresh", async () => {
  const s = userSession("U-corrupt");
  await p.store.sequence(s, "seed-event");
  const put = await p.store.commit(s, { expectVersion: 0, seq: 1, data: "bz1:this is not a session" });
  expect(put.ok).toBe(true);
  const job = eventJob(s, "kubectl get pods");
  await p.send(job);
  const [r] = await p.repliesTo(job.eventId);
  expect(textOf(p, job.eventId)).toContain("could not be read");
  expect(r?.reply.actions.map((a) => a.id)).toContain("reset:confirm");
  expect((await p.store.load(s)).data).toBe("bz1:this is not a session");

  const reset = eventJob(s, "", { event: { type: "reset", confirm: true } });
  expect(await ask(reset)).toContain("set aside");
  const rec = await p.store.load(s);
  expect(rec.data?.startsWith("bz1:this")).toBe(false);
  expect((await p.store.getDoc(`${sessionTag(s)}:corrupt`)).data).toBe("bz1:this is not a session");
  expect(await ask(eventJob(s, "kubectl get ns"))).toContain("default");
  expect(jobIdOf(job.eventId)).toContain(job.eventId);
});
