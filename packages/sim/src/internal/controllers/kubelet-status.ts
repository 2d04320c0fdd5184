// The pod status the kubelet reports: phase, conditions, IPs and one status per container.

import type { ContainerRuntime, PodRuntime } from "../api/state.ts";
import type { KObject } from "../api/types.ts";
import { resolveImage } from "../data/images.ts";
import { sameJson } from "../util/canonical.ts";
import { fnv32a } from "../util/rng.ts";
import { isoSeconds } from "../util/time.ts";
import type { ControllerContext } from "./context.ts";
import type { ContainerSpec } from "./kubelet-env.ts";
import { containerReady, containerStarted } from "./probes.ts";

/** A stable, plausible sha256 digest for an image reference. */
export function imageDigest(ref: string): string {
  const known = DIGESTS.get(ref);
  if (known) return known;
  let out = "";
  let h = fnv32a(ref);
  for (let i = 0; i < 8; i++) {
    h = fnv32a(`${h}:${ref}:${i}`);
    out += h.toString(16).padStart(8, "0");
  }
  if (DIGESTS.size > 1000) DIGESTS.clear();
  DIGESTS.set(ref, out);
  return out;
}

/** Digests already computed (pure function of the reference). */
const DIGESTS = new Map<string, string>();

function containerStatus(spec: ContainerSpec, rt: ContainerRuntime | undefined, now: number) {
  const res = resolveImage(spec.image);
  const ref = res.ok ? res.image.ref : spec.image;
  const repo = ref.replace(/[:@][^/]*$/, "");
  const status: Record<string, unknown> = {
    image: res.ok ? ref : spec.image,
    imageID: "",
    lastState: {},
    name: spec.name,
    ready: false,
    restartCount: rt?.restarts ?? 0,
    started: false,
    state: { waiting: { reason: "ContainerCreating" } },
  };
  if (!rt) return status;
  if (rt.id !== undefined && res.ok) {
    status.containerID = `containerd://${rt.id}`;
    status.imageID = `${repo}@sha256:${imageDigest(ref)}`;
  }
  if (rt.last) {
    status.lastState = {
      terminated: {
        containerID: `containerd://${rt.id ?? ""}`,
        exitCode: rt.last.code,
        finishedAt: isoSeconds(rt.last.end),
        reason: rt.last.reason,
        startedAt: isoSeconds(rt.last.start),
      },
    };
  }
  if (rt.startedAt !== undefined) {
    status.state = { running: { startedAt: isoSeconds(rt.startedAt) } };
    status.started = containerStarted(spec, rt);
    status.ready = containerReady(spec, rt, now);
  } else if (rt.waiting) {
    status.state = { waiting: { ...(rt.message ? { message: rt.message } : {}), reason: rt.waiting } };
  } else if (rt.last) {
    status.state = { terminated: (status.lastState as { terminated: unknown }).terminated };
    status.lastState = {};
    if (rt.step !== "done" && rt.restarts > 0) {
      // Between runs the previous termination stays visible as lastState of the next.
    }
  } else if (rt.step !== "pull" || rt.id !== undefined) {
    status.state = { waiting: { reason: "ContainerCreating" } };
  }
  return status;
}

/** Kubelet's getPhase: Pending while anything waits to start, Running once all have started, … */
function phaseOf(pod: KObject, statuses: Record<string, unknown>[], initDone: boolean): string {
  if (!initDone) return "Pending";
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    const state = s.state as { running?: unknown; waiting?: unknown; terminated?: { exitCode: number } };
    if (state.running) running++;
    else if (state.terminated) {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.waiting) {
      if ((s.lastState as { terminated?: unknown }).terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  const policy = (pod.spec?.restartPolicy as string | undefined) ?? "Always";
  if (stopped > 0) {
    if (policy === "Always") return "Running";
    if (policy === "OnFailure") return succeeded === stopped ? "Succeeded" : "Running";
    return succeeded === stopped ? "Succeeded" : "Failed";
  }
  return "Pending";
}

type Cond = {
  type: string;
  status: string;
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
};

/** One pod condition, keeping its transition time while the status holds (module-level: see parseFlags). */
function podCondition(
  oldConds: Cond[],
  now: string,
  type: string,
  ok: boolean,
  reason?: string,
  message?: string,
): Cond {
  const status = ok ? "True" : "False";
  const prev = oldConds.find((c) => c.type === type);
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
    ...(ok || !reason ? {} : { reason, message: message ?? "" }),
  };
}

/** Rebuilds the pod's status from the kubelet's records; returns whether it changed. */
export function buildPodStatus(ctx: ControllerContext, pod: KObject, rt: PodRuntime, node: KObject): boolean {
  const now = isoSeconds(ctx.store.now);
  const old = (pod.status ?? {}) as Record<string, unknown>;
  const oldConds = (old.conditions ?? []) as Cond[];
  const initSpecs = (pod.spec.initContainers ?? []) as ContainerSpec[];
  const specs = (pod.spec.containers ?? []) as ContainerSpec[];
  const initStatuses = initSpecs.map((s, i) => {
    const r = rt.init[i];
    const st = containerStatus(s, r, ctx.store.now);
    if (r?.step === "done" && r.last?.code === 0) st.ready = true;
    return st;
  });
  const initDone = rt.sandbox !== undefined && rt.init.every((r) => r.step === "done" && r.last?.code === 0);
  const statuses = specs.map((s, i) => containerStatus(s, rt.containers[i], ctx.store.now));
  const unready = specs.filter((_, i) => !statuses[i]?.ready).map((s) => s.name);
  const incomplete = initSpecs
    .filter((_, i) => !(rt.init[i]?.step === "done" && rt.init[i]?.last?.code === 0))
    .map((s) => s.name);
  const conditions: Cond[] = [];
  if (rt.sandbox !== undefined || rt.mountAt !== undefined)
    conditions.push(podCondition(oldConds, now, "PodReadyToStartContainers", rt.sandbox !== undefined));
  conditions.push(
    podCondition(
      oldConds,
      now,
      "Initialized",
      initDone,
      "ContainersNotInitialized",
      `containers with incomplete status: [${incomplete.join(" ")}]`,
    ),
  );
  const containersReady = initDone && unready.length === 0;
  conditions.push(
    podCondition(
      oldConds,
      now,
      "Ready",
      containersReady,
      "ContainersNotReady",
      `containers with unready status: [${unready.join(" ")}]`,
    ),
  );
  conditions.push(
    podCondition(
      oldConds,
      now,
      "ContainersReady",
      containersReady,
      "ContainersNotReady",
      `containers with unready status: [${unready.join(" ")}]`,
    ),
  );
  conditions.push(podCondition(oldConds, now, "PodScheduled", true));
  const hostIP =
    (node.status?.addresses as { type: string; address: string }[] | undefined)?.find(
      (a) => a.type === "InternalIP",
    )?.address ?? "";
  const status: Record<string, unknown> = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(initSpecs.length ? { initContainerStatuses: initStatuses } : {}),
    phase: phaseOf(pod, statuses, initDone),
    ...(old.podIP ? { podIP: old.podIP, podIPs: [{ ip: old.podIP }] } : {}),
    qosClass: old.qosClass,
    startTime: old.startTime ?? now,
  };
  if (sameJson(status, old)) return false;
  pod.status = status;
  ctx.store.touch(pod);
  return true;
}
