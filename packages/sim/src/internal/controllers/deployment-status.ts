// Deployment status and its Available / Progressing conditions (calculateStatus, syncRolloutStatus).

import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import type { ControllerContext } from "./context.ts";
import { maxUnavailable } from "./deployment-math.ts";

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

type Status = Record<string, unknown> & { conditions?: DeploymentCondition[] };
const n = (v: unknown): number => (typeof v === "number" ? v : 0);

export function getCondition(status: Status | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
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

/**
 * Recomputes status from the ReplicaSets and updates the conditions; returns whether anything
 * changed. Progress (more updated, ready or available pods, fewer old ones) refreshes
 * Progressing's lastUpdateTime; none for progressDeadlineSeconds turns it False with
 * ProgressDeadlineExceeded, and the rollout stays stuck there until the template changes.
 */
export function updateRolloutStatus(
  ctx: ControllerContext,
  d: KObject,
  newRS: KObject | undefined,
  oldRSs: KObject[],
): boolean {
  const now = ctx.store.now;
  const nowIso = isoSeconds(now);
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const replicas = n(d.spec.replicas);
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
    conditions: structuredClone(old.conditions ?? []),
  };
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;

  if (availableReplicas >= replicas - maxUnavailable(d.spec)) {
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

  const current = getCondition(old, "Progressing");
  if (d.spec.paused === true) {
    if (current?.reason !== "ProgressDeadlineExceeded")
      setCondition(status, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", nowIso);
  } else if (current?.reason === "DeploymentPaused") {
    setCondition(status, "Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", nowIso);
  } else {
    const name = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    const isComplete =
      status.replicas === status.updatedReplicas && current?.reason === "NewReplicaSetAvailable";
    if (!isComplete) {
      const complete =
        status.updatedReplicas === replicas &&
        status.replicas === replicas &&
        availableReplicas === replicas &&
        n(status.observedGeneration) >= n(d.metadata.generation ?? 1);
      const oldOld = n(old.replicas) - n(old.updatedReplicas);
      const newOld = n(status.replicas) - n(status.updatedReplicas);
      const progressed =
        n(status.updatedReplicas) > n(old.updatedReplicas) ||
        newOld < oldOld ||
        n(status.readyReplicas) > n(old.readyReplicas) ||
        availableReplicas > n(old.availableReplicas);
      const cond = getCondition(status, "Progressing");
      if (complete) {
        setCondition(
          status,
          "Progressing",
          "True",
          "NewReplicaSetAvailable",
          `${name} has successfully progressed.`,
          nowIso,
        );
      } else if (progressed) {
        const next: DeploymentCondition = {
          type: "Progressing",
          status: "True",
          lastUpdateTime: nowIso,
          lastTransitionTime: cond?.status === "True" ? cond.lastTransitionTime : nowIso,
          reason: "ReplicaSetUpdated",
          message: `${name} is progressing.`,
        };
        status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== "Progressing"), next];
      } else if (cond && cond.reason !== "NewReplicaSetAvailable") {
        const deadline = n(d.spec.progressDeadlineSeconds ?? 600) * 1000;
        if (cond.reason === "ProgressDeadlineExceeded" || Date.parse(cond.lastUpdateTime) + deadline < now) {
          setCondition(
            status,
            "Progressing",
            "False",
            "ProgressDeadlineExceeded",
            `${name} has timed out progressing.`,
            nowIso,
          );
        }
      }
    }
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
  if (JSON.stringify(status) === JSON.stringify(old)) return false;
  d.status = status;
  ctx.store.touch(d);
  return true;
}

/** Records the Progressing condition a new or newly found ReplicaSet starts with. */
export function noteNewReplicaSet(d: KObject, rsName: string, created: boolean, nowIso: string): void {
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
    return;
  }
  d.status = status;
}
