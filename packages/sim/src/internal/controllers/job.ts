// Job controller: runs pods to completion, with parallelism, back-off, deadlines and indexed completions.

import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import {
  type Controller,
  type ControllerContext,
  isPodReady,
  isTerminating,
  podPhase,
  VersionTally,
} from "./context.ts";
import {
  formatIndexes,
  indexedTemplate,
  indexOf,
  isActiveJobPod,
  JOB_TRACKING,
  parseIndexes,
  podsOf,
  prepareJob,
} from "./job-pods.ts";
import {
  BACKOFF_LIMIT,
  COMPLETIONS,
  type Counts,
  DEADLINE,
  hasCondition,
  isFinished,
  setCondition,
  writeCounts,
} from "./job-status.ts";
import { expire, jobWake, nextCreateAt } from "./job-timers.ts";
import { admissionInputs, clearRefused, mayCreate, noteRefused, tryCreatePod } from "./pod-create.ts";
import { deletePod } from "./pod-deletion.ts";

const SOURCE = "job-controller";

/** Counts finished pods once: their tracking finalizer comes off as they enter the status counters. */
function countFinished(
  ctx: ControllerContext,
  job: KObject,
  pods: KObject[],
  counts: Counts,
  done: Set<number>,
): boolean {
  let changed = false;
  for (const p of pods) {
    const ph = podPhase(p);
    if ((ph !== "Succeeded" && ph !== "Failed") || !p.metadata.finalizers?.includes(JOB_TRACKING)) continue;
    if (ph === "Succeeded") {
      const i = indexOf(p);
      if (job.spec?.completionMode === "Indexed" && i !== undefined) {
        if (!done.has(i)) counts.succeeded += 1;
        done.add(i);
      } else counts.succeeded += 1;
    } else counts.failed += 1;
    const rest = p.metadata.finalizers.filter((f) => f !== JOB_TRACKING);
    if (rest.length) p.metadata.finalizers = rest;
    else delete p.metadata.finalizers;
    ctx.store.touch(p);
    changed = true;
  }
  return changed;
}

/** Deletes pods with SuccessfulDelete events, as RealPodControl does. */
function deletePods(ctx: ControllerContext, job: KObject, pods: KObject[]): void {
  for (const p of pods) {
    deletePod(ctx, p);
    ctx.store.event(job, "Normal", "SuccessfulDelete", `Deleted pod: ${p.metadata.name}`, SOURCE);
  }
}

function restarts(pods: KObject[]): number {
  let n = 0;
  for (const p of pods)
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])] as {
      restartCount?: number;
    }[])
      n += s.restartCount ?? 0;
  return n;
}

/** The failure reason, if the job has just failed (backoff limit or active deadline). */
function failure(
  job: KObject,
  counts: Counts,
  active: KObject[],
  now: number,
): { reason: string; message: string } | undefined {
  const limit = (job.spec?.backoffLimit as number | undefined) ?? 6;
  if (counts.failed > limit) return BACKOFF_LIMIT;
  if (job.spec?.template?.spec?.restartPolicy === "OnFailure") {
    const r = restarts(active);
    if (limit === 0 ? r > 0 : r >= limit) return BACKOFF_LIMIT;
  }
  const ads = job.spec?.activeDeadlineSeconds as number | undefined;
  const start = job.status?.startTime ? Date.parse(job.status.startTime) : undefined;
  if (ads !== undefined && start !== undefined && now - start >= ads * 1000) return DEADLINE;
  return undefined;
}

function finish(
  ctx: ControllerContext,
  job: KObject,
  pods: KObject[],
  active: KObject[],
  why: { reason: string; message: string },
  ok: boolean,
): boolean {
  const { store } = ctx;
  deletePods(ctx, job, active);
  const lingering = pods.some((p) => isTerminating(p) && p.spec?.nodeName);
  const target = setCondition(job, store.now, ok ? "SuccessCriteriaMet" : "FailureTarget", "True", why);
  // While its pods terminate the job waits, changing nothing: a sync that re-finds it so must not
  // count as a change, or every reconcile would run to its pass limit.
  if (lingering) return active.length > 0 || target;
  setCondition(job, store.now, ok ? "Complete" : "Failed", "True", why);
  if (ok) job.status.completionTime = isoSeconds(store.now);
  store.event(
    job,
    ok ? "Normal" : "Warning",
    ok ? "Completed" : why.reason,
    ok ? "Job completed" : why.message,
    SOURCE,
  );
  return true;
}

function syncJob(ctx: ControllerContext, job: KObject, all: readonly KObject[]): boolean {
  const { store } = ctx;
  if (isTerminating(job)) {
    clearRefused(store, job);
    return false;
  }
  const pods = podsOf(job, all);
  // The job's inputs as sync starts: a pod create refused at them is not retried before they change.
  const tally = new VersionTally();
  for (const p of pods) tally.add(p);
  const inputs = `${job.metadata.resourceVersion}|${tally.key()}|${admissionInputs(store, job.metadata.namespace ?? "")}`;
  let changed = prepareJob(store, job);
  const indexed = job.spec?.completionMode === "Indexed";
  const done = parseIndexes(job.status?.completedIndexes as string | undefined);
  const counts: Counts = {
    active: 0,
    ready: 0,
    terminating: 0,
    succeeded: (job.status?.succeeded as number | undefined) ?? 0,
    failed: (job.status?.failed as number | undefined) ?? 0,
  };
  if (countFinished(ctx, job, pods, counts, done)) changed = true;
  let active = pods.filter(isActiveJobPod);
  if (isFinished(job)) {
    counts.active = active.length;
    counts.terminating = pods.filter(isTerminating).length;
    return (
      writeCounts(job, { ...counts, ...(indexed ? { completedIndexes: formatIndexes(done) } : {}) }) ||
      changed
    );
  }
  if (job.spec?.suspend === true) {
    if (!hasCondition(job, "Suspended")) {
      deletePods(ctx, job, active);
      active = [];
      setCondition(job, store.now, "Suspended", "True", { reason: "JobSuspended", message: "Job suspended" });
      store.event(job, "Normal", "Suspended", "Job suspended", SOURCE);
      changed = true;
    }
  } else {
    if (hasCondition(job, "Suspended")) {
      setCondition(job, store.now, "Suspended", "False", { reason: "JobResumed", message: "Job resumed" });
      store.event(job, "Normal", "Resumed", "Job resumed", SOURCE);
      job.status.startTime = isoSeconds(store.now);
      changed = true;
    }
    if (!job.status?.startTime) {
      job.status = { ...(job.status ?? {}), startTime: isoSeconds(store.now) };
      changed = true;
    }
    const completions = job.spec?.completions as number | undefined;
    const parallelism = (job.spec?.parallelism as number | undefined) ?? 1;
    const failed = failure(job, counts, active, store.now);
    const complete = indexed
      ? done.size >= (completions ?? 0)
      : completions !== undefined
        ? counts.succeeded >= completions
        : counts.succeeded > 0 && active.length === 0;
    if (failed || complete) {
      clearRefused(store, job);
      if (finish(ctx, job, pods, active, failed ?? COMPLETIONS, !failed)) changed = true;
      active = [];
    } else if (store.now >= nextCreateAt(job, pods, store.now)) {
      if (mayCreate(store, job, inputs)) {
        const made = createPods(ctx, job, active, counts, done, completions, parallelism);
        if (made.changed) changed = true;
        if (made.refused) noteRefused(store, job, inputs);
        else clearRefused(store, job);
      }
      active = podsOf(job, store.each("pods")).filter(isActiveJobPod);
    }
  }
  counts.active = active.length;
  counts.ready = active.filter(isPodReady).length;
  counts.terminating = podsOf(job, store.each("pods")).filter(isTerminating).length;
  if (indexed) counts.completedIndexes = formatIndexes(done);
  if (writeCounts(job, counts)) changed = true;
  if (changed) store.touch(job);
  return changed;
}

/**
 * Starts pods up to parallelism, never more than the completions still missing. Says whether it
 * created any and whether admission refused one.
 */
function createPods(
  ctx: ControllerContext,
  job: KObject,
  active: KObject[],
  counts: Counts,
  done: Set<number>,
  completions: number | undefined,
  parallelism: number,
): { changed: boolean; refused: boolean } {
  const { store } = ctx;
  const name = job.metadata.name;
  let want: number;
  if (completions === undefined) want = counts.succeeded > 0 ? 0 : parallelism;
  else
    want = Math.min(
      parallelism,
      completions - (job.spec?.completionMode === "Indexed" ? done.size : counts.succeeded),
    );
  let changed = false;
  if (job.spec?.completionMode === "Indexed") {
    const busy = new Set(active.map(indexOf));
    const free: number[] = [];
    for (let i = 0; i < (completions ?? 0) && free.length < want - active.length; i++)
      if (!done.has(i) && !busy.has(i)) free.push(i);
    for (const i of free) {
      const pod = tryCreatePod(
        store,
        job,
        job.spec.template,
        `${name}-${i}-`,
        SOURCE,
        indexedTemplate(job, i),
      );
      if (!pod) return { changed, refused: true };
      pod.metadata.finalizers = [JOB_TRACKING];
      store.event(job, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, SOURCE);
      changed = true;
    }
    return { changed, refused: false };
  }
  for (let n = active.length; n < want; n++) {
    const pod = tryCreatePod(store, job, job.spec.template, `${name}-`, SOURCE);
    if (!pod) return { changed, refused: true };
    pod.metadata.finalizers = [JOB_TRACKING];
    store.event(job, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, SOURCE);
    changed = true;
  }
  return { changed, refused: false };
}

export const jobController: Controller = {
  name: "job",
  watches: ["Job", "Pod", "ResourceQuota", "LimitRange"],
  clock: true,
  sync(ctx) {
    let changed = false;
    const all = ctx.store.each("pods");
    for (const job of ctx.store.each("jobs")) {
      if (expire(ctx, job)) {
        changed = true;
        continue;
      }
      if (syncJob(ctx, job, all)) changed = true;
    }
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    const all = ctx.store.each("pods");
    for (const job of ctx.store.each("jobs")) {
      const w = jobWake(ctx, job, all);
      if (w !== undefined && (next === undefined || w < next)) next = w;
    }
    return next;
  },
};
