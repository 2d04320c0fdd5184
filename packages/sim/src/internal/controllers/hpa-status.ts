// HPA controller helpers: per-HPA memory, conditions, status writes and replica normalisation.

import type { Store } from "../api/store.ts";
import type { JsonObject, KObject } from "../api/types.ts";
import { LOAD_MODEL } from "../data/load.ts";
import { sameJson } from "../util/canonical.ts";
import { isoSeconds } from "../util/time.ts";
import {
  convertDesiredReplicasWithRules,
  convertWithBehaviorRate,
  type Recommendation,
  type ScaleEvent,
  scaleDownRules,
  scaleUpRules,
  stabilizeRecommendation,
  stabilizeWithBehaviors,
} from "./hpa-normalize.ts";
import { metricsState } from "./metrics.ts";

// biome-ignore lint/suspicious/noExplicitAny: HPA spec and status are free-form JSON
type Any = any;

const H = LOAD_MODEL.hpa;

/** What the controller remembers per HPA between syncs (the real one keeps this in memory). */
export interface HpaMemory {
  next: number;
  recs: Recommendation[];
  up: ScaleEvent[];
  down: ScaleEvent[];
}

export function memoryOf(store: Store, hpa: KObject): HpaMemory {
  const st = metricsState(store);
  st.hpa ??= {};
  let m = st.hpa[hpa.metadata.uid] as HpaMemory | undefined;
  if (!m) {
    // A new HPA is queued with the resync delay, so its first sync comes one period after creation.
    m = { next: store.now + H.syncPeriodMs, recs: [], up: [], down: [] };
    st.hpa[hpa.metadata.uid] = m;
  }
  return m;
}

export type Condition = {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
};

export function setCondition(
  conds: Condition[],
  now: number,
  type: string,
  status: string,
  reason: string,
  message: string,
) {
  let c = conds.find((x) => x.type === type);
  if (!c) {
    c = { type, status: "", lastTransitionTime: "", reason: "", message: "" };
    conds.push(c);
  }
  if (c.status !== status) c.lastTransitionTime = isoSeconds(now);
  c.status = status;
  c.reason = reason;
  c.message = message;
}

export function writeStatus(store: Store, hpa: KObject, status: Any): boolean {
  // The metrics change most often: when they differ, so do the whole statuses.
  const metricsDiffer = !sameJson(status?.currentMetrics, hpa.status?.currentMetrics);
  if (!metricsDiffer && sameJson(status, hpa.status)) return false;
  hpa.status = status;
  store.touch(hpa);
  return true;
}

export function buildStatus(
  old: Any,
  current: number,
  desired: number,
  metrics: JsonObject[] | null,
  conds: Condition[],
  scaledAt?: number,
) {
  const lastScaleTime = scaledAt !== undefined ? isoSeconds(scaledAt) : old?.lastScaleTime;
  // Built field by field (same keys, same order) rather than from conditional spreads.
  const status: Any = {};
  if (conds.length) status.conditions = conds;
  status.currentMetrics = metrics;
  if (current) status.currentReplicas = current;
  status.desiredReplicas = desired;
  if (lastScaleTime) status.lastScaleTime = lastScaleTime;
  return status;
}

/** normalizeDesiredReplicas(WithBehaviors): stabilisation window, then rate limits and min/max. */
export function normalize(
  spec: Any,
  mem: HpaMemory,
  conds: Condition[],
  now: number,
  current: number,
  desired: number,
  min: number,
): number {
  const max = spec.maxReplicas as number;
  let stabilized: number;
  let limit: { replicas: number; reason: string; message: string };
  if (!spec.behavior) {
    stabilized = stabilizeRecommendation(mem.recs, desired, now, H.downscaleStabilisationMs);
    if (stabilized !== desired)
      setCondition(
        conds,
        now,
        "AbleToScale",
        "True",
        "ScaleDownStabilized",
        "recent recommendations were higher than current one, applying the highest recent recommendation",
      );
    else
      setCondition(
        conds,
        now,
        "AbleToScale",
        "True",
        "ReadyForNewScale",
        "recommended size matches current size",
      );
    limit = convertDesiredReplicasWithRules(current, stabilized, min, max);
  } else {
    const down = scaleDownRules(spec.behavior.scaleDown);
    down.stabilizationWindowSeconds ??= H.downscaleStabilisationMs / 1000;
    const args = {
      scaleUp: scaleUpRules(spec.behavior.scaleUp),
      scaleDown: down,
      min,
      max,
      current,
      desired,
    };
    const s = stabilizeWithBehaviors(mem.recs, args, now);
    stabilized = s.replicas;
    if (stabilized !== desired) setCondition(conds, now, "AbleToScale", "True", s.reason, s.message);
    else
      setCondition(
        conds,
        now,
        "AbleToScale",
        "True",
        "ReadyForNewScale",
        "recommended size matches current size",
      );
    limit = convertWithBehaviorRate({ ...args, desired: stabilized }, mem.up, mem.down, now);
  }
  setCondition(
    conds,
    now,
    "ScalingLimited",
    limit.replicas === stabilized ? "False" : "True",
    limit.reason,
    limit.message,
  );
  return limit.replicas;
}

/** Drops memory older than any window it can matter for (keeps the session small). */
export function prune(mem: HpaMemory, now: number): void {
  const keep = Math.max(H.downscaleStabilisationMs, 3600_000);
  mem.recs = mem.recs.filter((r) => now - r.at <= keep);
  mem.up = mem.up.filter((e) => now - e.at <= 1800_000);
  mem.down = mem.down.filter((e) => now - e.at <= 1800_000);
}
