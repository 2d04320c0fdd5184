// Pod rows: kubectl's printPod (READY, STATUS, RESTARTS and the wide columns).
import type { KObject } from "../../api/types.ts";
import { humanDuration } from "../../util/time.ts";
import { asArr, asNum, asObj, asStr, type Obj, parseTime, since } from "../util.ts";
import type { KindTable } from "./types.ts";

function conditionTrue(status: Obj, type: string): boolean {
  return asArr(status.conditions).some((c) => asObj(c).type === type && asObj(c).status === "True");
}

function terminatedReason(term: Obj, prefix: string): string {
  const reason = asStr(term.reason);
  if (reason !== "") return `${prefix}${reason}`;
  const signal = asNum(term.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${asNum(term.exitCode)}`;
}

function lastTermination(c: Obj): number {
  const term = asObj(c.lastState).terminated;
  if (term === undefined || term === null) return 0;
  return parseTime(asObj(term).finishedAt) ?? 0;
}

/** The cells printPod computes: READY, STATUS and RESTARTS. */
export function podStatusCells(
  pod: KObject,
  now: number,
): { ready: string; status: string; restarts: string } {
  const spec = asObj(pod.spec);
  const status = asObj(pod.status);
  const phase = asStr(status.phase);
  let reason = asStr(status.reason) || phase;
  for (const c of asArr(status.conditions)) {
    const cond = asObj(c);
    if (cond.type === "PodScheduled" && cond.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initSpecs = asArr(spec.initContainers).map(asObj);
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === "Always").map((c) => asStr(c.name)));
  const total = asArr(spec.containers).length + sidecars.size;
  let readyCount = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  let initializing = false;
  const initStatuses = asArr(status.initContainerStatuses).map(asObj);
  for (const [i, c] of initStatuses.entries()) {
    restarts += asNum(c.restartCount);
    lastRestart = Math.max(lastRestart, lastTermination(c));
    const sidecar = sidecars.has(asStr(c.name));
    if (sidecar) {
      sidecarRestarts += asNum(c.restartCount);
      lastSidecarRestart = Math.max(lastSidecarRestart, lastTermination(c));
    }
    const state = asObj(c.state);
    const term = state.terminated ? asObj(state.terminated) : undefined;
    const waiting = state.waiting ? asObj(state.waiting) : undefined;
    if (term && asNum(term.exitCode) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready === true) readyCount++;
      continue;
    }
    if (term) reason = terminatedReason(term, "Init:");
    else if (waiting && asStr(waiting.reason) !== "" && waiting.reason !== "PodInitializing") {
      reason = `Init:${asStr(waiting.reason)}`;
    } else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = asArr(status.containerStatuses).map(asObj);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] ?? {};
      restarts += asNum(c.restartCount);
      lastRestart = Math.max(lastRestart, lastTermination(c));
      const state = asObj(c.state);
      const waiting = state.waiting ? asObj(state.waiting) : undefined;
      const term = state.terminated ? asObj(state.terminated) : undefined;
      if (waiting && asStr(waiting.reason) !== "") reason = asStr(waiting.reason);
      else if (term) reason = terminatedReason(term, "");
      else if (c.ready === true && state.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === "Completed" && hasRunning)
      reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined;
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  const restartText =
    restarts !== 0 && lastRestart !== 0
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${readyCount}/${total}`, status: reason, restarts: restartText };
}

function readinessGates(pod: KObject): string {
  const gates = asArr(asObj(pod.spec).readinessGates).map(asObj);
  if (gates.length === 0) return "<none>";
  const conditions = asArr(asObj(pod.status).conditions).map(asObj);
  let ok = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (c?.status === "True") ok++;
  }
  return `${ok}/${gates.length}`;
}

/** `kubectl get pods`. */
export const podTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Ready" },
    { name: "Status" },
    { name: "Restarts" },
    { name: "Age" },
    { name: "IP", wide: true },
    { name: "Node", wide: true },
    { name: "Nominated Node", wide: true },
    { name: "Readiness Gates", wide: true },
  ],
  row(pod, now) {
    const { ready, status, restarts } = podStatusCells(pod, now);
    const st = asObj(pod.status);
    const ip = asStr(asObj(asArr(st.podIPs)[0]).ip) || "<none>";
    const node = asStr(asObj(pod.spec).nodeName) || "<none>";
    const nominated = asStr(st.nominatedNodeName) || "<none>";
    const age = since(now, pod.metadata.creationTimestamp);
    return [pod.metadata.name, ready, status, restarts, age, ip, node, nominated, readinessGates(pod)];
  },
};
