// Node lifecycle: silent nodes turn NotReady and get tainted, NoExecute taints evict pods, nodes recover.

import type { Cluster } from "../api/cluster.ts";
import type { KObject } from "../api/types.ts";
import { isoSeconds } from "../util/time.ts";
import { type Controller, type ControllerContext, earliest, isTerminating } from "./context.ts";
import { evictionTimes, type Taint } from "./node-taints.ts";
import { deletePod } from "./pod-deletion.ts";

/** A node whose kubelet has stopped (VM down): since when, until when, and when the controller notices. */
interface NodeOutage {
  since: number;
  until: number;
  notReadyAt: number;
  notReady?: boolean;
}
const CHAOS_KEY = "~chaos";

type Cond = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
};

function outages(ctx: Pick<ControllerContext, "store">): Record<string, unknown> {
  ctx.store.state.nodeRuntime ??= {};
  return ctx.store.state.nodeRuntime;
}

function outageOf(ctx: Pick<ControllerContext, "store">, name: string): NodeOutage | undefined {
  return ctx.store.state.nodeRuntime?.[name] as NodeOutage | undefined;
}

/** Whether the node's kubelet is down (it neither runs nor reports its pods meanwhile). */
export function isNodeDown(ctx: Pick<ControllerContext, "store">, name: string): boolean {
  const o = outageOf(ctx, name);
  return o !== undefined && ctx.store.now < o.until;
}

/**
 * Stops a node's kubelet for `forMs` of virtual time, as a VM crash would: after
 * node-monitor-grace-period the node is NotReady and tainted unreachable, its pods are evicted once
 * their 300 s toleration runs out, and it comes back Ready when the outage ends. For tests and lessons.
 */
export function failNode(cluster: Cluster, name: string, forMs: number): void {
  startOutage(cluster.ctx, name, forMs);
  cluster.reconcile();
}

function startOutage(ctx: ControllerContext, name: string, forMs: number): void {
  const now = ctx.store.now;
  outages(ctx)[name] = {
    since: now,
    until: now + Math.max(0, forMs),
    notReadyAt: now + ctx.timings.nodeNotReady(),
  } satisfies NodeOutage;
  // The last heartbeat is the node's latest write: its resourceVersion moves, as a Lease renewal's would.
  const node = ctx.store.get("nodes", undefined, name);
  if (node) ctx.store.touch(node);
}

function nodeEvent(
  ctx: ControllerContext,
  node: KObject,
  reason: string,
  message: string,
  source: string,
): void {
  ctx.store.event(
    node,
    "Normal",
    reason,
    message,
    source,
    source === "kubelet" ? { host: node.metadata.name } : {},
  );
}

function setTaints(node: KObject, taints: Taint[]): void {
  if (taints.length) node.spec.taints = taints;
  else delete node.spec.taints;
}

/** The node controller's view after node-monitor-grace-period: every condition Unknown, unreachable taints. */
function markUnreachable(ctx: ControllerContext, node: KObject, o: NodeOutage): void {
  const now = isoSeconds(ctx.store.now);
  for (const c of (node.status?.conditions ?? []) as Cond[]) {
    c.status = "Unknown";
    c.reason = "NodeStatusUnknown";
    c.message = "Kubelet stopped posting node status.";
    c.lastHeartbeatTime = isoSeconds(o.since);
    c.lastTransitionTime = now;
  }
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter(
    (t) => !t.key.startsWith("node.kubernetes.io/unreachable"),
  );
  taints.push({ key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: now });
  taints.push({ key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: now });
  setTaints(node, taints);
  ctx.store.touch(node);
  nodeEvent(
    ctx,
    node,
    "NodeNotReady",
    `Node ${node.metadata.name} status is now: NodeNotReady`,
    "node-controller",
  );
  for (const pod of ctx.store.each("pods")) {
    if (pod.spec?.nodeName !== node.metadata.name || isTerminating(pod)) continue;
    const ready = (pod.status?.conditions ?? []) as Cond[];
    const c = ready.find((x) => x.type === "Ready");
    if (c && c.status !== "False") {
      c.status = "False";
      c.lastTransitionTime = now;
      ctx.store.touch(pod);
    }
    ctx.store.event(pod, "Warning", "NodeNotReady", "Node is not ready", "node-controller");
  }
  o.notReady = true;
}

/** The kubelet is back: it posts Ready conditions and the controller lifts the unreachable taints. */
function recover(ctx: ControllerContext, node: KObject, o: NodeOutage): void {
  const now = isoSeconds(ctx.store.now);
  const ok: Record<string, [string, string]> = {
    MemoryPressure: ["KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
    DiskPressure: ["KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
    PIDPressure: ["KubeletHasSufficientPID", "kubelet has sufficient PID available"],
    Ready: ["KubeletReady", "kubelet is posting ready status"],
  };
  if (o.notReady) {
    for (const c of (node.status?.conditions ?? []) as Cond[]) {
      const [reason, message] = ok[c.type] ?? ["", ""];
      c.status = c.type === "Ready" ? "True" : "False";
      c.reason = reason;
      c.message = message;
      c.lastHeartbeatTime = now;
      c.lastTransitionTime = now;
    }
    setTaints(
      node,
      ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.key !== "node.kubernetes.io/unreachable"),
    );
    ctx.store.touch(node);
    nodeEvent(ctx, node, "NodeReady", `Node ${node.metadata.name} status is now: NodeReady`, "kubelet");
  }
  delete outages(ctx)[node.metadata.name];
  ctx.store.state.rv += 1;
}

/** TaintNodeByCondition for cordoned nodes: spec.unschedulable ⇔ the unschedulable NoSchedule taint. */
function syncUnschedulableTaint(ctx: ControllerContext, node: KObject): boolean {
  const key = "node.kubernetes.io/unschedulable";
  const taints = (node.spec?.taints ?? []) as Taint[];
  const has = taints.some((t) => t.key === key);
  const want = node.spec?.unschedulable === true;
  if (has === want) return false;
  node.spec ??= {};
  setTaints(
    node,
    want
      ? [...taints, { key, effect: "NoSchedule", timeAdded: isoSeconds(ctx.store.now) }]
      : taints.filter((t) => t.key !== key),
  );
  ctx.store.touch(node);
  // The kubelet notices spec.unschedulable and reports it as a node event.
  const status = want ? "NodeNotSchedulable" : "NodeSchedulable";
  nodeEvent(ctx, node, status, `Node ${node.metadata.name} status is now: ${status}`, "kubelet");
  return true;
}

/** Chaos profile: a node fails now and then, for a while; times and victims come from the seeded RNG. */
function chaos(ctx: ControllerContext): boolean {
  const spec = ctx.profile.chaos.nodeFailure;
  if (!spec) return false;
  const rt = outages(ctx);
  const state = rt[CHAOS_KEY] as { next: number } | undefined;
  if (!state) {
    rt[CHAOS_KEY] = {
      next: ctx.store.now + ctx.store.rng.jitter(spec.meanTimeBetween.ms, spec.meanTimeBetween.jitter),
    };
    return true;
  }
  if (ctx.store.now < state.next) return false;
  const healthy = ctx.store.each("nodes").filter((n) => !outageOf(ctx, n.metadata.name));
  const victim = healthy.length > 1 ? healthy[ctx.store.rng.int(healthy.length)] : undefined;
  if (victim)
    startOutage(ctx, victim.metadata.name, ctx.store.rng.jitter(spec.downFor.ms, spec.downFor.jitter));
  state.next = ctx.store.now + ctx.store.rng.jitter(spec.meanTimeBetween.ms, spec.meanTimeBetween.jitter);
  return true;
}

/** The taint-eviction controller: evicts pods from NoExecute-tainted nodes once their tolerations run out. */
function evictions(ctx: ControllerContext): boolean {
  const { store } = ctx;
  let changed = false;
  const timers = store.state.timers;
  const due = evictionTimes(store, ctx.profile);
  for (const [uid, at] of due) {
    const key = `evict:${uid}`;
    if (timers[key] === undefined) {
      timers[key] = at;
      changed = true;
    }
  }
  for (const key of Object.keys(timers)) {
    if (!key.startsWith("evict:")) continue;
    const uid = key.slice(6);
    const pod = store.each("pods").find((p) => p.metadata.uid === uid);
    if (!pod || isTerminating(pod)) {
      delete timers[key];
      continue;
    }
    if (!due.has(uid)) {
      delete timers[key];
      store.event(
        pod,
        "Normal",
        "TaintManagerEviction",
        `Cancelling deletion of Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
        "taint-eviction-controller",
      );
      changed = true;
      continue;
    }
    if (store.now < (timers[key] ?? 0)) continue;
    delete timers[key];
    store.event(
      pod,
      "Normal",
      "TaintManagerEviction",
      `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      "taint-eviction-controller",
    );
    deletePod(ctx, pod);
    changed = true;
  }
  return changed;
}

export const nodeLifecycleController: Controller = {
  name: "node-lifecycle",
  watches: ["Node", "Pod"],
  clock: true,
  sync(ctx) {
    let changed = chaos(ctx);
    for (const node of ctx.store.each("nodes")) {
      if (syncUnschedulableTaint(ctx, node)) changed = true;
      const o = outageOf(ctx, node.metadata.name);
      if (!o) continue;
      if (ctx.store.now >= o.until) {
        recover(ctx, node, o);
        changed = true;
      } else if (!o.notReady && ctx.store.now >= o.notReadyAt) {
        markUnreachable(ctx, node, o);
        changed = true;
      }
    }
    if (evictions(ctx)) changed = true;
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    for (const [name, v] of Object.entries(ctx.store.state.nodeRuntime ?? {})) {
      if (name === CHAOS_KEY) next = earliest(next, (v as { next: number }).next);
      else {
        const o = v as NodeOutage;
        next = earliest(next, o.until, o.notReady ? undefined : o.notReadyAt);
      }
    }
    for (const [key, at] of Object.entries(ctx.store.state.timers))
      if (key.startsWith("evict:")) next = earliest(next, at);
    return next;
  },
};
