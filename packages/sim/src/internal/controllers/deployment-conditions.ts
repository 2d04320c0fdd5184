// Deployment conditions and the progress predicates of deployment/util (SetDeploymentCondition, DeploymentComplete, …).

import type { KObject } from "../api/types.ts";
import { parseTimestamp } from "../util/time.ts";

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** The replica counts of a DeploymentStatus (absent counts are 0, as the API omits them). */
export interface StatusCounts {
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

/** A DeploymentStatus as stored: counts, conditions and whatever else it carries. */
export type Status = StatusCounts & Record<string, unknown> & { conditions?: DeploymentCondition[] };
export const n = (v: unknown): number => (typeof v === "number" ? v : 0);
const MAX_INT32 = 2147483647;

export function getCondition(status: Status | undefined, type: string): DeploymentCondition | undefined {
  for (const c of status?.conditions ?? []) if (c.type === type) return c;
  return undefined;
}

/**
 * SetDeploymentCondition: no-op when status and reason are unchanged; otherwise the condition is
 * replaced and moved to the end, keeping lastTransitionTime when only the reason changed.
 */
export function setCondition(
  status: Status,
  type: string,
  cond: string,
  reason: string,
  message: string,
  now: string,
): void {
  const list = status.conditions ?? [];
  const old = list.find((c) => c.type === type);
  if (old && old.status === cond && old.reason === reason) return;
  const next: DeploymentCondition = {
    type,
    status: cond,
    lastUpdateTime: now,
    lastTransitionTime: old && old.status === cond ? old.lastTransitionTime : now,
    reason,
    message,
  };
  status.conditions = [...list.filter((c) => c.type !== type), next];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: Status, type: string): void {
  if (!status.conditions) return;
  const rest = status.conditions.filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

/** HasProgressDeadline: progressDeadlineSeconds set and not MaxInt32. */
export function hasProgressDeadline(d: KObject): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return typeof s === "number" && s !== MAX_INT32;
}

/** DeploymentComplete: every desired replica updated and available, no old ones left. */
export function deploymentComplete(replicas: number, generation: number, s: StatusCounts): boolean {
  return (
    n(s.updatedReplicas) === replicas &&
    n(s.replicas) === replicas &&
    n(s.availableReplicas) === replicas &&
    n(s.observedGeneration) >= generation
  );
}

/**
 * DeploymentProgressing: more updated, ready or available pods than before, or fewer old ones.
 * Example: 10 total / 4 updated → 8 total / 4 updated removed two old pods: progress.
 */
export function deploymentProgressing(old: StatusCounts, s: StatusCounts): boolean {
  const oldOld = n(old.replicas) - n(old.updatedReplicas);
  const newOld = n(s.replicas) - n(s.updatedReplicas);
  return (
    n(s.updatedReplicas) > n(old.updatedReplicas) ||
    newOld < oldOld ||
    n(s.readyReplicas) > n(old.readyReplicas) ||
    n(s.availableReplicas) > n(old.availableReplicas)
  );
}

/**
 * DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing condition's
 * lastUpdateTime (strictly after: 10s from 00:01:09 times out at 00:01:20, not at 00:01:19).
 */
export function deploymentTimedOut(
  deadlineSeconds: number | undefined,
  cond: Pick<DeploymentCondition, "reason" | "lastUpdateTime"> | undefined,
  now: number,
): boolean {
  if (deadlineSeconds === undefined || deadlineSeconds === MAX_INT32 || !cond) return false;
  if (cond.reason === "NewReplicaSetAvailable") return false;
  if (cond.reason === "ProgressDeadlineExceeded") return true;
  return parseTimestamp(cond.lastUpdateTime) + deadlineSeconds * 1000 < now;
}

let memo: { now: number; iso: string } | undefined;

/** isoSeconds of the virtual time, memoised: a rollout formats the same instant many times. */
export function isoNow(now: number): string {
  if (memo?.now !== now)
    memo = { now, iso: new Date(Math.floor(now / 1000) * 1000).toISOString().replace(".000Z", "Z") };
  return memo.iso;
}
