// The kubelet's prober workers: liveness, readiness and startup probes over virtual time.

import type { ProbeWorkerState } from "../api/state.ts";
import type { ContainerCtx } from "./kubelet-container.ts";
import { containerPlan } from "./kubelet-container.ts";
import { type Judgement, judgeProbe, type ProbeSpec } from "./probes-judge.ts";

export type ProbeType = "startup" | "liveness" | "readiness";
const TYPES: readonly ProbeType[] = ["startup", "liveness", "readiness"];
const LABEL: Record<ProbeType, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };
const NEVER = Number.POSITIVE_INFINITY;

type Spec = ContainerCtx["spec"];

function probeOf(spec: Spec, type: ProbeType): ProbeSpec | undefined {
  const p = spec[`${type}Probe`];
  return p && typeof p === "object" ? (p as ProbeSpec) : undefined;
}

function period(cc: ContainerCtx, p: ProbeSpec): number {
  return Math.max(1, cc.t.probeSeconds(p.periodSeconds ?? 10));
}

/** Worker ticks are phase-locked to the pod's start: anchor, anchor + period, … */
function anchorOf(cc: ContainerCtx): number {
  return cc.ctx.store.state.pods[cc.pod.metadata.uid]?.sandbox ?? 0;
}

function tickAfter(cc: ContainerCtx, p: ProbeSpec, t: number): number {
  const a = anchorOf(cc);
  const per = period(cc, p);
  return a + (Math.floor((t - a) / per) + 1) * per;
}

/**
 * Creates the workers of a container that just started. The first probe runs once
 * initialDelaySeconds have passed, on the worker's tick; a readiness probe without delay also runs
 * at once (the status manager triggers it), so nginx with a readiness probe is Ready in a second.
 * Worked example: pod started 09:00:00, container at 09:00:05, period 10 s, delay 15 s → first
 * probe at 09:00:20 (the first tick at or after 09:00:20).
 */
export function startProbes(cc: ContainerCtx, at: number): void {
  delete cc.rt.probes;
  if (cc.init) return;
  const workers: Partial<Record<ProbeType, ProbeWorkerState>> = {};
  for (const type of TYPES) {
    const p = probeOf(cc.spec, type);
    if (!p) continue;
    const due = at + cc.t.probeSeconds(p.initialDelaySeconds ?? 0);
    const immediate = type === "readiness" && (p.initialDelaySeconds ?? 0) === 0;
    workers[type] = { next: immediate ? at : tickAfter(cc, p, due - 1), run: 0 };
  }
  if (Object.keys(workers).length > 0) cc.rt.probes = workers;
}

/** Whether the container counts as started: running, and its startup probe (if any) succeeded. */
export function containerStarted(spec: Spec, rt: ContainerCtx["rt"]): boolean {
  if (rt.startedAt === undefined) return false;
  return !probeOf(spec, "startup") || rt.probes?.startup?.result === "ok";
}

/** Whether the container is Ready at `now`: started, and its readiness probe (if any) passing. */
export function containerReady(spec: Spec, rt: ContainerCtx["rt"], now: number): boolean {
  if (!containerStarted(spec, rt)) return false;
  if (probeOf(spec, "readiness")) return rt.probes?.readiness?.result === "ok";
  return rt.readyAt !== undefined && now >= rt.readyAt;
}

/** Records an event as of virtual time `t` (probes caught up late keep their own times), `times` over. */
function eventAt(
  cc: ContainerCtx,
  t: number,
  type: "Normal" | "Warning",
  reason: string,
  msg: string,
  times = 1,
) {
  const { store } = cc.ctx;
  const e = store.event(cc.pod, type, reason, msg, "kubelet", { fieldPath: cc.fieldPath, host: cc.node });
  if (e.count === 1) e.first = t;
  e.count += times - 1;
  e.last = t;
}

/** Liveness or startup failure: the kubelet kills the container (killContainer) and restarts it. */
function kill(cc: ContainerCtx, type: ProbeType, p: ProbeSpec, t: number): void {
  const { rt, spec, pod } = cc;
  const restart = ((pod.spec?.restartPolicy as string | undefined) ?? "Always") !== "Never";
  const msg = `Container ${spec.name} failed ${type} probe${restart ? ", will be restarted" : ""}`;
  eventAt(cc, t, "Normal", "Killing", msg);
  const plan = containerPlan(cc);
  const grace = p.terminationGracePeriodSeconds ?? (pod.spec?.terminationGracePeriodSeconds as number) ?? 30;
  const stop = cc.t.stop(plan?.handlesTerm ?? true, grace * 1000);
  if (rt.step === "exit" && rt.at <= t + stop) return; // it ends on its own first
  const code = plan?.termExitCode ?? 137;
  rt.kill = { code, reason: code === 0 ? "Completed" : "Error" };
  rt.step = "exit";
  rt.at = t + stop;
}

/** Whether the worker ignores a tick (kubelet worker.doProbe's early returns). */
function idle(cc: ContainerCtx, type: ProbeType, w: ProbeWorkerState): boolean {
  if (w.hold || cc.rt.kill) return true;
  const started = containerStarted(cc.spec, cc.rt);
  return type === "startup" ? started : !started;
}

/** A run that cannot change the worker's result until the judgement changes. */
function steady(cc: ContainerCtx, p: ProbeSpec, w: ProbeWorkerState, j: Judgement): boolean {
  const outcome = j.ok ? "ok" : "fail";
  const threshold = j.ok ? (p.successThreshold ?? 1) : (p.failureThreshold ?? 3);
  return w.last === outcome && w.run >= threshold && w.result === outcome && cc.rt.startedAt !== undefined;
}

function target(cc: ContainerCtx) {
  return { ctx: cc.ctx, pod: cc.pod, spec: cc.spec, startedAt: cc.rt.startedAt ?? 0 };
}

/** One probe (or a batch of identical ones) at `t`; returns whether the container's state changed. */
function tick(cc: ContainerCtx, type: ProbeType, p: ProbeSpec, w: ProbeWorkerState, limit: number): boolean {
  const t = w.next;
  if (idle(cc, type, w)) {
    w.next = tickAfter(cc, p, t);
    return false;
  }
  const j = judgeProbe(target(cc), p, t);
  const label = `${LABEL[type]} probe failed: ${j.output}`;
  if (steady(cc, p, w, j)) {
    // Nothing changes until the judgement may: run every due tick at once.
    const per = period(cc, p);
    const last = Math.min(limit, j.until - 1);
    const count = Math.max(1, Math.floor((last - t) / per) + 1);
    if (!j.ok) eventAt(cc, t + (count - 1) * per, "Warning", "Unhealthy", label, count);
    w.run += count;
    w.next = tickAfter(cc, p, t + (count - 1) * per);
    return false;
  }
  w.next = tickAfter(cc, p, t);
  if (!j.ok) eventAt(cc, t, "Warning", "Unhealthy", label);
  const outcome = j.ok ? "ok" : "fail";
  w.run = w.last === outcome ? w.run + 1 : 1;
  w.last = outcome;
  const threshold = j.ok ? (p.successThreshold ?? 1) : (p.failureThreshold ?? 3);
  if (w.run < threshold || w.result === outcome) return false;
  w.result = outcome;
  if (outcome === "fail" && type !== "readiness") {
    w.hold = true;
    w.run = 0;
    kill(cc, type, p, t);
  }
  return true;
}

/** Runs every probe tick due by now, in time order; returns whether any result changed. */
export function runProbes(cc: ContainerCtx): boolean {
  const workers = cc.rt.probes;
  if (!workers || cc.rt.startedAt === undefined) return false;
  const now = cc.ctx.store.now;
  let changed = false;
  for (let guard = 0; guard < 10_000; guard++) {
    let type: ProbeType | undefined;
    for (const ty of TYPES) {
      const w = workers[ty];
      if (w && w.next <= now && (type === undefined || w.next < (workers[type]?.next ?? NEVER))) type = ty;
    }
    const w = type && workers[type];
    const p = type && probeOf(cc.spec, type);
    if (!type || !w || !p) break;
    // A batch stops before another worker's tick that could change this one's conditions.
    let limit = now;
    for (const ty of TYPES) {
      if (ty !== type && ty !== "readiness") limit = Math.min(limit, (workers[ty]?.next ?? NEVER) - 1);
    }
    if (tick(cc, type, p, w, Math.max(limit, w.next))) changed = true;
    if (cc.rt.probes !== workers) break;
  }
  return changed;
}

/** The earliest probe tick (events included): the kubelet must look at the pod again by then. */
export function nextProbeTick(rt: ContainerCtx["rt"]): number {
  let next = NEVER;
  for (const w of Object.values(rt.probes ?? {})) if (w && w.next < next) next = w.next;
  return next;
}

/**
 * The earliest tick that may change a result (a wake): ticks that only repeat a steady outcome are
 * caught up later in one batch, so a readiness probe failing for a day costs no wake-ups.
 */
export function nextProbeWake(cc: ContainerCtx): number {
  const workers = cc.rt.probes;
  if (!workers || cc.rt.startedAt === undefined || cc.rt.kill) return NEVER;
  let next = NEVER;
  for (const type of TYPES) {
    const w = workers[type];
    const p = probeOf(cc.spec, type);
    if (!w || !p || idle(cc, type, w)) continue;
    const j = judgeProbe(target(cc), p, w.next);
    const at = !steady(cc, p, w, j) ? w.next : j.until === NEVER ? NEVER : tickAfter(cc, p, j.until - 1);
    if (at < next) next = at;
  }
  return next;
}
