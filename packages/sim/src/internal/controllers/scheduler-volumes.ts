// Scheduler plugins for volumes and node affinity: VolumeBinding's checks and the DaemonSet's node pinning.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { SELECTED_NODE } from "./volumes.ts";

type ClaimVolume = { persistentVolumeClaim?: { claimName?: string } };

function claimsOf(store: Store, pod: KObject): { name: string; pvc: KObject | undefined }[] {
  const ns = pod.metadata.namespace ?? "default";
  return ((pod.spec?.volumes ?? []) as ClaimVolume[])
    .map((v) => v.persistentVolumeClaim?.claimName)
    .filter((n): n is string => typeof n === "string")
    .map((name) => ({ name, pvc: store.get("persistentvolumeclaims", ns, name) }));
}

function bindingMode(store: Store, pvc: KObject): string {
  const cls = pvc.spec?.storageClassName as string | undefined;
  const sc = cls ? store.get("storageclasses", undefined, cls) : undefined;
  return (sc?.volumeBindingMode as string | undefined) ?? "Immediate";
}

/**
 * VolumeBinding's PreFilter: a missing, deleted or unbound Immediate claim makes the pod
 * unschedulable on every node, with the reason the scheduler reports before any node is tried.
 */
export function volumePreFilter(store: Store, pod: KObject): string | undefined {
  let unboundImmediate = false;
  for (const { name, pvc } of claimsOf(store, pod)) {
    if (!pvc) return `persistentvolumeclaim "${name}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    if (!pvc.spec?.volumeName && bindingMode(store, pvc) !== "WaitForFirstConsumer") unboundImmediate = true;
  }
  return unboundImmediate ? "pod has unbound immediate PersistentVolumeClaims" : undefined;
}

/** The whole FailedScheduling message for a PreFilter rejection. */
export function preFilterMessage(total: number, reason: string): string {
  return `0/${total} nodes are available: ${reason}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/**
 * VolumeBinding's Reserve/PreBind for WaitForFirstConsumer claims: marks the chosen node on each
 * unbound claim (the provisioner creates the volume there) and reports whether binding the pod
 * must wait for the volumes: "marked" when it just marked a claim, "waiting" while volumes are
 * being provisioned, undefined when every claim is bound.
 */
export function volumesPending(
  store: Store,
  pod: KObject,
  nodeName: string,
): "marked" | "waiting" | undefined {
  let result: "marked" | "waiting" | undefined;
  for (const { pvc } of claimsOf(store, pod)) {
    if (!pvc || pvc.spec?.volumeName) continue;
    result ??= "waiting";
    if (pvc.metadata.annotations?.[SELECTED_NODE] === undefined) {
      pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), [SELECTED_NODE]: nodeName };
      store.touch(pvc);
      result = "marked";
    }
  }
  return result;
}

type Requirement = { key: string; operator: string; values?: string[] };
type Term = { matchExpressions?: Requirement[]; matchFields?: Requirement[] };

function requirementHolds(req: Requirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(values[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/** Whether a node satisfies a pod's required node affinity (terms ORed, requirements ANDed). */
export function requiredAffinityMatches(pod: KObject, node: KObject): boolean {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    ?.nodeSelectorTerms as Term[] | undefined;
  if (!terms || terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some(
    (t) =>
      (t.matchExpressions?.length || t.matchFields?.length) &&
      (t.matchExpressions ?? []).every((r) => requirementHolds(r, labels[r.key])) &&
      (t.matchFields ?? []).every((r) =>
        requirementHolds(r, r.key === "metadata.name" ? node.metadata.name : undefined),
      ),
  );
}
