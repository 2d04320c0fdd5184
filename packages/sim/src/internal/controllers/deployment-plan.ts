// The deployment controller's decisions as pure functions: rolling steps, proportional scaling, cleanup.

import {
  availableCount,
  byCreation,
  bySizeNewer,
  bySizeOlder,
  DESIRED_REPLICAS,
  isRolling,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  nonNegativeInt32,
  proportion,
  type ReplicaSetView,
  replicaCount,
  type StrategyView,
} from "./deployment-math.ts";

/**
 * One scaling call. `refresh` marks scaleReplicaSet (the desired/max-replicas annotations are
 * rewritten even when the size is unchanged); otherwise it is scaleReplicaSetAndRecordEvent,
 * which does nothing when the size is already right.
 */
export interface ScaleStep {
  name: string;
  size: number;
  refresh: boolean;
}

/** The deployment as proportional scaling sees it: spec plus status.replicas. */
export type DeploymentView = StrategyView & { statusReplicas?: number };

const active = (list: readonly ReplicaSetView[]) => list.filter((rs) => rs.replicas > 0);

/**
 * reconcileNewReplicaSet: the new ReplicaSet's next size, or undefined when it stays. A new RS
 * above the desired count scales straight down to it; otherwise it grows within the surge budget.
 * Example: 10 desired, maxSurge 2, old at 10, new at 0 → 2.
 */
export function reconcileNewReplicaSet(
  d: StrategyView,
  all: readonly ReplicaSetView[],
  newRS: ReplicaSetView,
): number | undefined {
  if (newRS.replicas === d.replicas) return undefined;
  if (newRS.replicas > d.replicas) return d.replicas;
  const next = newRSNewReplicas(d, replicaCount(all), newRS.replicas);
  return next === newRS.replicas ? undefined : next;
}

/**
 * cleanupUnhealthyReplicas: scales old ReplicaSets down by their unavailable pods (oldest first),
 * at most `maxCleanupCount` in all; those pods serve nobody, so removing them costs no availability.
 * Example: old RS of 10 with 8 available and a budget of 3 → scaled to 8, 2 cleaned up.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSetView[],
  maxCleanupCount: number,
): { steps: ScaleStep[]; count: number; oldRSs: ReplicaSetView[] } {
  const sorted = [...oldRSs].sort(byCreation);
  const steps: ScaleStep[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i] as ReplicaSetView;
    if (total >= maxCleanupCount) break;
    if (rs.replicas === 0 || rs.replicas === rs.available) continue;
    const n = Math.min(maxCleanupCount - total, rs.replicas - rs.available);
    steps.push({ name: rs.name, size: rs.replicas - n, refresh: false });
    sorted[i] = { ...rs, replicas: rs.replicas - n };
    total += n;
  }
  return { steps, count: total, oldRSs: sorted };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: removes available old pods while keeping minAvailable,
 * oldest ReplicaSet first. Example: 10 desired, maxUnavailable 2, 10 available → scale down by 2.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  d: StrategyView,
  all: readonly ReplicaSetView[],
  oldRSs: readonly ReplicaSetView[],
): { steps: ScaleStep[]; count: number } {
  const minAvailable = d.replicas - maxUnavailable(d);
  const availableNow = availableCount(all);
  if (availableNow <= minAvailable) return { steps: [], count: 0 };
  const target = availableNow - minAvailable;
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (rs.replicas === 0) continue;
    const n = Math.min(rs.replicas, target - total);
    steps.push({ name: rs.name, size: rs.replicas - n, refresh: false });
    total += n;
  }
  return { steps, count: total };
}

/**
 * reconcileOldReplicaSets: how far old ReplicaSets may shrink now. The budget is
 * allPods − minAvailable − unavailable new pods, so pods of a broken new RS never let old, serving
 * pods go. Example (10 desired, maxUnavailable 2, maxSurge 3): old 8 + new 5 that never become
 * available → 13 − 8 − 5 = 0, nothing is scaled down.
 */
export function reconcileOldReplicaSets(
  d: StrategyView,
  all: readonly ReplicaSetView[],
  oldRSs: readonly ReplicaSetView[],
  newRS: ReplicaSetView,
): { steps: ScaleStep[]; count: number } {
  if (replicaCount(oldRSs) === 0) return { steps: [], count: 0 };
  const minAvailable = d.replicas - maxUnavailable(d);
  const newUnavailable = newRS.replicas - newRS.available;
  const maxScaledDown = replicaCount(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return { steps: [], count: 0 };
  const cleaned = cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const down = scaleDownOldReplicaSetsForRollingUpdate(d, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return { steps: [...cleaned.steps, ...down.steps], count: cleaned.count + down.count };
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(
  newRS: ReplicaSetView | undefined,
  oldRSs: readonly ReplicaSetView[],
): ReplicaSetView | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const live = active([...newestFirst, ...(newRS ? [newRS] : [])]);
  if (live.length === 0) return newRS ?? newestFirst[0];
  return live.length === 1 ? live[0] : undefined;
}

/** IsSaturated: the new ReplicaSet runs the full desired count, all available, and was sized for it. */
export function isSaturated(d: StrategyView, rs: ReplicaSetView | undefined): boolean {
  if (!rs) return false;
  const desired = nonNegativeInt32(rs.annotations?.[DESIRED_REPLICAS]);
  return rs.replicas === d.replicas && desired === d.replicas && rs.available === d.replicas;
}

/**
 * The deployment controller's `scale`: a resize of the deployment (or of a paused one) spread over
 * its ReplicaSets. One active RS takes the whole count; otherwise, during a rolling update, the
 * change is split in proportion to each RS's size, biggest first, and the rounding leftover goes to
 * the biggest. Example (sync_test TestScale): new 2 + old 3 at 5 replicas, resized to 10 → 4 + 6.
 */
export function scalePlan(
  d: DeploymentView,
  newRS: ReplicaSetView | undefined,
  oldRSs: readonly ReplicaSetView[],
): ScaleStep[] {
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only)
    return only.replicas === d.replicas ? [] : [{ name: only.name, size: d.replicas, refresh: false }];
  if (isSaturated(d, newRS)) return active(oldRSs).map((rs) => ({ name: rs.name, size: 0, refresh: false }));
  if (!isRolling(d)) return [];
  const all = active([...oldRSs, ...(newRS ? [newRS] : [])]);
  const allowed = d.replicas > 0 ? d.replicas + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    const p = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
    sizes.set(rs.name, rs.replicas + p);
    added += p;
  }
  return all.map((rs, i) => {
    let size = sizes.get(rs.name) ?? rs.replicas;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    return { name: rs.name, size, refresh: true };
  });
}

/** An old ReplicaSet as revision-history cleanup sees it. */
export interface CleanupView {
  name: string;
  created: number;
  /** The revision annotation (0 when absent), undefined when unparsable. */
  revision: number | undefined;
  replicas: number;
  statusReplicas: number;
  generation: number;
  observedGeneration: number;
  deleting: boolean;
}

function byRevision(a: CleanupView, b: CleanupView): number {
  if (a.revision === undefined || b.revision === undefined || a.revision === b.revision) {
    if (a.created !== b.created) return a.created - b.created;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  }
  return a.revision - b.revision;
}

/**
 * cleanupDeployment: old ReplicaSets to delete so that at most revisionHistoryLimit remain.
 * The excess is counted over all live old RSs, oldest revision first, and RSs that still have
 * pods (or an unobserved spec) are skipped, not replaced. Example: limit 1, revisions 1 (1 pod),
 * 2 and 3 (empty) → the two lowest are considered, revision 1 is kept, revision 2 deleted.
 */
export function revisionsToClean(oldRSs: readonly CleanupView[], limit: number | undefined): string[] {
  if (limit === undefined || limit === 2147483647) return [];
  const live = oldRSs.filter((rs) => !rs.deleting).sort(byRevision);
  const diff = live.length - limit;
  if (diff <= 0) return [];
  return live
    .slice(0, diff)
    .filter((rs) => rs.statusReplicas === 0 && rs.replicas === 0 && rs.generation <= rs.observedGeneration)
    .map((rs) => rs.name);
}
