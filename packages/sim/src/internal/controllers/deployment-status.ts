// Deployment status and its Available / Progressing conditions (calculateStatus, syncRolloutStatus, progress.go).

import type { KObject } from "../api/types.ts";
import { sameJson } from "../util/canonical.ts";
import type { ControllerContext } from "./context.ts";
import {
  type DeploymentCondition,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  isoNow,
  n,
  removeCondition,
  type Status,
  setCondition,
} from "./deployment-conditions.ts";
import { maxUnavailable } from "./deployment-math.ts";

export {
  type DeploymentCondition,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  setCondition,
} from "./deployment-conditions.ts";

/** calculateStatus: counts from the ReplicaSets and the Available condition. */
function calculateStatus(
  ctx: ControllerContext,
  d: KObject,
  newRS: KObject | undefined,
  all: KObject[],
): Status {
  const old: Status = d.status ?? {};
  const availableReplicas = all.reduce((s, rs) => s + n(rs.status?.availableReplicas), 0);
  const totalSpec = all.reduce((s, rs) => s + n(rs.spec?.replicas), 0);
  const status: Status = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: all.reduce((s, rs) => s + n(rs.status?.replicas), 0),
    updatedReplicas: newRS ? n(newRS.status?.replicas) : 0,
    readyReplicas: all.reduce((s, rs) => s + n(rs.status?.readyReplicas), 0),
    availableReplicas,
    unavailableReplicas: Math.max(0, totalSpec - availableReplicas),
    ...(old.conditions ? { conditions: old.conditions.map((c) => ({ ...c })) } : {}),
  };
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
  const nowIso = isoNow(ctx.store.now);
  if (availableReplicas >= n(d.spec.replicas) - maxUnavailable(d.spec)) {
    setCondition(
      status,
      "Available",
      "True",
      "MinimumReplicasAvailable",
      "Deployment has minimum availability.",
      nowIso,
    );
  } else {
    setCondition(
      status,
      "Available",
      "False",
      "MinimumReplicasUnavailable",
      "Deployment does not have minimum availability.",
      nowIso,
    );
  }
  return status;
}

/** The Progressing condition syncRolloutStatus derives from the old and new status. */
function estimateProgress(
  ctx: ControllerContext,
  d: KObject,
  newRS: KObject | undefined,
  status: Status,
): void {
  const nowIso = isoNow(ctx.store.now);
  const current = getCondition(d.status, "Progressing");
  const isComplete =
    n(status.replicas) === n(status.updatedReplicas) && current?.reason === "NewReplicaSetAvailable";
  if (isComplete) return;
  const rsName = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(n(d.spec.replicas), d.metadata.generation ?? 1, status)) {
    setCondition(
      status,
      "Progressing",
      "True",
      "NewReplicaSetAvailable",
      `${rsName} has successfully progressed.`,
      nowIso,
    );
  } else if (deploymentProgressing(d.status ?? {}, status)) {
    // Progress refreshes lastUpdateTime even with the same reason, which SetDeploymentCondition would not.
    const next: DeploymentCondition = {
      type: "Progressing",
      status: "True",
      lastUpdateTime: nowIso,
      lastTransitionTime: current?.status === "True" ? current.lastTransitionTime : nowIso,
      reason: "ReplicaSetUpdated",
      message: `${rsName} is progressing.`,
    };
    status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== "Progressing"), next];
  } else if (
    deploymentTimedOut(d.spec.progressDeadlineSeconds, getCondition(status, "Progressing"), ctx.store.now)
  ) {
    const name = newRS?.metadata.name ?? d.metadata.name;
    setCondition(
      status,
      "Progressing",
      "False",
      "ProgressDeadlineExceeded",
      `ReplicaSet "${name}" has timed out progressing.`,
      nowIso,
    );
  }
}

/** getReplicaFailures: a ReplicaFailure condition of the new ReplicaSet, else of any. */
function replicaFailure(newRS: KObject | undefined, all: KObject[]): DeploymentCondition | undefined {
  for (const rs of [...(newRS ? [newRS] : []), ...all]) {
    const c = (
      rs.status?.conditions as
        | { type: string; status: string; reason: string; message: string; lastTransitionTime: string }[]
        | undefined
    )?.find((x) => x.type === "ReplicaFailure");
    if (c)
      return {
        type: c.type,
        status: c.status,
        reason: c.reason,
        message: c.message,
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
      };
  }
  return undefined;
}

/**
 * Writes the deployment's status from its ReplicaSets; with `progress` (syncRolloutStatus, used by
 * the rollout strategies) also estimates the Progressing condition and copies replica failures,
 * without it (syncDeploymentStatus, used for scaling and paused deployments) only counts and
 * Available change. Returns whether the status changed.
 */
export function syncStatus(
  ctx: ControllerContext,
  d: KObject,
  newRS: KObject | undefined,
  oldRSs: KObject[],
  progress: boolean,
): boolean {
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const status = calculateStatus(ctx, d, newRS, all);
  if (progress) {
    if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
    else estimateProgress(ctx, d, newRS, status);
    const failure = replicaFailure(newRS, all);
    if (failure)
      setCondition(
        status,
        failure.type,
        failure.status,
        failure.reason,
        failure.message,
        failure.lastUpdateTime,
      );
    else removeCondition(status, "ReplicaFailure");
  }
  // The API drops zero counts (omitempty).
  for (const k of [
    "updatedReplicas",
    "readyReplicas",
    "availableReplicas",
    "unavailableReplicas",
    "replicas",
  ])
    if (status[k] === 0) delete status[k];
  if (sameJson(status, d.status ?? {})) return false;
  d.status = status;
  ctx.store.touch(d);
  return true;
}

/**
 * checkPausedConditions: a paused deployment's Progressing condition turns Unknown/DeploymentPaused,
 * and DeploymentResumed when resumed, so that time spent paused never counts against the deadline.
 * A ProgressDeadlineExceeded condition is kept. Returns whether the status changed.
 */
export function checkPausedConditions(ctx: ControllerContext, d: KObject): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === "ProgressDeadlineExceeded") return false;
  const pausedCond = cond?.reason === "DeploymentPaused";
  if ((d.spec.paused === true) === pausedCond) return false;
  const status: Status = d.status ?? {};
  const nowIso = isoNow(ctx.store.now);
  if (d.spec.paused === true && !pausedCond) {
    setCondition(status, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", nowIso);
  } else if (d.spec.paused !== true && pausedCond) {
    setCondition(status, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", nowIso);
  } else {
    return false;
  }
  d.status = status;
  ctx.store.touch(d);
  return true;
}

/** Records the Progressing condition a new or newly found ReplicaSet starts with. */
export function noteNewReplicaSet(d: KObject, rsName: string, created: boolean, nowIso: string): boolean {
  if (!hasProgressDeadline(d)) return false;
  const status: Status = d.status ?? {};
  if (created) {
    setCondition(
      status,
      "Progressing",
      "True",
      "NewReplicaSetCreated",
      `Created new replica set "${rsName}"`,
      nowIso,
    );
  } else if (!getCondition(status, "Progressing")) {
    setCondition(
      status,
      "Progressing",
      "True",
      "FoundNewReplicaSet",
      `Found new replica set "${rsName}"`,
      nowIso,
    );
  } else {
    return false;
  }
  d.status = status;
  return true;
}
