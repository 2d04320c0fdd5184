// CronJob controller: creates Jobs on a cron schedule in virtual time, with concurrency and history limits.

import { checkQuota } from "../api/admission-quota.ts";
import { defaultJob } from "../api/defaults-workloads.ts";
import { resourceForKind } from "../api/resources.ts";
import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import { type Controller, type ControllerContext, controllerRef, ownerRefTo } from "./context.ts";
import { mostRecent, nextAfter, parseSchedule, rfc3339In, type Schedule } from "./cronjob-schedule.ts";
import { hasCondition, isFinished } from "./job-status.ts";

const SOURCE = "cronjob-controller";
const JOB_INFO = resourceForKind("Job");
const SCHEDULED_AT = "batch.kubernetes.io/cronjob-scheduled-timestamp";

const parsed = new Map<string, Schedule | undefined>();
function scheduleOf(cj: KObject): Schedule | undefined {
  const text = String(cj.spec?.schedule ?? "");
  if (!parsed.has(text)) parsed.set(text, parseSchedule(text));
  return parsed.get(text);
}

const tzOf = (cj: KObject): string | undefined => cj.spec?.timeZone as string | undefined;

/** Scheduling starts after the last run, or after the CronJob was created. */
function earliest(cj: KObject): number {
  const last = cj.status?.lastScheduleTime as string | undefined;
  return Date.parse(last ?? cj.metadata.creationTimestamp);
}

/**
 * The Job for one scheduled run, named `<cronjob>-<minutes since the epoch>` (getJobName).
 * Example: 2025-01-06T09:05:00Z is 1,736,154,300 s → 28,935,905 minutes → `hello-28935905`.
 */
function jobFor(cj: KObject, at: number): KObject {
  const jt = structuredClone(cj.spec?.jobTemplate ?? {});
  const meta = jt.metadata ?? {};
  const job: KObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: `${cj.metadata.name}-${Math.floor(at / 60_000)}`,
      namespace: cj.metadata.namespace ?? "default",
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      annotations: { ...(meta.annotations ?? {}), [SCHEDULED_AT]: rfc3339In(at, tzOf(cj)) },
      ownerReferences: [ownerRefTo(cj)],
    },
    spec: jt.spec ?? {},
  };
  defaultJob(job);
  return job;
}

type Ref = {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  resourceVersion: string;
  uid: string;
};

function refTo(job: KObject): Ref {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    name: job.metadata.name,
    namespace: job.metadata.namespace ?? "default",
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
}

function removeJob(ctx: ControllerContext, cj: KObject, job: KObject): void {
  ctx.store.remove("jobs", job);
  ctx.store.event(cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`, SOURCE);
}

/** Deletes the oldest finished jobs beyond the history limits (successful and failed counted apart). */
function cleanup(ctx: ControllerContext, cj: KObject, jobs: KObject[]): boolean {
  let changed = false;
  const byStart = (a: KObject, b: KObject) =>
    Date.parse(a.status?.startTime ?? a.metadata.creationTimestamp) -
    Date.parse(b.status?.startTime ?? b.metadata.creationTimestamp);
  for (const [type, limit] of [
    ["Complete", (cj.spec?.successfulJobsHistoryLimit as number | undefined) ?? 3],
    ["Failed", (cj.spec?.failedJobsHistoryLimit as number | undefined) ?? 1],
  ] as const) {
    const done = jobs.filter((j) => hasCondition(j, type)).sort(byStart);
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      removeJob(ctx, cj, j);
      changed = true;
    }
  }
  return changed;
}

function syncCronJob(ctx: ControllerContext, cj: KObject, owned: KObject[]): boolean {
  const { store } = ctx;
  let changed = false;
  const status = { ...(cj.status ?? {}) };
  const before = JSON.stringify(status);
  let active = ((status.active ?? []) as Ref[]).filter((r) => owned.some((j) => j.metadata.uid === r.uid));
  for (const job of owned) {
    const listed = active.some((r) => r.uid === job.metadata.uid);
    if (isFinished(job)) {
      if (listed) {
        active = active.filter((r) => r.uid !== job.metadata.uid);
        const cond = hasCondition(job, "Complete") ? "Complete" : "Failed";
        store.event(
          cj,
          "Normal",
          "SawCompletedJob",
          `Saw completed job: ${job.metadata.name}, condition: ${cond}`,
          SOURCE,
        );
        if (cond === "Complete" && job.status?.completionTime)
          status.lastSuccessfulTime = job.status.completionTime;
      }
    } else if (!listed) active.push(refTo(job));
  }
  const schedule = scheduleOf(cj);
  const due =
    schedule && cj.spec?.suspend !== true
      ? mostRecent(schedule, earliest(cj), store.now, tzOf(cj))
      : undefined;
  const deadline = cj.spec?.startingDeadlineSeconds as number | undefined;
  if (due !== undefined && (deadline === undefined || store.now - due <= deadline * 1000)) {
    const policy = cj.spec?.concurrencyPolicy ?? "Allow";
    if (policy === "Forbid" && active.length > 0) {
      const msg = "Not starting job because prior execution is running and concurrency policy is Forbid";
      if (
        !store.eventsFor(cj.metadata.uid).some((e) => e.reason === "JobAlreadyActive" && e.last === store.now)
      ) {
        store.event(cj, "Normal", "JobAlreadyActive", msg, SOURCE);
        changed = true;
      }
    } else {
      if (policy === "Replace") {
        for (const r of active) {
          const j = owned.find((o) => o.metadata.uid === r.uid);
          if (j) removeJob(ctx, cj, j);
        }
        active = [];
      }
      const job = jobFor(cj, due);
      const refused = checkQuota(store, job);
      if (store.get("jobs", job.metadata.namespace, job.metadata.name)) {
        status.lastScheduleTime = isoSeconds(due);
      } else if (refused || !JOB_INFO) {
        store.event(
          cj,
          "Warning",
          "FailedCreate",
          `Error creating job: jobs.batch "${job.metadata.name}" is forbidden: ${refused}`,
          SOURCE,
        );
        status.lastScheduleTime = isoSeconds(due);
      } else {
        const created = store.create(JOB_INFO, job);
        store.event(cj, "Normal", "SuccessfulCreate", `Created job ${created.metadata.name}`, SOURCE);
        active.push(refTo(created));
        status.lastScheduleTime = isoSeconds(due);
      }
    }
  } else if (due !== undefined) {
    // Too late to start: the run is missed, and the next one is what counts.
    status.lastScheduleTime = isoSeconds(due);
    store.event(
      cj,
      "Warning",
      "MissSchedule",
      `Missed scheduled time to start a job: ${rfc3339In(due, tzOf(cj))}`,
      SOURCE,
    );
  }
  if (active.length) status.active = active;
  else delete status.active;
  if (
    cleanup(
      ctx,
      cj,
      owned.filter((j) => store.get("jobs", j.metadata.namespace, j.metadata.name)),
    )
  )
    changed = true;
  if (JSON.stringify(status) !== before) {
    cj.status = status;
    store.touch(cj);
    changed = true;
  }
  return changed;
}

export const cronJobController: Controller = {
  name: "cronjob",
  watches: ["CronJob", "Job"],
  clock: (ctx) => ctx.store.count("cronjobs") > 0,
  sync(ctx) {
    let changed = false;
    const byOwner = new Map<string, KObject[]>();
    for (const j of ctx.store.each("jobs")) {
      const ref = controllerRef(j);
      if (ref?.kind !== "CronJob") continue;
      byOwner.set(ref.uid, [...(byOwner.get(ref.uid) ?? []), j]);
    }
    for (const cj of ctx.store.each("cronjobs")) {
      if (cj.metadata.deletionTimestamp) continue;
      if (syncCronJob(ctx, cj, byOwner.get(cj.metadata.uid) ?? [])) changed = true;
    }
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    for (const cj of ctx.store.each("cronjobs")) {
      const s = scheduleOf(cj);
      if (!s || cj.spec?.suspend === true) continue;
      const t = nextAfter(s, Math.max(ctx.store.now, earliest(cj)), tzOf(cj));
      if (t !== undefined && (next === undefined || t < next)) next = t;
    }
    return next;
  },
};
