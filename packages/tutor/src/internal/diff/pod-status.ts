// A pod's READY, STATUS and RESTARTS as `kubectl get pods` shows them (kubectl's printPod, trimmed).

import type { KObject } from "@bosun/sim";
import { asArr, asNum, asObj, asStr, type Obj } from "./read.ts";

/** The three cells of a pod's row that a learner watches change. */
export interface PodCells {
  /** "1/1". */
  ready: string;
  /** ContainerCreating, Running, CrashLoopBackOff, Init:0/1, Completed, Terminating, … */
  status: string;
  restarts: number;
}

function terminatedReason(term: Obj, prefix: string): string {
  const reason = asStr(term.reason);
  if (reason) return `${prefix}${reason}`;
  const signal = asNum(term.signal);
  return signal ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${asNum(term.exitCode)}`;
}

function conditionTrue(status: Obj, type: string): boolean {
  return asArr(status.conditions).some((c) => asObj(c).type === type && asObj(c).status === "True");
}

/**
 * The STATUS column follows kubectl: the pod's reason or phase, overridden by the first failing
 * init container ("Init:1/2", "Init:CrashLoopBackOff"), then by any app container's waiting or
 * terminated reason, and by "Terminating" once a deletion timestamp is set.
 */
export function podCells(pod: KObject): PodCells {
  const spec = asObj(pod.spec);
  const status = asObj(pod.status);
  const phase = asStr(status.phase);
  let reason = asStr(status.reason) || phase || "Pending";
  const inits = asArr(spec.initContainers).map(asObj);
  const sidecars = new Set(inits.filter((c) => c.restartPolicy === "Always").map((c) => asStr(c.name)));
  const total = asArr(spec.containers).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let initializing = false;
  for (const [i, c] of asArr(status.initContainerStatuses).map(asObj).entries()) {
    restarts += asNum(c.restartCount);
    if (sidecars.has(asStr(c.name))) sidecarRestarts += asNum(c.restartCount);
    const state = asObj(c.state);
    const term = state.terminated ? asObj(state.terminated) : undefined;
    const waiting = state.waiting ? asObj(state.waiting) : undefined;
    if (term && asNum(term.exitCode) === 0) continue;
    if (sidecars.has(asStr(c.name)) && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (term) reason = terminatedReason(term, "Init:");
    else if (waiting && asStr(waiting.reason) && waiting.reason !== "PodInitializing")
      reason = `Init:${asStr(waiting.reason)}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }
  if (!initializing || conditionTrue(status, "Initialized")) {
    // Once initialised, kubectl counts only sidecar and app container restarts.
    restarts = sidecarRestarts;
    let running = false;
    const statuses = asArr(status.containerStatuses).map(asObj);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] ?? {};
      restarts += asNum(c.restartCount);
      const state = asObj(c.state);
      const waiting = state.waiting ? asObj(state.waiting) : undefined;
      if (waiting && asStr(waiting.reason)) reason = asStr(waiting.reason);
      else if (state.terminated) reason = terminatedReason(asObj(state.terminated), "");
      else if (c.ready === true && state.running) {
        running = true;
        ready++;
      }
    }
    if (reason === "Completed" && running) reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
  }
  if (pod.metadata.deletionTimestamp !== undefined) {
    if (status.reason === "NodeLost") reason = "Unknown";
    else if (phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";
  }
  return { ready: `${ready}/${total}`, status: reason, restarts };
}
