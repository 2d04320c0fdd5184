// Prometheus metrics: job latency by kind and outcome, failures, the commands queue's depth, process figures.

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The job states whose counts `/metrics` reports for the commands queue. */
export const QUEUE_STATES = [
  "waiting",
  "active",
  "delayed",
  "prioritized",
  "failed",
  "completed",
  "paused",
] as const;

/** What a job outcome hook reports (the pipeline's `onJob`). */
export interface JobInfo {
  kind: string;
  ms: number;
  outcome: "ok" | "failed" | "deferred";
}

export interface WorkerMetrics {
  readonly registry: Registry;
  /** Records one finished job; pass as `startWorker({ onJob })`. */
  observeJob(info: JobInfo): void;
}

/**
 * A registry of its own (not prom-client's global one, so several apps can run in one test
 * process). `jobCounts` is read on every scrape: a gauge that is never stale and costs nothing
 * between scrapes.
 */
export function createMetrics(jobCounts: () => Promise<Record<string, number>>): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "bosun_job_duration_seconds",
    help: "Time from a worker taking a job to finishing it, by job kind and outcome.",
    labelNames: ["kind", "outcome"] as const,
    // Commands take milliseconds; a session at its size limit or a slow Redis, seconds.
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const failures = new Counter({
    name: "bosun_job_failures_total",
    help: "Jobs that failed (they are retried unless unrecoverable), by job kind.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "bosun_queue_jobs",
    help: "Jobs in the commands queue, by state, read when scraped.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      // Redis unreachable: keep the last counts; /readyz reports the outage.
      const counts = await jobCounts().catch(() => undefined);
      if (counts) for (const state of QUEUE_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  return {
    registry,
    observeJob(info) {
      duration.observe({ kind: info.kind, outcome: info.outcome }, info.ms / 1000);
      if (info.outcome === "failed") failures.inc({ kind: info.kind });
    },
  };
}
