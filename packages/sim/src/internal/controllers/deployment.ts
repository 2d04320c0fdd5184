// Deployment controller: new and old ReplicaSets, scaling, rolling and recreate updates, status.

import { resourceForKind } from "../api/resources.ts";
import type { KObject } from "../api/types.ts";
import { canonicalJson } from "../util/canonical.ts";
import { fnv32a, safeEncode } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import {
  byControllerUid,
  type Controller,
  type ControllerContext,
  controllerRef,
  isActivePod,
  ownerRefTo,
  QuietObjects,
} from "./context.ts";
import { maxSurge, maxUnavailable, newRSNewReplicas, roundToInt } from "./deployment-math.ts";
import { noteNewReplicaSet, updateRolloutStatus } from "./deployment-status.ts";

export const REVISION = "deployment.kubernetes.io/revision";
export const DESIRED = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
export const HASH_LABEL = "pod-template-hash";
const RS_INFO = resourceForKind("ReplicaSet");

// Annotations a ReplicaSet does not inherit from its Deployment.
const SKIP_ANNOTATIONS = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  "deployment.kubernetes.io/revision-history",
  DESIRED,
  MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

const replicasOf = (rs: KObject): number => (rs.spec?.replicas as number | undefined) ?? 0;
const sum = (list: KObject[], f: (rs: KObject) => number) => list.reduce((n, rs) => n + f(rs), 0);
const available = (rs: KObject): number => (rs.status?.availableReplicas as number | undefined) ?? 0;
export const revisionOf = (rs: KObject): number => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
const created = (rs: KObject) => Date.parse(rs.metadata.creationTimestamp);
const byCreation = (a: KObject, b: KObject) =>
  created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1);

/** The template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment. */
export function templateWithoutHash(template: KObject["spec"]): unknown {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

const templateKeys = new WeakMap<object, string>();

/**
 * The canonical text of an object's pod template without its hash label. Cached per template
 * object: controllers never edit a template in place, and an update replaces the whole object.
 */
function templateKey(obj: KObject): string {
  const template = obj.spec?.template;
  if (!template || typeof template !== "object") return canonicalJson(templateWithoutHash(template));
  const hit = templateKeys.get(template);
  if (hit !== undefined) return hit;
  const key = canonicalJson(templateWithoutHash(template));
  templateKeys.set(template, key);
  return key;
}

/** pod-template-hash: FNV-32a of the template (and collision count), in Kubernetes' safe alphabet. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const h = fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ""));
  return safeEncode(String(h));
}

const byName = (a: KObject, b: KObject) =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

function setReplicasAnnotations(rs: KObject, d: KObject): void {
  const ann = rs.metadata.annotations ?? {};
  ann[DESIRED] = String(d.spec.replicas);
  ann[MAX_REPLICAS] = String(d.spec.replicas + maxSurge(d.spec));
  rs.metadata.annotations = ann;
}

/** Scales a ReplicaSet and records the deployment's ScalingReplicaSet event. */
function scaleRS(ctx: ControllerContext, d: KObject, rs: KObject, to: number): boolean {
  const from = replicasOf(rs);
  const ann = rs.metadata.annotations ?? {};
  const annotationsStale =
    ann[DESIRED] !== String(d.spec.replicas) ||
    ann[MAX_REPLICAS] !== String(d.spec.replicas + maxSurge(d.spec));
  if (from === to && !annotationsStale) return false;
  rs.spec.replicas = to;
  setReplicasAnnotations(rs, d);
  if (from !== to) rs.metadata.generation = (rs.metadata.generation ?? 1) + 1;
  ctx.store.touch(rs);
  if (from !== to) {
    const verb = to > from ? "up" : "down";
    ctx.store.event(
      d,
      "Normal",
      "ScalingReplicaSet",
      `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`,
      "deployment-controller",
    );
  }
  return from !== to;
}

/** Finds (or creates) the ReplicaSet for the current template and keeps revisions in order. */
function syncRevision(
  ctx: ControllerContext,
  d: KObject,
  rsList: KObject[],
  create: boolean,
): { newRS: KObject | undefined; oldRSs: KObject[] } {
  const want = templateKey(d);
  const sorted = [...rsList].sort(byCreation);
  const newRS = sorted.find((rs) => templateKey(rs) === want);
  const oldRSs = sorted.filter((rs) => rs !== newRS);
  const maxOld = Math.max(0, ...oldRSs.map(revisionOf));
  const newRevision = String(maxOld + 1);
  const dAnn = d.metadata.annotations ?? {};
  if (newRS) {
    let changed = false;
    const ann = newRS.metadata.annotations ?? {};
    if (revisionOf(newRS) < maxOld + 1 && ann[REVISION] !== newRevision) {
      ann[REVISION] = newRevision;
      changed = true;
    }
    const cause = dAnn["kubernetes.io/change-cause"];
    if (cause !== undefined && ann["kubernetes.io/change-cause"] !== cause) {
      ann["kubernetes.io/change-cause"] = cause;
      changed = true;
    }
    newRS.metadata.annotations = ann;
    if (changed) ctx.store.touch(newRS);
    if (dAnn[REVISION] !== ann[REVISION]) {
      d.metadata.annotations = { ...dAnn, [REVISION]: ann[REVISION] ?? newRevision };
      ctx.store.touch(d);
    }
    if (!d.spec.paused) noteNewReplicaSet(d, newRS.metadata.name, false, isoSeconds(ctx.store.now));
    return { newRS, oldRSs };
  }
  if (!create || !RS_INFO) return { newRS: undefined, oldRSs };
  const collision = (d.status?.collisionCount as number | undefined) ?? 0;
  const hash = podTemplateHash(d.spec.template, collision);
  const template = structuredClone(d.spec.template);
  template.metadata = template.metadata ?? {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(dAnn)) if (!SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
  annotations[REVISION] = newRevision;
  const replicas = newRSNewReplicas(d.spec, sum(oldRSs, replicasOf), 0);
  const rs: KObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace ?? "default",
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      labels: { ...(template.metadata.labels as Record<string, string>) },
      annotations,
      ownerReferences: [ownerRefTo(d)],
    },
    spec: {
      replicas,
      selector,
      template,
      ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
    },
    status: { replicas: 0 },
  };
  setReplicasAnnotations(rs, d);
  if (ctx.store.get("replicasets", rs.metadata.namespace, rs.metadata.name)) {
    // A hash collision with a ReplicaSet that is not ours: bump the collision count and retry later.
    d.status = { ...(d.status ?? {}), collisionCount: collision + 1 };
    ctx.store.touch(d);
    return { newRS: undefined, oldRSs };
  }
  ctx.store.create(RS_INFO, rs);
  if (replicas > 0) {
    ctx.store.event(
      d,
      "Normal",
      "ScalingReplicaSet",
      `Scaled up replica set ${rs.metadata.name} from 0 to ${replicas}`,
      "deployment-controller",
    );
  }
  d.metadata.annotations = { ...dAnn, [REVISION]: newRevision };
  noteNewReplicaSet(d, rs.metadata.name, true, isoSeconds(ctx.store.now));
  ctx.store.touch(d);
  return { newRS: rs, oldRSs };
}

/** Spreads a replica-count change over several active ReplicaSets in proportion to their size. */
function proportionalScale(
  ctx: ControllerContext,
  d: KObject,
  newRS: KObject | undefined,
  oldRSs: KObject[],
): boolean {
  const all = [...(newRS ? [newRS] : []), ...oldRSs];
  const active = all.filter((rs) => replicasOf(rs) > 0);
  if (active.length === 0 && newRS) return scaleRS(ctx, d, newRS, d.spec.replicas);
  if (active.length === 1) {
    const only = active[0] as KObject;
    return scaleRS(ctx, d, only, d.spec.replicas);
  }
  if (active.length === 0) {
    const latest = [...oldRSs].sort(byCreation).at(-1);
    return latest ? scaleRS(ctx, d, latest, d.spec.replicas) : false;
  }
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d.spec) : 0;
  const toAdd = allowed - sum(all, replicasOf);
  if (toAdd === 0) return false;
  // Scaling up favours the biggest, newest sets; scaling down the biggest, oldest.
  const ordered = [...active].sort(
    (a, b) =>
      replicasOf(b) - replicasOf(a) || (toAdd > 0 ? created(b) - created(a) : created(a) - created(b)),
  );
  const sizes = new Map<KObject, number>();
  let added = 0;
  for (const rs of ordered) {
    let proportion = 0;
    if (replicasOf(rs) > 0 && toAdd !== added) {
      const maxAnn = Number(rs.metadata.annotations?.[MAX_REPLICAS]);
      const annotated =
        Number.isFinite(maxAnn) && maxAnn > 0 ? maxAnn : ((d.status?.replicas as number | undefined) ?? 1);
      const fraction =
        d.spec.replicas === 0
          ? -replicasOf(rs)
          : roundToInt((replicasOf(rs) * (d.spec.replicas + maxSurge(d.spec))) / annotated) - replicasOf(rs);
      const left = toAdd - added;
      proportion = toAdd > 0 ? Math.min(fraction, left) : Math.max(fraction, left);
    }
    sizes.set(rs, replicasOf(rs) + proportion);
    added += proportion;
  }
  let changed = false;
  ordered.forEach((rs, i) => {
    let size = sizes.get(rs) ?? replicasOf(rs);
    if (i === 0) size += toAdd - added;
    if (scaleRS(ctx, d, rs, Math.max(0, size))) changed = true;
  });
  return changed;
}

function isScalingEvent(d: KObject, rsList: KObject[]): boolean {
  return rsList.some(
    (rs) => replicasOf(rs) > 0 && rs.metadata.annotations?.[DESIRED] !== String(d.spec.replicas),
  );
}

function rolloutRolling(ctx: ControllerContext, d: KObject, newRS: KObject, oldRSs: KObject[]): boolean {
  const all = [newRS, ...oldRSs];
  // Scale up the new ReplicaSet within the surge budget.
  const want = d.spec.replicas as number;
  if (replicasOf(newRS) > want) return scaleRS(ctx, d, newRS, want);
  if (replicasOf(newRS) < want) {
    const next = newRSNewReplicas(d.spec, sum(all, replicasOf), replicasOf(newRS));
    if (scaleRS(ctx, d, newRS, next)) return true;
  }
  // Scale down old ReplicaSets within the unavailability budget.
  const oldCount = sum(oldRSs, replicasOf);
  if (oldCount === 0) return false;
  const minAvailable = want - maxUnavailable(d.spec);
  const newUnavailable = replicasOf(newRS) - available(newRS);
  const maxScaleDown = sum(all, replicasOf) - minAvailable - newUnavailable;
  if (maxScaleDown <= 0) return false;
  let changed = false;
  // First remove old pods that are not available anyway: they serve nobody.
  let cleaned = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (cleaned >= maxScaleDown) break;
    if (replicasOf(rs) === 0 || available(rs) === replicasOf(rs)) continue;
    const n = Math.min(maxScaleDown - cleaned, replicasOf(rs) - available(rs));
    if (scaleRS(ctx, d, rs, replicasOf(rs) - n)) changed = true;
    cleaned += n;
  }
  // Then scale down available old pods while keeping minAvailable.
  const availableNow = sum(all, available);
  if (availableNow > minAvailable) {
    const total = availableNow - minAvailable;
    let done = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (done >= total) break;
      if (replicasOf(rs) === 0) continue;
      const n = Math.min(replicasOf(rs), total - done);
      if (scaleRS(ctx, d, rs, replicasOf(rs) - n)) changed = true;
      done += n;
    }
  }
  return changed;
}

function rolloutRecreate(ctx: ControllerContext, d: KObject, newRS: KObject, oldRSs: KObject[]): boolean {
  let changed = false;
  for (const rs of oldRSs) if (replicasOf(rs) > 0 && scaleRS(ctx, d, rs, 0)) changed = true;
  if (changed) return true;
  // Wait until every old pod is gone before starting new ones.
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  for (const pod of ctx.store.each("pods")) {
    const ref = controllerRef(pod);
    if (ref && oldUids.has(ref.uid) && (isActivePod(pod) || pod.metadata.deletionTimestamp)) return false;
  }
  return scaleRS(ctx, d, newRS, d.spec.replicas);
}

/** Deletes old, empty ReplicaSets beyond revisionHistoryLimit, oldest revision first. */
function cleanup(ctx: ControllerContext, d: KObject, oldRSs: KObject[]): boolean {
  const limit = (d.spec.revisionHistoryLimit as number | undefined) ?? 10;
  const cleanable = oldRSs.filter(
    (rs) =>
      replicasOf(rs) === 0 &&
      ((rs.status?.replicas as number | undefined) ?? 0) === 0 &&
      !rs.metadata.deletionTimestamp,
  );
  const diff = cleanable.length - limit;
  if (diff <= 0) return false;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) ctx.store.remove("replicasets", rs);
  return true;
}

function syncDeployment(ctx: ControllerContext, d: KObject, rsList: KObject[]): boolean {
  if (d.metadata.deletionTimestamp) return false;
  let changed = false;
  const paused = d.spec.paused === true;
  if (paused || isScalingEvent(d, rsList)) {
    const { newRS, oldRSs } = syncRevision(ctx, d, rsList, false);
    changed = proportionalScale(ctx, d, newRS, oldRSs);
    if (paused && cleanup(ctx, d, oldRSs)) changed = true;
    if (updateRolloutStatus(ctx, d, newRS, oldRSs)) changed = true;
    return changed;
  }
  const { newRS, oldRSs } = syncRevision(ctx, d, rsList, true);
  if (!newRS) return true;
  if (rsList.indexOf(newRS) < 0) changed = true;
  const recreate = d.spec.strategy?.type === "Recreate";
  const scaled = recreate ? rolloutRecreate(ctx, d, newRS, oldRSs) : rolloutRolling(ctx, d, newRS, oldRSs);
  if (scaled) changed = true;
  const complete = updateRolloutStatus(ctx, d, newRS, oldRSs);
  if (complete) changed = true;
  if (
    !scaled &&
    d.status?.updatedReplicas === d.spec.replicas &&
    d.status?.availableReplicas === d.spec.replicas
  ) {
    if (cleanup(ctx, d, oldRSs)) changed = true;
  }
  return changed;
}

const quietDeployments = new QuietObjects();

export const deploymentController: Controller = {
  name: "deployment",
  watches: ["Deployment", "ReplicaSet"],
  // Time matters while a rollout can still time out, or availability waits on minReadySeconds.
  clock: (ctx) =>
    ctx.store
      .each("deployments")
      .some(
        (d) =>
          d.spec?.minReadySeconds ||
          !d.status?.conditions?.some(
            (c: { type: string; reason: string }) =>
              c.type === "Progressing" &&
              (c.reason === "NewReplicaSetAvailable" || c.reason === "ProgressDeadlineExceeded"),
          ),
      ),
  sync(ctx) {
    let changed = false;
    const owned = byControllerUid(ctx.store.each("replicasets"));
    for (const d of ctx.store.list("deployments")) {
      const rsList = (owned.get(d.metadata.uid) ?? []).sort(byName);
      // Time matters only while a rollout is in progress or availability waits on minReadySeconds.
      const settled =
        d.status?.conditions?.some(
          (c: { type: string; reason: string }) =>
            c.type === "Progressing" && c.reason === "NewReplicaSetAvailable",
        ) && !d.spec?.minReadySeconds;
      const key = `${d.metadata.resourceVersion}|${rsList.map((rs) => rs.metadata.resourceVersion).join(",")}|${settled ? "" : ctx.store.now}`;
      if (quietDeployments.run(d, key, () => syncDeployment(ctx, d, rsList))) changed = true;
    }
    return changed;
  },
  wake(ctx) {
    // A progressing rollout times out progressDeadlineSeconds after its last progress.
    let next: number | undefined;
    for (const d of ctx.store.each("deployments")) {
      const c = (
        d.status?.conditions as
          | { type: string; status: string; reason: string; lastUpdateTime: string }[]
          | undefined
      )?.find((x) => x.type === "Progressing");
      if (c?.status !== "True" || c.reason === "NewReplicaSetAvailable") continue;
      const deadline = (d.spec?.progressDeadlineSeconds as number | undefined) ?? 600;
      const t = Date.parse(c.lastUpdateTime) + deadline * 1000 + 1000;
      if (t > ctx.store.now && (next === undefined || t < next)) next = t;
    }
    return next;
  },
};
