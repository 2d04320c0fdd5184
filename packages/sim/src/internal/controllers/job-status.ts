// Job status: the counters, conditions and the finishing rules of the job controller (1.32).

import type { KObject } from "../api/types.ts";
import { sameJson } from "../util/canonical.ts";
import { isoSeconds } from "../util/time.ts";

export type JobCondition = {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
};

export const BACKOFF_LIMIT = {
  reason: "BackoffLimitExceeded",
  message: "Job has reached the specified backoff limit",
};
export const DEADLINE = {
  reason: "DeadlineExceeded",
  message: "Job was active longer than specified deadline",
};
export const COMPLETIONS = {
  reason: "CompletionsReached",
  message: "Reached expected number of succeeded pods",
};

/** Pod failure back-off: 10 s doubling per consecutive failure, at most 10 minutes (job controller defaults). */
export const POD_FAILURE_BACKOFF = { initialMs: 10_000, maxMs: 600_000 };

/**
 * The wait before replacing a failed pod after `failures` consecutive failures.
 * Example: 1 → 10 s, 2 → 20 s, 3 → 40 s, 7 → 600 s (capped).
 */
export function podFailureBackoff(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(POD_FAILURE_BACKOFF.initialMs * 2 ** (failures - 1), POD_FAILURE_BACKOFF.maxMs);
}

export function conditions(job: KObject): JobCondition[] {
  return (job.status?.conditions ?? []) as JobCondition[];
}

export function hasCondition(job: KObject, type: string): boolean {
  return conditions(job).some((c) => c.type === type && c.status === "True");
}

export function isFinished(job: KObject): boolean {
  return hasCondition(job, "Complete") || hasCondition(job, "Failed");
}

/** Adds (or flips) a condition, keeping the order in which they first appeared. */
export function setCondition(
  job: KObject,
  now: number,
  type: string,
  status: string,
  why?: { reason: string; message: string },
): boolean {
  const list = conditions(job).slice();
  const at = isoSeconds(now);
  const c: JobCondition = { type, status, lastProbeTime: at, lastTransitionTime: at, ...(why ?? {}) };
  const i = list.findIndex((x) => x.type === type);
  if (i >= 0) {
    if (list[i]?.status === status) return false;
    list[i] = c;
  } else list.push(c);
  job.status = { ...(job.status ?? {}), conditions: list };
  return true;
}

export interface Counts {
  active: number;
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  completedIndexes?: string;
}

/** Writes the counters as the API returns them (active, succeeded and failed omitted at zero). */
export function writeCounts(job: KObject, c: Counts): boolean {
  const old = job.status ?? {};
  const next: Record<string, unknown> = { ...old };
  for (const k of ["active", "succeeded", "failed"] as const) {
    if (c[k] > 0) next[k] = c[k];
    else delete next[k];
  }
  next.ready = c.ready;
  next.terminating = c.terminating;
  if (c.completedIndexes) next.completedIndexes = c.completedIndexes;
  else delete next.completedIndexes;
  next.uncountedTerminatedPods = {};
  if (sameJson(next, old)) return false;
  job.status = next;
  return true;
}
