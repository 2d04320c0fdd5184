// Which pods a ReplicaSet deletes first when it scales down (Kubernetes' ActivePodsWithRanks).

import type { KObject } from "../api/types.ts";
import { condition, isPodReady, podPhase } from "./context.ts";

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(pod: KObject): number | undefined {
  const c = condition(pod, "Ready");
  return c?.status === "True" && c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

function deletionCost(pod: KObject): number {
  const v = Number(pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"] ?? 0);
  return Number.isFinite(v) ? v : 0;
}

function maxRestarts(pod: KObject): number {
  let max = 0;
  for (const s of (pod.status?.containerStatuses ?? []) as { restartCount?: number }[])
    max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/**
 * log2 of an age in nanoseconds, as the LogarithmicScaleDown feature buckets ages: pods whose ages
 * fall in the same power-of-two bucket count as equally old. Worked example at now = 1000 s: a pod
 * ready 100 s ago has log2(1e11) ≈ 36.5 → bucket 36; one ready 120 s ago → log2(1.2e11) ≈ 36.8 →
 * also 36, so they tie and the uid decides.
 */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Sorts `active` so that the first pods are the ones Kubernetes deletes first. */
export function rankPodsForDeletion(active: KObject[], related: KObject[], now: number): KObject[] {
  // Rank: how many related active pods share the pod's node ("doubled up" pods go first).
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName as string | undefined;
    if (node && !p.metadata.deletionTimestamp) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  return [...active].sort((a, b) => compareForDeletion(a, b, perNode, now));
}

/** How many related active pods share the pod's node ("doubled up" pods go first). */
function nodeRank(p: KObject, perNode: Map<string, number>): number {
  const node = p.spec?.nodeName as string | undefined;
  return node ? (perNode.get(node) ?? 0) : 0;
}

/** ActivePodsWithRanks.Less (module-level: closures made per call are costly under tsx's keepNames). */
function compareForDeletion(a: KObject, b: KObject, perNode: Map<string, number>, now: number): number {
  const an = (a.spec?.nodeName as string | undefined) ?? "";
  const bn = (b.spec?.nodeName as string | undefined) ?? "";
  if (an !== bn && (an === "" || bn === "")) return an === "" ? -1 : 1;
  const ap = PHASE_ORDER[podPhase(a)] ?? 0;
  const bp = PHASE_ORDER[podPhase(b)] ?? 0;
  if (ap !== bp) return ap - bp;
  const ar = isPodReady(a);
  const br = isPodReady(b);
  if (ar !== br) return ar ? 1 : -1;
  const ac = deletionCost(a);
  const bc = deletionCost(b);
  if (ac !== bc) return ac - bc;
  const ark = nodeRank(a, perNode);
  const brk = nodeRank(b, perNode);
  if (ark !== brk) return brk - ark;
  if (ar && br) {
    const at = readyTime(a);
    const bt = readyTime(b);
    if (at !== bt) {
      if (at === undefined) return -1;
      if (bt === undefined) return 1;
      const diff = logRank(at, now) - logRank(bt, now);
      if (diff !== 0) return diff;
      return a.metadata.uid < b.metadata.uid ? -1 : 1;
    }
  }
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts !== 0) return restarts;
  const aCreated = Date.parse(a.metadata.creationTimestamp);
  const bCreated = Date.parse(b.metadata.creationTimestamp);
  if (aCreated !== bCreated) {
    const diff = logRank(aCreated, now) - logRank(bCreated, now);
    if (diff !== 0) return diff;
    return a.metadata.uid < b.metadata.uid ? -1 : 1;
  }
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
