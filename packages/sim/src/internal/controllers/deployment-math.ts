// The numbers behind a rolling update: surge and unavailability budgets, proportions (deployment/util).

/** An int-or-percent field as it appears in a manifest: 1, "25%". */
export type IntOrPercent = number | string | undefined;

/** The part of a Deployment's spec the budgets depend on. */
export interface StrategyView {
  replicas: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } };
}

/** A ReplicaSet reduced to what the deployment controller's arithmetic reads. */
export interface ReplicaSetView {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** status.availableReplicas */
  available: number;
  /** creationTimestamp in epoch ms (ties are broken by name, as ReplicaSetsByCreationTimestamp does). */
  created: number;
  annotations?: Record<string, string> | undefined;
}

export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

/**
 * intstr.GetScaledValueFromIntOrPercent: percentages scale against `total` and round up or down as
 * asked; integers pass through. Example: "25%" of 10 → 2.5 → 3 rounding up (maxSurge), 2 rounding
 * down (maxUnavailable). Returns undefined for a malformed value ("oops", "5").
 */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number | undefined {
  if (v === undefined) return 0;
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  const m = /^([+-]?\d+)%$/.exec(v);
  if (!m) return undefined;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and when both end up 0
 * maxUnavailable becomes 1 so the rollout can make progress. Example: 3 replicas with the defaults
 * 25%/25% → surge ceil(0.75) = 1, unavailable floor(0.75) = 0; 10 replicas at 39%/39% → 4 and 3.
 * A malformed value gives 0/0 with `error` set, as the Go function returns (0, 0, err).
 */
export function resolveFenceposts(
  maxSurge: IntOrPercent,
  maxUnavailable: IntOrPercent,
  desired: number,
): { surge: number; unavailable: number; error?: true } {
  const surge = scaledValue(maxSurge, desired, true);
  const unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === undefined || unavailable === undefined) return { surge: 0, unavailable: 0, error: true };
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

/** Whether the strategy is RollingUpdate (the API's default). */
export function isRolling(spec: StrategyView): boolean {
  return (spec.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** MaxUnavailable: pods that may be unavailable during the update (0 for Recreate or 0 replicas), at most replicas. */
export function maxUnavailable(spec: StrategyView): number {
  if (!isRolling(spec) || spec.replicas === 0) return 0;
  const ru = spec.strategy?.rollingUpdate;
  const { unavailable } = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, spec.replicas);
  return Math.min(unavailable, spec.replicas);
}

/** MaxSurge: pods that may exist above the desired count during the update (0 for Recreate). */
export function maxSurge(spec: StrategyView): number {
  if (!isRolling(spec)) return 0;
  const ru = spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, spec.replicas).surge;
}

/** MinAvailable: replicas minus maxUnavailable (0 for Recreate). Example: 10 replicas, "60%" → 10 − 6 = 4. */
export function minAvailable(spec: StrategyView): number {
  if (!isRolling(spec)) return 0;
  return spec.replicas - maxUnavailable(spec);
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function replicaCount(list: readonly { replicas: number }[]): number {
  return list.reduce((n, rs) => n + rs.replicas, 0);
}

/** GetAvailableReplicaCountForReplicaSets: the sum of status.availableReplicas. */
export function availableCount(list: readonly { available: number }[]): number {
  return list.reduce((n, rs) => n + rs.available, 0);
}

/**
 * NewRSNewReplicas: how many replicas the new ReplicaSet may have now. Example: 10 replicas,
 * maxSurge 3, old RS at 10 and new at 0 → the total may reach 13, so the new RS scales to 3;
 * it never goes past the desired 10. Recreate goes straight to the desired count.
 */
export function newRSNewReplicas(spec: StrategyView, currentTotal: number, newReplicas: number): number {
  if (!isRolling(spec)) return spec.replicas;
  const maxTotal = spec.replicas + maxSurge(spec);
  if (currentTotal >= maxTotal) return newReplicas;
  return newReplicas + Math.min(maxTotal - currentTotal, spec.replicas - newReplicas);
}

/** Go's integer.RoundToInt32: round half away from zero (2.5 → 3, −2.5 → −3). */
export function roundToInt(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getNonNegativeInt32FromAnnotation: a decimal in [0, 2^31−1], else undefined. */
export function nonNegativeInt32(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 2147483647 ? n : undefined;
}

/**
 * getReplicaSetFraction: how much a ReplicaSet grows or shrinks when the deployment is resized,
 * in proportion to the deployment size (with surge) its max-replicas annotation was written for.
 * Example: 120 replicas + 10 surge, RS of 50 annotated for 110 → round(50·130/110) − 50 = 9.
 * Without a usable annotation it falls back to status.replicas, and to no change when that is 0.
 */
export function replicaSetFraction(
  rs: ReplicaSetView,
  d: StrategyView & { statusReplicas?: number },
): number {
  if (d.replicas === 0) return -rs.replicas;
  const target = d.replicas + maxSurge(d);
  let before = nonNegativeInt32(rs.annotations?.[MAX_REPLICAS]);
  if (before === undefined || before === 0) {
    before = d.statusReplicas ?? 0;
    if (before === 0) return 0;
  }
  return roundToInt((rs.replicas * target) / before) - rs.replicas;
}

/**
 * GetProportion: the share of `toAdd` (positive or negative) this ReplicaSet takes, capped by what
 * is left after `added`. Example: toAdd 5, added 3, fraction 3 → min(3, 2) = 2.
 */
export function proportion(
  rs: ReplicaSetView,
  d: StrategyView & { statusReplicas?: number },
  toAdd: number,
  added: number,
): number {
  if (rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreation(a: ReplicaSetView, b: ReplicaSetView): number {
  if (a.created !== b.created) return a.created - b.created;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** ReplicaSetsBySizeNewer: biggest first, ties newest first. */
export function bySizeNewer(a: ReplicaSetView, b: ReplicaSetView): number {
  return b.replicas - a.replicas || byCreation(b, a);
}

/** ReplicaSetsBySizeOlder: biggest first, ties oldest first. */
export function bySizeOlder(a: ReplicaSetView, b: ReplicaSetView): number {
  return b.replicas - a.replicas || byCreation(a, b);
}
