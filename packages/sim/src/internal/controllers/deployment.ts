// Deployment controller: syncDeployment's flow over new and old ReplicaSets (rolling, recreate, scale, cleanup).

import type { KObject } from "../api/types.ts";
import { parseTimestamp } from "../util/time.ts";
import {
  byControllerUid,
  type Controller,
  type ControllerContext,
  controllerRef,
  podPhase,
  QuietObjects,
  VersionTally,
} from "./context.ts";
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  maxSurge,
  nonNegativeInt32,
  type ReplicaSetView,
} from "./deployment-math.ts";
import {
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  revisionsToClean,
  type ScaleStep,
  scalePlan,
} from "./deployment-plan.ts";
import { byCreation, getAllReplicaSetsAndSyncRevision, REVISION } from "./deployment-revision.ts";
import {
  checkPausedConditions,
  deploymentComplete,
  getCondition,
  hasProgressDeadline,
  syncStatus,
} from "./deployment-status.ts";

const replicasOf = (rs: KObject): number => (rs.spec?.replicas as number | undefined) ?? 0;

/** The arithmetic's view of a stored ReplicaSet. */
export function viewOf(rs: KObject): ReplicaSetView {
  return {
    name: rs.metadata.name,
    replicas: replicasOf(rs),
    available: (rs.status?.availableReplicas as number | undefined) ?? 0,
    created: parseTimestamp(rs.metadata.creationTimestamp),
    annotations: rs.metadata.annotations,
  };
}

/** One deployment's sync: the store plus whether anything was written. */
interface Sync {
  ctx: ControllerContext;
  d: KObject;
  changed: boolean;
  /**
   * isScalingEvent's look at the ReplicaSets when it wrote nothing: the strategy that runs next
   * starts from the same state, so its first look would find exactly this again.
   */
  reuse?: ReturnType<typeof getAllReplicaSetsAndSyncRevision> | undefined;
}

/**
 * scaleReplicaSet / scaleReplicaSetAndRecordEvent: sets the size and the desired/max-replicas
 * annotations, recording ScalingReplicaSet when the size changed. Returns whether it did.
 */
function scaleReplicaSet(s: Sync, rs: KObject, size: number, refresh: boolean): boolean {
  const from = replicasOf(rs);
  if (!refresh && from === size) return false;
  const desired = String(s.d.spec.replicas);
  const max = String(s.d.spec.replicas + maxSurge(s.d.spec));
  const ann = rs.metadata.annotations ?? {};
  if (from === size && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return false;
  rs.metadata.annotations = { ...ann, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
  if (from !== size) {
    rs.spec = { ...rs.spec, replicas: size };
    rs.metadata.generation = (rs.metadata.generation ?? 1) + 1;
  }
  s.ctx.store.touch(rs);
  s.changed = true;
  if (from === size) return false;
  const verb = size > from ? "up" : "down";
  s.ctx.store.event(
    s.d,
    "Normal",
    "ScalingReplicaSet",
    `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${size}`,
    "deployment-controller",
  );
  return true;
}

function applySteps(s: Sync, steps: ScaleStep[], rsList: KObject[]): boolean {
  let scaled = false;
  for (const step of steps) {
    const rs = rsList.find((x) => x.metadata.name === step.name);
    if (rs && scaleReplicaSet(s, rs, step.size, step.refresh)) scaled = true;
  }
  return scaled;
}

function allReplicaSets(s: Sync, rsList: KObject[], create: boolean) {
  const hit = s.reuse;
  s.reuse = undefined;
  // `create` only matters when there is no new ReplicaSet yet.
  if (hit && (hit.newRS !== undefined || !create)) return hit;
  const r = getAllReplicaSetsAndSyncRevision(s.ctx, s.d, rsList, create);
  if (r.changed) s.changed = true;
  return r;
}

function status(s: Sync, newRS: KObject | undefined, oldRSs: KObject[], progress: boolean): void {
  if (syncStatus(s.ctx, s.d, newRS, oldRSs, progress)) s.changed = true;
}

/** cleanupDeployment: deletes old, empty ReplicaSets beyond revisionHistoryLimit. */
function cleanup(s: Sync, oldRSs: KObject[]): void {
  const views = oldRSs.map((rs) => {
    const rev = rs.metadata.annotations?.[REVISION];
    return {
      name: rs.metadata.name,
      created: parseTimestamp(rs.metadata.creationTimestamp),
      revision: rev === undefined ? 0 : /^\d+$/.test(rev) ? Number(rev) : undefined,
      replicas: replicasOf(rs),
      statusReplicas: (rs.status?.replicas as number | undefined) ?? 0,
      generation: rs.metadata.generation ?? 1,
      observedGeneration: (rs.status?.observedGeneration as number | undefined) ?? 0,
      deleting: rs.metadata.deletionTimestamp !== undefined,
    };
  });
  for (const name of revisionsToClean(views, s.d.spec.revisionHistoryLimit as number | undefined)) {
    const rs = oldRSs.find((x) => x.metadata.name === name);
    if (rs) {
      s.ctx.store.remove("replicasets", rs);
      s.changed = true;
    }
  }
}

/** sync: scaling events and paused deployments only resize, never roll out. */
function syncScale(s: Sync, rsList: KObject[]): void {
  const { newRS, oldRSs } = allReplicaSets(s, rsList, false);
  const d = { ...s.d.spec, statusReplicas: (s.d.status?.replicas as number | undefined) ?? 0 };
  applySteps(s, scalePlan(d, newRS ? viewOf(newRS) : undefined, oldRSs.map(viewOf)), rsList);
  if (s.d.spec.paused === true) cleanup(s, oldRSs);
  status(s, newRS, oldRSs, false);
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
function isScalingEvent(s: Sync, rsList: KObject[]): boolean {
  const r = allReplicaSets(s, rsList, false);
  if (!r.changed) s.reuse = r;
  const { newRS, oldRSs } = r;
  return [...oldRSs, ...(newRS ? [newRS] : [])].some((rs) => {
    if (replicasOf(rs) === 0) return false;
    const desired = nonNegativeInt32(rs.metadata.annotations?.[DESIRED_REPLICAS]);
    return desired !== undefined && desired !== s.d.spec.replicas;
  });
}

/** The status the rollout started this sync with counts as complete (cleanup runs only then). */
function wasComplete(d: KObject): boolean {
  return deploymentComplete(d.spec.replicas, d.metadata.generation ?? 1, d.status ?? {});
}

function rolloutRolling(s: Sync, rsList: KObject[]): void {
  const { newRS, oldRSs } = allReplicaSets(s, rsList, true);
  if (!newRS) return;
  const list = [...oldRSs, newRS];
  const target = reconcileNewReplicaSet(s.d.spec, list.map(viewOf), viewOf(newRS));
  if (target !== undefined && scaleReplicaSet(s, newRS, target, false)) {
    status(s, newRS, oldRSs, true);
    return;
  }
  const activeOld = oldRSs.filter((rs) => replicasOf(rs) > 0);
  const down = reconcileOldReplicaSets(s.d.spec, list.map(viewOf), activeOld.map(viewOf), viewOf(newRS));
  applySteps(s, down.steps, list);
  if (down.count > 0) {
    status(s, newRS, oldRSs, true);
    return;
  }
  if (wasComplete(s.d)) cleanup(s, oldRSs);
  status(s, newRS, oldRSs, true);
}

/** oldPodsRunning: old ReplicaSets still report pods, or any of their pods is not finished. */
function oldPodsRunning(s: Sync, newRS: KObject | undefined, oldRSs: KObject[]): boolean {
  if (oldRSs.some((rs) => ((rs.status?.replicas as number | undefined) ?? 0) > 0)) return true;
  const old = new Set(oldRSs.map((rs) => rs.metadata.uid));
  for (const pod of s.ctx.store.each("pods")) {
    const uid = controllerRef(pod)?.uid;
    if (!uid || !old.has(uid) || uid === newRS?.metadata.uid) continue;
    const phase = podPhase(pod);
    if (phase !== "Succeeded" && phase !== "Failed") return true;
  }
  return false;
}

/** rolloutRecreate: all old pods go first; the new ReplicaSet is created only once they are gone. */
function rolloutRecreate(s: Sync, rsList: KObject[]): void {
  let { newRS, oldRSs } = allReplicaSets(s, rsList, false);
  let scaledDown = false;
  for (const rs of oldRSs) if (replicasOf(rs) > 0 && scaleReplicaSet(s, rs, 0, false)) scaledDown = true;
  if (scaledDown || oldPodsRunning(s, newRS, oldRSs)) {
    status(s, newRS, oldRSs, true);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = allReplicaSets(s, rsList, true));
    if (!newRS) return;
  }
  scaleReplicaSet(s, newRS, s.d.spec.replicas, false);
  if (wasComplete(s.d)) cleanup(s, oldRSs);
  status(s, newRS, oldRSs, true);
}

/** syncDeployment for one deployment; returns whether it wrote anything. */
function syncDeployment(ctx: ControllerContext, d: KObject, rsList: KObject[]): boolean {
  const s: Sync = { ctx, d, changed: false };
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = allReplicaSets(s, rsList, false);
    status(s, newRS, oldRSs, false);
    return s.changed;
  }
  if (checkPausedConditions(ctx, d)) s.changed = true;
  if (d.spec.paused === true || isScalingEvent(s, rsList)) syncScale(s, rsList);
  else if (d.spec.strategy?.type === "Recreate") rolloutRecreate(s, rsList);
  else rolloutRolling(s, rsList);
  return s.changed;
}

/** Whether a rollout in progress can still time out (availability after minReadySeconds is the RS's clock). */
function timed(d: KObject): boolean {
  if (d.spec?.paused === true || !hasProgressDeadline(d)) return false;
  const c = getCondition(d.status, "Progressing");
  return c !== undefined && c.reason !== "NewReplicaSetAvailable" && c.reason !== "ProgressDeadlineExceeded";
}

/**
 * The only time a deployment's sync depends on: whether its progress deadline has passed. It flips
 * once, at the time `wake` names, so the deployment is not re-synced at every step of a rollout.
 */
function deadlinePassed(d: KObject, now: number): boolean {
  if (!timed(d)) return false;
  const c = getCondition(d.status, "Progressing");
  return (
    c !== undefined &&
    parseTimestamp(c.lastUpdateTime) + (d.spec.progressDeadlineSeconds as number) * 1000 < now
  );
}

const quietDeployments = new QuietObjects();

export const deploymentController: Controller = {
  name: "deployment",
  watches: ["Deployment", "ReplicaSet"],
  // Pods matter only to Recreate (it waits for old pods to go): their membership changes wake it.
  membership: ["pods"],
  clock: (ctx) => ctx.store.each("deployments").some(timed),
  sync(ctx) {
    let changed = false;
    const owned = byControllerUid(ctx.store.each("replicasets"));
    for (const d of ctx.store.each("deployments")) {
      const owns = owned.get(d.metadata.uid) ?? [];
      const versions = new VersionTally();
      for (const rs of owns) versions.add(rs);
      const pods = d.spec?.strategy?.type === "Recreate" ? `|${ctx.store.membershipVersion("pods")}` : "";
      const key = `${d.metadata.resourceVersion}|${versions.key()}|${deadlinePassed(d, ctx.store.now)}${pods}`;
      if (quietDeployments.settled(d, key)) continue;
      const wrote = syncDeployment(ctx, d, owns.sort(byCreation));
      quietDeployments.settle(d, key, wrote);
      if (wrote) changed = true;
    }
    return changed;
  },
  wake(ctx) {
    // The first instant the progress deadline has passed (it must be exceeded, not just reached).
    // The clock steps whole seconds, so a long wait looks again one second after a deadline that
    // falls on a whole second, as requeueStuckDeployment does; a shorter one stops at that instant.
    let next: number | undefined;
    for (const d of ctx.store.each("deployments")) {
      if (!timed(d) || d.spec?.paused === true) continue;
      const c = getCondition(d.status, "Progressing");
      if (!c || !hasProgressDeadline(d)) continue;
      const t = parseTimestamp(c.lastUpdateTime) + (d.spec.progressDeadlineSeconds as number) * 1000 + 1;
      if (t > ctx.store.now && (next === undefined || t < next)) next = t;
    }
    return next;
  },
};
