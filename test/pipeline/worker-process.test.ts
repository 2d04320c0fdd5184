// The worker as a real process: health and metrics endpoints, bad configuration, a graceful stop
// that finishes the job in flight, and a killed worker's job taken over and applied exactly once.

import {
  consumeReplies,
  type EventJob,
  Producer,
  type ReplyJob,
  readStoredSession,
  repliesQueue,
} from "@bosun/queue";
import { RedisStore, type SessionRecord, type SessionRef } from "@bosun/store";
import { Queue } from "bullmq";
import { afterEach, describe, expect, inject, it } from "vitest";
import { type AppProcess, killApps, spawnApp } from "../support/app-process.ts";
import { testContent } from "../support/content.ts";
import { deleteKeys } from "../support/redis-keys.ts";
import { uniquePrefix } from "../support/redis-server.ts";
import { until as untilWithin } from "../support/wait.ts";

const redisUrl = inject("redisUrl");

/** Worker processes are slow to start and stop on this machine: every wait here allows a minute. */
const until = <T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 60_000) =>
  untilWithin(what, check, ms);

interface WorkerProcess extends AppProcess {
  /** The health server's port, from the "health server listening" log line. */
  port(): Promise<number>;
  /** Resolves once the worker logged "worker started". */
  started(): Promise<void>;
}

/** Starts `node --import tsx apps/worker/src/main.ts` with exactly `env` (plus PATH and HOME). */
function spawnWorker(env: Record<string, string>): WorkerProcess {
  const app = spawnApp("apps/worker/src/main.ts", env);
  return {
    ...app,
    port: async () => Number((await app.logged("health server listening")).port),
    started: async () => {
      await app.logged("worker started");
    },
  };
}

/** The environment of a worker on this test's queues and keys. */
function workerEnv(p: { queue: string; store: string }, extra: Record<string, string> = {}) {
  return {
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: p.queue,
    STORE_PREFIX: p.store,
    HEALTH_HOST: "127.0.0.1",
    HEALTH_PORT: "0",
    LOG_LEVEL: "info",
    RATE_CAPACITY: "0",
    WORKER_CONCURRENCY: "4",
    SHUTDOWN_TIMEOUT_MS: "120000",
    ...extra,
  };
}

/** A producer, a reply consumer and a store on one test's prefixes, and cleanup of all of it. */
function pipelineClient() {
  const p = { queue: uniquePrefix("wq"), store: uniquePrefix("ws") };
  const store = new RedisStore({ redisUrl, prefix: p.store });
  const producer = new Producer({ redisUrl, prefix: p.queue, store });
  const replies: ReplyJob[] = [];
  const consumer = consumeReplies({
    redisUrl,
    prefix: p.queue,
    queue: repliesQueue("slack"),
    handle: async (r) => {
      replies.push(r);
    },
  });
  const replyQueue = new Queue(repliesQueue("slack"), { connection: { url: redisUrl }, prefix: p.queue });
  const learner = uniquePrefix("U");
  const session: SessionRef = { platform: "slack", workspace: "T1", scope: "user", id: learner };
  let n = 0;
  const event = (text: string, stdin?: string): EventJob => ({
    kind: "event",
    v: 1,
    eventId: `${learner}-${++n}`,
    platform: "slack",
    actor: { id: learner, name: "learner" },
    sentAt: Date.now(),
    target: { channel: "D1" },
    session,
    event: stdin === undefined ? { type: "text", text } : { type: "text", text, stdin },
  });
  const replyTo = (eventId: string) => () => replies.find((r) => r.eventId === eventId);
  /** Sends one command and waits for its reply. */
  const run = async (text: string, stdin?: string) => {
    const job = event(text, stdin);
    await producer.send(job);
    return until(`the reply to ${text}`, replyTo(job.eventId));
  };
  cleanups.push(async () => {
    await consumer.close();
    await producer.queue.obliterate({ force: true });
    await replyQueue.obliterate({ force: true });
    await replyQueue.close();
    await producer.close();
    await deleteKeys(redisUrl, `${p.store}:*`);
    await store.close();
  });
  return { p, store, producer, replies, replyQueue, session, event, replyTo, run };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  killApps();
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** The session's event count (`n`) as stored (its text, with its log applied again). */
function eventsHandled(rec: SessionRecord, ref: SessionRef): number {
  const parsed = readStoredSession(rec, ref, testContent());
  if (!parsed.ok) throw new Error(`stored session does not parse: ${parsed.issues.join("; ")}`);
  return parsed.session.n ?? 0;
}

const text = (r: ReplyJob) => r.reply.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");

/**
 * A sandbox whose clock is expensive to move: an autoscaled deployment (the HPA syncs every 15 s),
 * a CronJob every minute and a few dozen config maps. `sleep 24h` then takes the worker seconds of
 * real work, long enough to stop or kill it in the middle.
 */
const BUSY_SANDBOX = [
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        resources: {requests: {cpu: 100m}, limits: {cpu: 200m}}`,
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 8
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}`,
  `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - {name: tick, image: busybox:1.36, command: [date]}`,
  ...Array.from(
    { length: 30 },
    (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-${i}}\ndata: {key: value-${i}}`,
  ),
].join("\n---\n");

/** Worker processes start in a few seconds, and the busy sandbox's `sleep 24h` takes seconds more. */
const SLOW = 180_000;

describe("the worker process", () => {
  it(
    "answers /healthz, /readyz and /metrics, runs a command, and stops with exit 0 on SIGTERM",
    async () => {
      const c = pipelineClient();
      const w = spawnWorker(workerEnv(c.p));
      const port = await w.port();
      const get = async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        return { status: res.status, body: await res.text() };
      };
      expect(await get("/healthz")).toEqual({ status: 200, body: "ok\n" });
      await w.started();
      expect(await get("/readyz")).toEqual({ status: 200, body: "ready\n" });

      const reply = await c.run("kubectl create deployment web --image=nginx:1.25");
      expect(text(reply)).toContain("deployment.apps/web created");

      // The job's figures are recorded once BullMQ marks it completed, a moment after the reply.
      const metrics = await until("the job in /metrics", async () => {
        const m = await get("/metrics");
        const done =
          m.body.includes('bosun_queue_jobs{state="completed"} 1') &&
          m.body.includes('bosun_job_duration_seconds_count{kind="event",outcome="ok"} 1');
        return done ? m : undefined;
      });
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('bosun_job_duration_seconds_count{kind="event",outcome="ok"} 1');
      expect(metrics.body).toContain('bosun_queue_jobs{state="completed"} 1');
      expect(metrics.body).toContain('bosun_queue_jobs{state="waiting"} 0');
      expect(metrics.body).toContain("# TYPE bosun_job_failures_total counter");
      expect(metrics.body).toContain("process_resident_memory_bytes");

      w.child.kill("SIGTERM");
      expect(await w.exit).toEqual({ code: 0, signal: null });
      expect(w.logs.map((l) => l.msg)).toContain("worker stopped");
      // Every stdout line was JSON, and nothing went to stderr.
      expect(w.notJson).toEqual([]);
      expect(w.stderr()).toBe("");
    },
    SLOW,
  );

  it(
    "refuses a bad configuration with exit code 2 and one clear line per bad variable",
    async () => {
      const w = spawnWorker({ WORKER_CONCURRENCY: "lots", HEALTH_PORT: "99999", LOG_LEVEL: "info" });
      expect(await w.exit).toEqual({ code: 2, signal: null });
      const lines = w.stderr().trim().split("\n");
      expect(lines).toEqual([
        "bosun-worker: invalid configuration: REDIS_URL is required (e.g. redis://127.0.0.1:6379, or rediss://… for TLS)",
        'bosun-worker: invalid configuration: WORKER_CONCURRENCY must be a whole number from 1 to 256 (got "lots")',
        'bosun-worker: invalid configuration: HEALTH_PORT must be a whole number from 0 to 65535 (got "99999")',
        "bosun-worker: see .env.example for every variable",
      ]);
      expect(w.stdout()).toBe("");
    },
    SLOW,
  );

  it(
    "finishes the job in flight and delivers its reply when stopped with SIGTERM",
    async () => {
      const c = pipelineClient();
      const w = spawnWorker(workerEnv(c.p));
      await w.started();
      await c.run("kubectl apply -f -", BUSY_SANDBOX);
      const before = await c.store.load(c.session);

      const job = c.event("sleep 24h");
      const sent = await c.producer.send(job);
      await until("the job to be active", async () =>
        (await c.producer.queue.getActive()).some((j) => j.id === sent.jobId) ? true : undefined,
      );
      w.child.kill("SIGTERM");

      expect(await w.exit).toEqual({ code: 0, signal: null });
      const msgs = w.logs.map((l) => l.msg);
      expect(msgs.indexOf("stopping: finishing in-flight jobs")).toBeLessThan(msgs.indexOf("worker stopped"));
      await until("the reply", c.replyTo(job.eventId));
      const after = await c.store.load(c.session);
      expect(after.applied).toBe(before.applied + 1);
      expect(eventsHandled(after, c.session)).toBe(eventsHandled(before, c.session) + 1);
      expect((await c.producer.queue.getJobCounts("active", "waiting")).active).toBe(0);
    },
    SLOW,
  );

  it(
    "hands a killed worker's job to another worker process, which applies it exactly once",
    async () => {
      const c = pipelineClient();
      // A short lock, so a dead worker's job is free again a second after it died.
      const a = spawnWorker(
        workerEnv(c.p, { WORKER_LOCK_DURATION_MS: "1000", WORKER_STALLED_INTERVAL_MS: "500" }),
      );
      await a.started();
      await c.run("kubectl apply -f -", BUSY_SANDBOX);
      const before = await c.store.load(c.session);

      const job = c.event("sleep 24h");
      const sent = await c.producer.send(job);
      await until("the job to be active", async () =>
        (await c.producer.queue.getActive()).some((j) => j.id === sent.jobId) ? true : undefined,
      );
      a.child.kill("SIGKILL");
      expect(await a.exit).toEqual({ code: null, signal: "SIGKILL" });
      // The job is still marked active, under a lock nobody renews.
      expect((await c.producer.queue.getActive()).map((j) => j.id)).toContain(sent.jobId);
      expect(c.replies.some((r) => r.eventId === job.eventId)).toBe(false);
      // …and the dead worker committed nothing: the second worker does the work.
      expect((await c.store.load(c.session)).applied).toBe(before.applied);

      // The second worker checks for stalled jobs every 500 ms; its own lock is long, so the seconds
      // of work on this job cannot stall it a second time.
      const b = spawnWorker(workerEnv(c.p, { WORKER_STALLED_INTERVAL_MS: "500" }));
      await b.started();
      const reply = await until("the reply from the second worker", c.replyTo(job.eventId), 90_000);
      expect(reply.kind).toBe("reply");

      b.child.kill("SIGTERM");
      expect(await b.exit).toEqual({ code: 0, signal: null });
      await until("the reply queue to drain", async () => {
        const n = await c.replyQueue.getJobCounts("waiting", "active", "delayed");
        return (n.waiting ?? 0) + (n.active ?? 0) + (n.delayed ?? 0) === 0 ? true : undefined;
      });
      expect(c.replies.filter((r) => r.eventId === job.eventId)).toHaveLength(1);
      const after = await c.store.load(c.session);
      expect(after.applied).toBe(before.applied + 1);
      expect(eventsHandled(after, c.session)).toBe(eventsHandled(before, c.session) + 1);
      const done = await c.producer.queue.getJob(sent.jobId);
      expect(await done?.getState()).toBe("completed");
    },
    SLOW,
  );
});
