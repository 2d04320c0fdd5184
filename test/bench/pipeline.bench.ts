// Pipeline figures: commands through Redis and BullMQ end to end (producer → worker → reply consumer),
// against bare BullMQ doing the same hops with no work, measured in the same run.
//
// Process arrangement, the same for both: everything in this one Node process (sender, command
// worker, reply consumer), each BullMQ queue and worker with its own connections to one Redis
// server. So the figures include the sender's and the consumer's CPU, on the same event loop as
// the worker; a deployment with workers in their own processes does at least this well.

import {
  COMMANDS_QUEUE,
  consumeReplies,
  type EventJob,
  Producer,
  repliesQueue,
  startWorker,
} from "@bosun/queue";
import { RedisStore } from "@bosun/store";
import { type Content, loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { uniquePrefix } from "../support/redis-server.ts";
import { report } from "./report.ts";

/** Learners with warm sessions (one deployment each); also the in-flight count of the c32 runs. */
const LEARNERS = 32;
/** How long each timed run lasts, after its warm-up. */
const RUN_MS = 2500;
/**
 * Rounds of (baseline, pipeline) at each concurrency; figures are medians over them. One round's
 * ratio swings by ±20% on a loaded 2-core machine: seven rounds keep the median steadier.
 */
const ROUNDS = 7;
/**
 * Untimed running of each arrangement before the first round, at both concurrencies. The
 * simulator and tutor are much more code than BullMQ, and V8 keeps compiling it for a while
 * (measured at c32, per 4.5 s window: the compiler threads' CPU per command went 0.44, 0.23, 0.09,
 * 0.05, then about 0.01 ms); a worker runs for days, so the figures are of the steady state.
 */
const WARMUP_MS = { c1: 4000, c32: 18_000 };

/** The commands a learner on the Deployments lesson types most: reads, scales, a describe. */
const MIX = [
  "kubectl get pods",
  "kubectl scale deployment web --replicas=3",
  "kubectl get deployment web",
  "kubectl describe deployment web",
  "kubectl get pods -l app=web",
  "kubectl scale deployment web --replicas=2",
  "kubectl get svc",
  "kubectl get nodes",
];

/**
 * The learner and command of round trip `i` of client `c`. With one client, learners take turns and
 * each types the mix in order, as with 32 clients: every learner's commands go through the whole
 * mix (so scales really scale up and down), not one command over and over.
 */
function pick(clients: number, c: number, i: number): { learner: number; text: string } {
  const learner = clients === 1 ? i % LEARNERS : c;
  const k = clients === 1 ? Math.floor(i / LEARNERS) : i;
  return { learner, text: MIX[k % MIX.length] ?? "" };
}

interface Stats {
  throughput: number;
  p50: number;
  p99: number;
  /** CPU time of this process (user + system) per round trip: what load on a shared machine distorts least. */
  cpuMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Runs `clients` loops, each sending one command and awaiting its reply before the next, for
 * `ms` after `warmup` round trips per client; returns round trips per second and latency percentiles.
 */
export async function drive(
  clients: number,
  send: (client: number, i: number) => Promise<void>,
  ms = RUN_MS,
  warmup = 20,
): Promise<Stats> {
  const counters = new Array<number>(clients).fill(0);
  const next = (c: number) => {
    const i = counters[c] ?? 0;
    counters[c] = i + 1;
    return i;
  };
  const all = (loop: (c: number) => Promise<void>) => Promise.all(counters.map((_, c) => loop(c)));
  await all(async (c) => {
    for (let i = 0; i < warmup; i++) await send(c, next(c));
  });
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + ms;
  await all(async (c) => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await send(c, next(c));
      latencies.push(performance.now() - t);
    }
  });
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    throughput: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: (used.user + used.system) / 1000 / latencies.length,
  };
}

/** Round trips by id: the reply side calls `done(id)`, the sender awaits `wait(id)`. */
function rendezvous() {
  const pending = new Map<string, () => void>();
  return {
    wait: (id: string) => new Promise<void>((resolve) => pending.set(id, resolve)),
    done: (id: string) => {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.();
    },
  };
}

/** BullMQ connection options as the pipeline builds them (workers wait out reconnects). */
function connection(url: string, worker: boolean) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    maxRetriesPerRequest: worker ? null : 1,
  };
}

/** The same retention as the pipeline's jobs, so Redis does the same bookkeeping. */
const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 200 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} as const;

/** A command's payload, so both arrangements move the same bytes. */
function eventJob(learner: number, eventId: string, text: string): EventJob {
  return {
    kind: "event",
    v: 1,
    eventId,
    platform: "slack",
    actor: { id: `U${learner}`, name: `learner ${learner}` },
    sentAt: Date.now(),
    target: { channel: `D${learner}`, user: `U${learner}` },
    session: { platform: "slack", workspace: "T1", scope: "user", id: `U${learner}` },
    event: { type: "text", text },
  };
}

/** An arrangement under test: `send` runs one command for a client and resolves on its reply. */
interface Arrangement {
  send(clients: number, client: number, i: number): Promise<void>;
  close(): Promise<void>;
}

/** Bare BullMQ: a job through one queue whose worker adds a reply job to a second queue. */
export async function openBaseline(redisUrl: string): Promise<Arrangement> {
  const prefix = uniquePrefix("bench-base");
  const r = rendezvous();
  const commands = new Queue("commands", { connection: connection(redisUrl, false), prefix });
  const replies = new Queue("replies", { connection: connection(redisUrl, false), prefix });
  const worker = new Worker(
    "commands",
    async (job) => {
      const reply = { eventId: job.data.eventId, reply: { blocks: [], actions: [] } };
      await replies.add("reply", reply, { ...JOB_OPTIONS, jobId: `r-${job.id}` });
    },
    { connection: connection(redisUrl, true), prefix, concurrency: LEARNERS },
  );
  const consumer = new Worker("replies", async (job) => r.done(job.data.eventId), {
    connection: connection(redisUrl, true),
    prefix,
    concurrency: LEARNERS,
  });
  await Promise.all([worker.waitUntilReady(), consumer.waitUntilReady()]);
  const run = uniquePrefix("b");
  let n = 0;
  return {
    async send(clients, c, i) {
      const { learner, text } = pick(clients, c, i);
      const id = `${run}-${learner}-${n++}`;
      const done = r.wait(id);
      const job = eventJob(learner, id, text);
      await commands.add("event", job, { ...JOB_OPTIONS, jobId: `ev-${id}` });
      await done;
    },
    async close() {
      await Promise.all([worker.close(), consumer.close()]);
      await Promise.all([commands.obliterate({ force: true }), replies.obliterate({ force: true })]);
      await Promise.all([commands.close(), replies.close()]);
    },
  };
}

/** The real pipeline: Producer → startWorker on a RedisStore → reply consumer, on warm sessions. */
export async function openPipeline(redisUrl: string, content: Content): Promise<Arrangement> {
  const prefix = uniquePrefix("bench-pipe");
  const store = new RedisStore({ redisUrl, prefix });
  const producer = new Producer({ redisUrl, prefix, store });
  const bosun = await startWorker({ redisUrl, prefix, store, content, concurrency: LEARNERS, rate: false });
  const r = rendezvous();
  const replies = consumeReplies({
    redisUrl,
    prefix,
    queue: repliesQueue("slack"),
    concurrency: LEARNERS,
    handle: async (reply) => r.done(reply.eventId),
  });
  const run = uniquePrefix("p");
  let n = 0;
  const command = async (learner: number, text: string) => {
    const id = `${run}-${learner}-${n++}`;
    const done = r.wait(id);
    await producer.send(eventJob(learner, id, text));
    await done;
  };
  // Warm sessions: every learner has a deployment and a service before anything is timed.
  await Promise.all(
    Array.from({ length: LEARNERS }, async (_, l) => {
      await command(l, "kubectl create deployment web --image=nginx:1.25 --replicas=2");
      await command(l, "kubectl expose deployment web --port=80");
    }),
  );
  return {
    send: (clients, c, i) => {
      const { learner, text } = pick(clients, c, i);
      return command(learner, text);
    },
    async close() {
      await bosun.close();
      await replies.close();
      await producer.close();
      const admin = new Queue(COMMANDS_QUEUE, { connection: connection(redisUrl, false), prefix });
      await admin.obliterate({ force: true });
      await admin.close();
      await cleanKeys(redisUrl, prefix);
      await store.close();
    },
  };
}

/** Deletes the store's keys of this run (the store has its own prefix; never a flush). */
async function cleanKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The median of each figure over the rounds. */
function medianStats(runs: Stats[]): Stats {
  return {
    throughput: median(runs.map((r) => r.throughput)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  };
}

/**
 * Both arrangements are open at once and measured in alternation, round after round, so a change
 * in the machine's load (it is shared) hits both alike; each figure is the median over the rounds.
 */
export async function pipelineBench(redisUrl: string): Promise<void> {
  const content = loadContentOrThrow(readContentDir());
  const base = await openBaseline(redisUrl);
  const pipe = await openPipeline(redisUrl, content);
  const runs = {
    base: { c1: [] as Stats[], c32: [] as Stats[] },
    pipe: { c1: [] as Stats[], c32: [] as Stats[] },
  };
  try {
    for (const arrangement of [base, pipe]) {
      await drive(LEARNERS, (cl, i) => arrangement.send(LEARNERS, cl, i), WARMUP_MS.c32);
      await drive(1, (cl, i) => arrangement.send(1, cl, i), WARMUP_MS.c1);
    }
    for (let round = 0; round < ROUNDS; round++)
      for (const [c, clients] of [
        ["c1", 1],
        ["c32", LEARNERS],
      ] as const) {
        runs.base[c].push(await drive(clients, (cl, i) => base.send(clients, cl, i)));
        runs.pipe[c].push(await drive(clients, (cl, i) => pipe.send(clients, cl, i)));
      }
  } finally {
    await pipe.close();
    await base.close();
  }
  for (const c of ["c1", "c32"] as const) {
    const real = medianStats(runs.pipe[c]);
    const bare = medianStats(runs.base[c]);
    report({
      name: `pipeline.throughput.${c}`,
      value: real.throughput,
      unit: "commands/s",
      baseline: bare.throughput,
      ...(c === "c32" ? { target: "≥ 0.6× baseline" } : {}),
    });
    report({
      name: `pipeline.p50.${c}`,
      value: real.p50,
      unit: "ms",
      baseline: bare.p50,
      ...(c === "c1" ? { target: "≤ 2× baseline" } : {}),
    });
    report({ name: `pipeline.p99.${c}`, value: real.p99, unit: "ms", baseline: bare.p99 });
    report({ name: `pipeline.cpu_ms_per_command.${c}`, value: real.cpuMs, unit: "ms", baseline: bare.cpuMs });
  }
}
