// Kubelet: runs bound pods through their lifecycle over virtual time and stops deleted ones.

import type { ContainerRuntime, PodRuntime } from "../api/state.ts";
import type { KObject } from "../api/types.ts";
import { type Controller, type ControllerContext, earlier } from "./context.ts";
import { type ContainerCtx, containerPlan, newContainerRuntime, stepContainer } from "./kubelet-container.ts";
import { missingVolume } from "./kubelet-env.ts";
import { buildPodStatus } from "./kubelet-status.ts";
import { isNodeDown } from "./node-lifecycle.ts";
import { nextProbeTick, nextProbeWake, runProbes } from "./probes.ts";
import type { Timings } from "./timings.ts";

function allocateIp(ctx: ControllerContext, pod: KObject, node: KObject): string {
  const cidr = (node.spec?.podCIDR as string | undefined) ?? "10.244.0.0/24";
  const prefix = cidr.split(".").slice(0, 3).join(".");
  const used = new Set<string>();
  for (const p of ctx.store.each("pods"))
    if (p.spec?.nodeName === node.metadata.name && p.status?.podIP) used.add(p.status.podIP as string);
  const ipam = ctx.store.state.ipam;
  let host = ipam[node.metadata.name] ?? 1;
  for (let i = 0; i < 253; i++) {
    host = host >= 254 ? 2 : host + 1;
    if (!used.has(`${prefix}.${host}`)) break;
  }
  ipam[node.metadata.name] = host;
  void pod;
  return `${prefix}.${host}`;
}

function containerCtxs(
  ctx: ControllerContext,
  pod: KObject,
  rt: PodRuntime,
  t: Timings,
): { init: ContainerCtx[]; main: ContainerCtx[] } {
  return {
    init: containerCtxList(ctx, pod, t, pod.spec.initContainers ?? [], rt.init, true, "initContainers"),
    main: containerCtxList(ctx, pod, t, pod.spec.containers ?? [], rt.containers, false, "containers"),
  };
}

/** The contexts of one container list (module-level: closures made per call are costly under tsx). */
function containerCtxList(
  ctx: ControllerContext,
  pod: KObject,
  t: Timings,
  list: unknown[],
  rts: PodRuntime["init"],
  init: boolean,
  kind: string,
): ContainerCtx[] {
  const node = pod.spec.nodeName as string;
  return list.map((spec, i) => {
    const s = spec as ContainerCtx["spec"];
    return {
      ctx,
      pod,
      spec: s,
      rt: rts[i] ?? newContainerRuntime(ctx.store.now),
      node,
      t,
      init,
      fieldPath: `spec.${kind}{${s.name}}`,
    };
  });
}

function terminate(ctx: ControllerContext, pod: KObject, rt: PodRuntime, t: Timings): boolean {
  const { store } = ctx;
  if (rt.goneAt === undefined) {
    const grace = ((pod.metadata.deletionGracePeriodSeconds as number | undefined) ?? 30) * 1000;
    let stop = 0;
    const { main } = containerCtxs(ctx, pod, rt, t);
    for (const cc of main) {
      if (cc.rt.step !== "running" && cc.rt.step !== "exit") continue;
      store.event(pod, "Normal", "Killing", `Stopping container ${cc.spec.name}`, "kubelet", {
        fieldPath: cc.fieldPath,
        host: cc.node,
      });
      const plan = containerPlan(cc);
      stop = Math.max(stop, t.stop(plan?.handlesTerm ?? true, grace));
    }
    rt.goneAt = store.now + stop;
  }
  if (store.now >= rt.goneAt) {
    store.remove("pods", pod);
    return true;
  }
  return false;
}

/** Pods whose status was last rebuilt at this resourceVersion, with the next time they have work. */
const quiet = new WeakMap<KObject, { rv: string; until: number }>();

function syncPod(ctx: ControllerContext, pod: KObject, t: Timings): boolean {
  const { store } = ctx;
  const q = quiet.get(pod);
  if (q && q.rv === pod.metadata.resourceVersion && store.now < q.until) return false;
  const nodeName = pod.spec?.nodeName as string | undefined;
  if (!nodeName) return false;
  // A node whose kubelet is down neither runs nor reports its pods: they stay as last seen.
  if (isNodeDown(ctx, nodeName)) return false;
  const node = store.get("nodes", undefined, nodeName);
  let rt = store.state.pods[pod.metadata.uid];
  if (!rt) {
    rt = { init: [], containers: [] };
    store.state.pods[pod.metadata.uid] = rt;
  }
  if (pod.metadata.deletionTimestamp) return terminate(ctx, pod, rt, t);
  const phase = pod.status?.phase as string | undefined;
  if (phase === "Succeeded" || phase === "Failed") return false;
  let changed = false;
  if (rt.sandbox === undefined) {
    if (!node) return false;
    const missing = missingVolume(store, pod);
    if (missing) {
      if (rt.mountAt === undefined || store.now >= rt.mountAt) {
        store.event(pod, "Warning", "FailedMount", missing, "kubelet", { host: nodeName });
        rt.mountAt = store.now + t.mountRetry();
        changed = buildPodStatus(ctx, pod, rt, node) || true;
      }
      return changed;
    }
    delete rt.mountAt;
    rt.sandbox = store.now;
    pod.status = { ...pod.status, podIP: allocateIp(ctx, pod, node) };
    const start = store.now;
    rt.init = (pod.spec.initContainers ?? []).map(() => newContainerRuntime(start));
    rt.containers = (pod.spec.containers ?? []).map(() => newContainerRuntime(start));
    changed = true;
  }
  const { init, main } = containerCtxs(ctx, pod, rt, t);
  let initDone = true;
  for (const cc of init) {
    if (stepContainer(cc)) changed = true;
    if (cc.rt.step !== "done" || (cc.rt.last?.code ?? 0) !== 0) {
      initDone = false;
      break;
    }
  }
  if (initDone) {
    for (const cc of main) {
      // Containers wait for the init containers: their clock starts when the last one finished.
      if (
        cc.rt.step === "pull" &&
        cc.rt.at < store.now &&
        cc.rt.restarts === 0 &&
        cc.rt.id === undefined &&
        init.length > 0
      )
        cc.rt.at = store.now;
      // A probe may stop the container (liveness) and a step may start its probes: run both until settled.
      for (let round = 0; round < 4; round++) {
        const stepped = stepContainer(cc);
        const probed = runProbes(cc);
        if (stepped || probed) changed = true;
        if (!probed) break;
      }
    }
  }
  if (node && buildPodStatus(ctx, pod, rt, node)) changed = true;
  if (!changed) quiet.set(pod, { rv: pod.metadata.resourceVersion, until: nextWork(rt, store.now) });
  return changed;
}

/** The next time the kubelet has anything to do for a pod whose sandbox is up (probe ticks included). */
function nextWork(rt: PodRuntime, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  if (rt.sandbox === undefined) return rt.mountAt ?? 0;
  for (const c of [...rt.init, ...rt.containers]) {
    if (c.at < next) next = c.at;
    if (c.readyAt !== undefined && c.readyAt > now && c.readyAt < next) next = c.readyAt;
    next = Math.min(next, nextProbeTick(c));
  }
  return next;
}

/** The earliest probe tick of the pod's containers that may change a result. */
function probeWake(ctx: ControllerContext, pod: KObject, rt: PodRuntime): number | undefined {
  const { main } = containerCtxs(ctx, pod, rt, ctx.timings);
  let next = Number.POSITIVE_INFINITY;
  for (const cc of main) next = Math.min(next, nextProbeWake(cc));
  return Number.isFinite(next) ? next : undefined;
}

/** The earliest of `next` and the containers' next transitions and readiness times still to come. */
function containersWake(
  list: readonly ContainerRuntime[],
  now: number,
  next: number | undefined,
): number | undefined {
  for (const c of list) {
    if (Number.isFinite(c.at)) next = earlier(next, c.at);
    if (c.readyAt !== undefined && c.readyAt > now) next = earlier(next, c.readyAt);
  }
  return next;
}

function hasProbes(c: ContainerRuntime): boolean {
  return Boolean(c.probes);
}

export const kubeletController: Controller = {
  name: "kubelet",
  watches: ["Pod", "Node", "ConfigMap", "Secret"],
  clock: true,
  sync(ctx) {
    let changed = false;
    const t = ctx.timings;
    for (const pod of ctx.store.each("pods")) if (syncPod(ctx, pod, t)) changed = true;
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    const now = ctx.store.now;
    for (const pod of ctx.store.each("pods")) {
      if (!pod.spec?.nodeName || isNodeDown(ctx, pod.spec.nodeName)) continue;
      const rt = ctx.store.state.pods[pod.metadata.uid];
      if (!rt) {
        next = earlier(next, now);
        continue;
      }
      if (pod.metadata.deletionTimestamp) {
        next = earlier(next, rt.goneAt ?? now);
        continue;
      }
      if (rt.sandbox === undefined) next = earlier(next, rt.mountAt ?? now);
      next = containersWake(rt.init, now, next);
      next = containersWake(rt.containers, now, next);
      if (rt.containers.some(hasProbes)) next = earlier(next, probeWake(ctx, pod, rt));
    }
    return next !== undefined && next < now ? now : next;
  },
  // Probe ticks of a steady probe are counted when the kubelet next runs (see probes.ts).
  catchesUp(ctx) {
    for (const rt of Object.values(ctx.store.state.pods)) if (rt.containers.some(hasProbes)) return true;
    return false;
  },
};
