// Which nodes a DaemonSet runs on (nodeShouldRunDaemonPod) and the tolerations its pods always get.

import type { KObject } from "../api/types.ts";
import { requiredAffinityMatches } from "./scheduler-volumes.ts";

type Toleration = {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
};
type Taint = { key: string; value?: string; effect: string };

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready and unreachable nodes, node
 * pressure and cordoning (and an unavailable network when they use the host's).
 */
export function daemonTolerations(spec: KObject["spec"]): Toleration[] {
  const list: Toleration[] = [...((spec?.tolerations ?? []) as Toleration[])];
  const add = (key: string, effect: string) => {
    if (!list.some((t) => t.key === key && t.effect === effect))
      list.push({ key, operator: "Exists", effect });
  };
  add("node.kubernetes.io/not-ready", "NoExecute");
  add("node.kubernetes.io/unreachable", "NoExecute");
  add("node.kubernetes.io/disk-pressure", "NoSchedule");
  add("node.kubernetes.io/memory-pressure", "NoSchedule");
  add("node.kubernetes.io/pid-pressure", "NoSchedule");
  add("node.kubernetes.io/unschedulable", "NoSchedule");
  if (spec?.hostNetwork === true) add("node.kubernetes.io/network-unavailable", "NoSchedule");
  return list;
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === "Exists") return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
  });
}

/** The template's node selector, required node affinity and the node's NoSchedule/NoExecute taints decide. */
export function shouldRunOn(ds: KObject, node: KObject): boolean {
  const spec = ds.spec?.template?.spec ?? {};
  const labels = node.metadata.labels ?? {};
  const selector = (spec.nodeSelector ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) return false;
  if (!requiredAffinityMatches({ ...ds, spec }, node)) return false;
  const tolerations = daemonTolerations(spec);
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter(
    (t) => t.effect === "NoSchedule" || t.effect === "NoExecute",
  );
  return taints.every((t) => tolerates(tolerations, t));
}
