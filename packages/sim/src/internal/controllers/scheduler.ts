// Scheduler: binds pending pods to nodes that fit, or records why none does (FailedScheduling).

import type { KObject } from "../api/types.ts";
import { type Controller, type ControllerContext, controllerRef, isTerminating } from "./context.ts";
import { type Taint, type Toleration, tolerates } from "./node-taints.ts";
import { type Amounts, holdsResources, nodeAllocatable, podRequests } from "./resources.ts";
import {
  preFilterMessage,
  requiredAffinityMatches,
  volumePreFilter,
  volumesPending,
} from "./scheduler-volumes.ts";

interface NodeUse {
  node: KObject;
  used: Amounts;
  pods: number;
  alloc: Amounts & { pods: number };
}

function isNodeReady(node: KObject): boolean {
  return (
    (node.status?.conditions as { type: string; status: string }[] | undefined)?.some(
      (c) => c.type === "Ready" && c.status === "True",
    ) ?? false
  );
}

/**
 * Checks one node; returns undefined when the pod fits, else the reasons in the scheduler's words
 * ("Insufficient cpu", "node(s) were unschedulable", …).
 */
function unfit(pod: KObject, u: NodeUse, req: Amounts): string[] | undefined {
  const reasons: string[] = [];
  const node = u.node;
  const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
  const cordon: Taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
  if (node.spec?.unschedulable && !tolerates(tolerations, cordon)) return ["node(s) were unschedulable"];
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter(
    (t) => t.effect === "NoSchedule" || t.effect === "NoExecute",
  );
  for (const t of taints) {
    if (!tolerates(tolerations, t)) return [`node(s) had untolerated taint {${t.key}: ${t.value ?? ""}}`];
  }
  // A NotReady node not yet tainted by the node controller still repels pods (TaintNodesByCondition).
  if (!isNodeReady(node)) {
    const notReady: Taint = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" };
    if (!tolerates(tolerations, notReady))
      return ["node(s) had untolerated taint {node.kubernetes.io/not-ready: }"];
  }
  const selector = (pod.spec?.nodeSelector ?? {}) as Record<string, string>;
  const labels = node.metadata.labels ?? {};
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v) || !requiredAffinityMatches(pod, node))
    return ["node(s) didn't match Pod's node affinity/selector"];
  if (u.pods + 1 > u.alloc.pods) reasons.push("Too many pods");
  if (req.cpu > 0 && u.used.cpu + req.cpu > u.alloc.cpu) reasons.push("Insufficient cpu");
  if (req.memory > 0 && u.used.memory + req.memory > u.alloc.memory) reasons.push("Insufficient memory");
  return reasons.length ? reasons : undefined;
}

/**
 * The scheduler's FailedScheduling message. Example with 3 nodes, one cordoned and two full:
 * `0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3
 * nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found
 * for incoming pod.`
 */
export function failedSchedulingMessage(total: number, reasonsPerNode: string[][]): string {
  const counts = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const reasons of reasonsPerNode) {
    for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const resourceOnly = reasons.every((r) => r.startsWith("Insufficient") || r === "Too many pods");
    const key = resourceOnly
      ? "No preemption victims found for incoming pod"
      : "Preemption is not helpful for scheduling";
    preemption.set(key, (preemption.get(key) ?? 0) + 1);
  }
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([r, c]) => `${c} ${r}`)
      .sort()
      .join(", ");
  if (total === 0) return "no nodes available to schedule pods";
  return `0/${total} nodes are available: ${fmt(counts)}. preemption: 0/${total} nodes are available: ${fmt(preemption)}.`;
}

function nodeUsage(ctx: ControllerContext): Map<string, NodeUse> {
  const map = new Map<string, NodeUse>();
  for (const node of ctx.store.each("nodes"))
    map.set(node.metadata.name, { node, used: { cpu: 0, memory: 0 }, pods: 0, alloc: nodeAllocatable(node) });
  for (const pod of ctx.store.each("pods")) {
    if (!holdsResources(pod)) continue;
    const u = map.get(pod.spec.nodeName as string);
    if (!u) continue;
    const r = podRequests(pod);
    u.used.cpu += r.cpu;
    u.used.memory += r.memory;
    u.pods += 1;
  }
  return map;
}

/** A feasible node's score (module-level: closures made per call are costly under tsx's keepNames). */
function nodeScore(u: NodeUse, req: { cpu: number; memory: number }, siblings: Map<string, number>): number {
  const cpuFree = (u.alloc.cpu - u.used.cpu - req.cpu) / u.alloc.cpu;
  const memFree = (u.alloc.memory - u.used.memory - req.memory) / u.alloc.memory;
  return -(siblings.get(u.node.metadata.name) ?? 0) * 1000 + (cpuFree + memFree) * 50 - u.pods * 0.5;
}

/**
 * Scores a feasible node: prefer fewer pods of the same owner (spreading replicas, like the
 * default topology spread), then the least requested resources, then the node name.
 */
function pickNode(pod: KObject, candidates: NodeUse[], ctx: ControllerContext): NodeUse | undefined {
  const owner = controllerRef(pod)?.uid;
  const siblings = new Map<string, number>();
  if (owner) {
    for (const p of ctx.store.each("pods")) {
      if (p !== pod && holdsResources(p) && controllerRef(p)?.uid === owner)
        siblings.set(p.spec.nodeName, (siblings.get(p.spec.nodeName) ?? 0) + 1);
    }
  }
  const req = podRequests(pod);
  let best: NodeUse | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const u of candidates) {
    const s = nodeScore(u, req, siblings);
    if (s > bestScore + 1e-9) {
      best = u;
      bestScore = s;
    }
  }
  return best;
}

export const schedulerController: Controller = {
  name: "scheduler",
  // Claims, their classes and the volumes that can bind them decide where (and whether) a pod fits.
  watches: ["Pod", "Node", "PersistentVolumeClaim", "StorageClass", "PersistentVolume"],
  // Time matters only while some pod waits to be bound.
  clock: (ctx) => ctx.store.each("pods").some((p) => !p.spec?.nodeName),
  sync(ctx) {
    const { store } = ctx;
    let changed = false;
    let usage: Map<string, NodeUse> | undefined;
    for (const pod of store.each("pods")) {
      if (
        pod.spec?.nodeName ||
        isTerminating(pod) ||
        (pod.spec?.schedulerName ?? "default-scheduler") !== "default-scheduler"
      )
        continue;
      const rt = store.state.pods[pod.metadata.uid] ?? { init: [], containers: [] };
      store.state.pods[pod.metadata.uid] = rt;
      if (rt.bindAt === undefined) {
        rt.bindAt = store.now + ctx.timings.bind();
        changed = true;
      }
      if (store.now < rt.bindAt) continue;
      usage ??= nodeUsage(ctx);
      const pre = volumePreFilter(store, pod);
      const req = podRequests(pod);
      const feasible: NodeUse[] = [];
      const reasons: string[][] = [];
      for (const u of usage.values()) {
        const why = unfit(pod, u, req);
        if (why) reasons.push(why);
        else feasible.push(u);
      }
      const chosen = pre === undefined ? pickNode(pod, feasible, ctx) : undefined;
      if (!chosen) {
        const msg = pre ? preFilterMessage(usage.size, pre) : failedSchedulingMessage(usage.size, reasons);
        if (rt.schedMsg !== msg) {
          rt.schedMsg = msg;
          pod.status = {
            ...pod.status,
            conditions: [
              {
                type: "PodScheduled",
                status: "False",
                lastProbeTime: null,
                lastTransitionTime: new Date(store.now).toISOString().replace(/\.\d+Z$/, "Z"),
                reason: "Unschedulable",
                message: msg,
              },
            ],
          };
          store.touch(pod);
          store.event(pod, "Warning", "FailedScheduling", msg, "default-scheduler");
          changed = true;
        }
        continue;
      }
      // WaitForFirstConsumer claims are provisioned on the chosen node before the pod is bound.
      const volumes = volumesPending(store, pod, chosen.node.metadata.name);
      if (volumes === "marked") changed = true;
      if (volumes) continue;
      pod.spec.nodeName = chosen.node.metadata.name;
      delete rt.schedMsg;
      chosen.used.cpu += req.cpu;
      chosen.used.memory += req.memory;
      chosen.pods += 1;
      store.touch(pod);
      store.event(
        pod,
        "Normal",
        "Scheduled",
        `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen.node.metadata.name}`,
        "default-scheduler",
      );
      changed = true;
    }
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    for (const pod of ctx.store.each("pods")) {
      if (pod.spec?.nodeName) continue;
      const at = ctx.store.state.pods[pod.metadata.uid]?.bindAt;
      if (at !== undefined && at > ctx.store.now && (next === undefined || at < next)) next = at;
    }
    return next;
  },
};
