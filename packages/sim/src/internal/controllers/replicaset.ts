// ReplicaSet controller: keeps the number of active pods equal to spec.replicas (syncReplicaSet).

import type { KObject } from "../api/types.ts";
import { labelSelectorFromSpec, matches } from "../kubectl/selector.ts";
import {
  availabilityWake,
  type Controller,
  type ControllerContext,
  controllerRef,
  isActivePod,
  isPodAvailable,
  isPodReady,
  ownerRefTo,
  podsByNamespace,
  QuietObjects,
  VersionGroups,
} from "./context.ts";
import { admissionInputs, clearRefused, mayCreate, noteRefused, tryCreatePod } from "./pod-create.ts";
import { deletePod } from "./pod-deletion.ts";
import { rankPodsForDeletion } from "./pod-ranking.ts";

/** Pods a ReplicaSet controls, adopting matching orphans as the controller-ref manager does. */
export function claimPods(ctx: ControllerContext, rs: KObject, podsByNs: Map<string, KObject[]>): KObject[] {
  const selector = labelSelectorFromSpec(rs.spec?.selector);
  const owned: KObject[] = [];
  for (const pod of podsByNs.get(rs.metadata.namespace ?? "") ?? []) {
    const ref = controllerRef(pod);
    if (ref) {
      if (ref.uid !== rs.metadata.uid) continue;
      if (!pod.metadata.deletionTimestamp && !matches(selector, pod.metadata.labels)) {
        // Relabelled out of the selector: the controller releases the pod (and will replace it).
        const rest = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
        if (rest.length) pod.metadata.ownerReferences = rest;
        else delete pod.metadata.ownerReferences;
        ctx.store.touch(pod);
        continue;
      }
      owned.push(pod);
      continue;
    }
    if (isActivePod(pod) && matches(selector, pod.metadata.labels)) {
      pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), ownerRefTo(rs)];
      ctx.store.touch(pod);
      owned.push(pod);
    }
  }
  return owned;
}

/** `inputs`: the ReplicaSet's inputs as sync starts; a create refused at them is not retried before they change. */
function syncOne(
  ctx: ControllerContext,
  rs: KObject,
  podsByNs: Map<string, KObject[]>,
  inputs: string,
): boolean {
  const { store } = ctx;
  if (rs.metadata.deletionTimestamp) {
    clearRefused(store, rs);
    return false;
  }
  const pods = claimPods(ctx, rs, podsByNs);
  const active = pods.filter(isActivePod);
  const want = (rs.spec?.replicas as number | undefined) ?? 1;
  let changed = false;
  const diff = active.length - want;
  if (diff < 0 && mayCreate(store, rs, inputs)) {
    let refused = false;
    for (let i = 0; i < -diff; i++) {
      // A quota or LimitRange refusal is a FailedCreate event; a change to the inputs retries.
      const pod = tryCreatePod(store, rs, rs.spec.template, `${rs.metadata.name}-`, "replicaset-controller");
      if (!pod) {
        refused = true;
        break;
      }
      changed = true;
      store.event(
        rs,
        "Normal",
        "SuccessfulCreate",
        `Created pod: ${pod.metadata.name}`,
        "replicaset-controller",
      );
      active.push(pod);
      pods.push(pod);
    }
    if (refused) noteRefused(store, rs, inputs);
    else clearRefused(store, rs);
  } else if (diff >= 0) clearRefused(store, rs);
  if (diff > 0) {
    const victims = rankPodsForDeletion(active, pods, store.now).slice(0, diff);
    for (const pod of victims) {
      deletePod(ctx, pod);
      store.event(
        rs,
        "Normal",
        "SuccessfulDelete",
        `Deleted pod: ${pod.metadata.name}`,
        "replicaset-controller",
      );
    }
    changed = true;
  }
  const minReady = (rs.spec?.minReadySeconds as number | undefined) ?? 0;
  const current = pods.filter(isActivePod);
  const templateLabels = (rs.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
  const status = {
    replicas: current.length,
    fullyLabeledReplicas: current.filter((p) =>
      Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v),
    ).length,
    readyReplicas: current.filter(isPodReady).length,
    availableReplicas: current.filter((p) => isPodAvailable(p, minReady, store.now)).length,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  const old = rs.status ?? {};
  if (
    old.replicas !== status.replicas ||
    (old.fullyLabeledReplicas ?? 0) !== status.fullyLabeledReplicas ||
    (old.readyReplicas ?? 0) !== status.readyReplicas ||
    (old.availableReplicas ?? 0) !== status.availableReplicas ||
    old.observedGeneration !== status.observedGeneration
  ) {
    // The API omits zero counts (omitempty), so a scaled-to-zero ReplicaSet shows only replicas: 0.
    const next: Record<string, number> = { replicas: status.replicas };
    if (status.fullyLabeledReplicas) next.fullyLabeledReplicas = status.fullyLabeledReplicas;
    if (status.readyReplicas) next.readyReplicas = status.readyReplicas;
    if (status.availableReplicas) next.availableReplicas = status.availableReplicas;
    next.observedGeneration = status.observedGeneration;
    rs.status = next;
    store.touch(rs);
    changed = true;
  }
  return changed;
}

const quietReplicaSets = new QuietObjects();

export const replicaSetController: Controller = {
  name: "replicaset",
  // Quotas and LimitRanges decide whether its pods may be created.
  watches: ["ReplicaSet", "Pod", "ResourceQuota", "LimitRange"],
  // Only availability after minReadySeconds depends on the time.
  clock: (ctx) =>
    ctx.store.each("replicasets").some((rs) => ((rs.spec?.minReadySeconds as number | undefined) ?? 0) > 0),
  sync(ctx) {
    let changed = false;
    const podsByNs = podsByNamespace(ctx);
    // A ReplicaSet's inputs: itself, the pods in its namespace that it owns or could adopt, and
    // what admission decides its new pods on.
    const inputs = new VersionGroups();
    for (const [ns, pods] of podsByNs) {
      for (const p of pods) inputs.add(controllerRef(p)?.uid ?? `orphans:${ns}`, p);
    }
    const admission = new Map<string, string>();
    for (const rs of ctx.store.each("replicasets")) {
      const ns = rs.metadata.namespace ?? "";
      let admits = admission.get(ns);
      if (admits === undefined) {
        admits = admissionInputs(ctx.store, ns);
        admission.set(ns, admits);
      }
      const timed = ((rs.spec?.minReadySeconds as number | undefined) ?? 0) > 0;
      const state = `${rs.metadata.resourceVersion}|${inputs.key(rs.metadata.uid)}|${inputs.key(`orphans:${ns}`)}|${admits}`;
      const key = `${state}|${timed ? ctx.store.now : ""}`;
      if (quietReplicaSets.settled(rs, key)) continue;
      const wrote = syncOne(ctx, rs, podsByNs, state);
      quietReplicaSets.settle(rs, key, wrote);
      if (wrote) changed = true;
    }
    return changed;
  },
  // Pods become available minReadySeconds after they turn ready: only sets with ready pods not yet
  // available have anything to wait for.
  wake: (ctx) =>
    availabilityWake(
      ctx,
      ctx.store
        .each("replicasets")
        .filter(
          (rs) =>
            ((rs.status?.availableReplicas as number | undefined) ?? 0) <
            ((rs.status?.readyReplicas as number | undefined) ?? 0),
        ),
    ),
};
