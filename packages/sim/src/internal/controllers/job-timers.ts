// Timed work of the job controller: pod failure back-off, active deadlines and finished-job TTLs.

import type { KObject } from "../api/types.ts";
import type { ControllerContext } from "./context.ts";
import { podPhase } from "./context.ts";
import { finishedAt, podsOf } from "./job-pods.ts";
import { isFinished, podFailureBackoff } from "./job-status.ts";

/** When the next replacement pod may start: the last failure plus the back-off for the failures since the last success. */
export function nextCreateAt(job: KObject, pods: KObject[], now: number): number {
  const lastSuccess = Math.max(
    0,
    ...pods.filter((p) => podPhase(p) === "Succeeded").map((p) => finishedAt(p, now)),
  );
  const failures = pods
    .filter((p) => podPhase(p) === "Failed")
    .map((p) => finishedAt(p, now))
    .filter((t) => t >= lastSuccess);
  if (failures.length === 0 || job.spec?.template?.spec?.restartPolicy !== "Never") return now;
  return Math.max(...failures) + podFailureBackoff(failures.length);
}

/** ttlSecondsAfterFinished: the ttl-after-finished controller deletes the job (its pods follow). */
export function expire(ctx: ControllerContext, job: KObject): boolean {
  const at = ttlDue(job);
  if (at === undefined || ctx.store.now < at) return false;
  ctx.store.remove("jobs", job);
  return true;
}

function ttlDue(job: KObject): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished as number | undefined;
  if (ttl === undefined || !isFinished(job)) return undefined;
  const c = (job.status?.conditions ?? []).find(
    (x: { type: string; status: string }) =>
      (x.type === "Complete" || x.type === "Failed") && x.status === "True",
  );
  return c ? Date.parse(c.lastTransitionTime) + ttl * 1000 : undefined;
}

/** The next time a job has timed work: a back-off ending, a deadline, or a TTL. */
export function jobWake(ctx: ControllerContext, job: KObject, all: readonly KObject[]): number | undefined {
  const now = ctx.store.now;
  const ttl = ttlDue(job);
  if (isFinished(job)) return ttl;
  const times: number[] = [];
  const ads = job.spec?.activeDeadlineSeconds as number | undefined;
  if (ads !== undefined && job.status?.startTime) times.push(Date.parse(job.status.startTime) + ads * 1000);
  const at = nextCreateAt(job, podsOf(job, all), now);
  if (at > now) times.push(at);
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : undefined;
}
