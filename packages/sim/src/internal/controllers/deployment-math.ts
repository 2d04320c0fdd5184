// The numbers behind a rolling update: surge and unavailability budgets (deployment/util).

/** An int-or-percent field as it appears in a manifest: 1, "25%". */
export type IntOrPercent = number | string | undefined;

/**
 * Scales an int-or-percent against `total`: percentages round up or down as asked, integers pass
 * through. Example: "25%" of 10 → 2.5 → 3 rounding up (maxSurge), 2 rounding down (maxUnavailable).
 * Returns undefined for a malformed value.
 */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number | undefined {
  if (v === undefined) return 0;
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    return /^\d+$/.test(v) ? undefined : undefined;
  }
  const pct = Number(m[1]);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Kubernetes' ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and when both end
 * up 0 maxUnavailable becomes 1 so the rollout can make progress. Example: 3 replicas with the
 * defaults 25%/25% → surge ceil(0.75) = 1, unavailable floor(0.75) = 0; 1 replica with 0%/0%
 * would stall, so unavailable = 1.
 */
export function resolveFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true) ?? 0;
  let unavailable = scaledValue(maxUnavailable, desired, false) ?? 0;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

interface StrategyView {
  replicas: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } };
}

function isRolling(spec: StrategyView): boolean {
  return (spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** How many pods may be unavailable during the update (0 for Recreate or 0 replicas). */
export function maxUnavailable(spec: StrategyView): number {
  if (!isRolling(spec) || spec.replicas === 0) return 0;
  const { unavailable } = resolveFenceposts(
    spec.strategy?.rollingUpdate?.maxSurge,
    spec.strategy?.rollingUpdate?.maxUnavailable,
    spec.replicas,
  );
  return Math.min(unavailable, spec.replicas);
}

/** How many pods may exist above the desired count during the update. */
export function maxSurge(spec: StrategyView): number {
  if (!isRolling(spec)) return 0;
  return resolveFenceposts(
    spec.strategy?.rollingUpdate?.maxSurge,
    spec.strategy?.rollingUpdate?.maxUnavailable,
    spec.replicas,
  ).surge;
}

/**
 * How many replicas the new ReplicaSet may have now (NewRSNewReplicas). Example: 10 replicas,
 * maxSurge 3, old RS at 10 and new at 0 → total may reach 13, so the new RS scales to 3.
 */
export function newRSNewReplicas(spec: StrategyView, currentTotal: number, newReplicas: number): number {
  if (!isRolling(spec)) return spec.replicas;
  const maxTotal = spec.replicas + maxSurge(spec);
  if (currentTotal >= maxTotal) return newReplicas;
  const up = Math.min(maxTotal - currentTotal, spec.replicas - newReplicas);
  return newReplicas + Math.max(0, up);
}

/** Go's integer.RoundToInt32: round half away from zero. */
export function roundToInt(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
