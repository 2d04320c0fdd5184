// The HPA replica calculator as pure functions (pkg/controller/podautoscaler/replica_calculator.go).

/** What the calculator needs to know about one pod matched by the target's selector. */
export interface CalcPod {
  name: string;
  /** Pending, Running, Succeeded or Failed. */
  phase: string;
  deleting?: boolean;
  /** The Ready condition; undefined when the pod has none yet. */
  ready?: { status: "True" | "False"; lastTransition: number };
  /** status.startTime (ms); undefined when unset. */
  startTime?: number;
  /** Containers with their request for the resource in question, in milli-units. */
  containers: { name: string; request?: number; restartableInit?: boolean }[];
}

/** One pod's sample from the resource metrics API, in milli-units (CPU: millicores; memory: milli-bytes). */
export interface PodMetric {
  value: number;
  timestamp: number;
  window: number;
}

export interface CalcOptions {
  now: number;
  tolerance: number;
  cpuInitializationPeriodMs: number;
  initialReadinessDelayMs: number;
}

export type Calc<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/**
 * Sorts pods as groupPods does: deleted and failed pods are ignored; pending pods are unready; pods
 * without a sample are missing; for CPU, a pod still in its initialisation period counts as unready
 * when it is not Ready or its sample began before it became Ready, and after that period only a pod
 * that has never been Ready is unready.
 */
export function groupPods(
  pods: readonly CalcPod[],
  metrics: ReadonlyMap<string, PodMetric>,
  resource: string,
  opts: CalcOptions,
): PodGroups {
  const g: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    if (pod.deleting || pod.phase === "Failed") {
      g.ignored.add(pod.name);
      continue;
    }
    if (pod.phase === "Pending") {
      g.unready.add(pod.name);
      continue;
    }
    const metric = metrics.get(pod.name);
    if (!metric) {
      g.missing.add(pod.name);
      continue;
    }
    if (resource === "cpu") {
      let unready: boolean;
      const cond = pod.ready;
      if (cond === undefined || pod.startTime === undefined) unready = true;
      else if (pod.startTime + opts.cpuInitializationPeriodMs > opts.now) {
        unready = cond.status === "False" || metric.timestamp < cond.lastTransition + metric.window;
      } else {
        unready =
          cond.status === "False" && pod.startTime + opts.initialReadinessDelayMs > cond.lastTransition;
      }
      if (unready) {
        g.unready.add(pod.name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** Sum of the requests of each pod's containers (and restartable init containers), or one container's. */
export function calculatePodRequests(
  pods: readonly CalcPod[],
  container: string,
  resource: string,
): Calc<{ requests: Map<string, number> }> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.containers) {
      if (container !== "" && container !== c.name) continue;
      if (c.request === undefined)
        return {
          ok: false,
          error: `missing request for ${resource} in container ${c.name} of Pod ${pod.name}`,
        };
      sum += c.request;
    }
    requests.set(pod.name, sum);
  }
  return { ok: true, requests };
}

/**
 * GetResourceUtilizationRatio: utilization is integer percent of the summed requests of pods that
 * have both a sample and a request. Example: samples 600m + 1000m + 1400m against 3 × 2000m →
 * 3000·100/6000 = 50%; against a 30% target the ratio is 50/30 = 1.67; raw average 1000m.
 */
export function resourceUtilizationRatio(
  metrics: ReadonlyMap<string, PodMetric>,
  requests: ReadonlyMap<string, number>,
  targetUtilization: number,
): Calc<{ ratio: number; utilization: number; rawAverage: number }> {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const [name, m] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += request;
    n++;
  }
  if (requestsTotal === 0) return { ok: false, error: "no metrics returned matched known pods" };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return {
    ok: true,
    ratio: utilization / targetUtilization,
    utilization,
    rawAverage: Math.trunc(metricsTotal / n),
  };
}

/** GetMetricUsageRatio: the integer average of the samples over the target. */
export function metricUsageRatio(
  metrics: ReadonlyMap<string, PodMetric>,
  targetUsage: number,
): { ratio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

/**
 * GetResourceReplicas: desired = ceil(ratio × ready pods), unless within tolerance. With missing
 * samples or unready pods on a scale-up, the ratio is recomputed treating missing pods as using
 * 100% (or the target, when above 100%) on a scale-down and 0% on a scale-up, unready pods as 0%,
 * and the change is dropped if it would reverse direction.
 * Example (TestReplicaCalcMissingMetrics): 4 pods of 2000m, samples 800m and 190m → 24% of a 100%
 * target; the two missing pods count 2000m each → 62% → ceil(0.62 × 4) = 3.
 */
export function getResourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly CalcPod[],
  metricsIn: ReadonlyMap<string, PodMetric>,
  container: string,
  opts: CalcOptions,
): Calc<{ replicas: number; utilization: number; rawUtilization: number }> {
  if (metricsIn.size === 0)
    return {
      ok: false,
      error: `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`,
    };
  if (pods.length === 0)
    return { ok: false, error: "no pods returned by selector while calculating replica count" };
  const metrics = new Map(metricsIn);
  const g = groupPods(pods, metrics, resource, opts);
  for (const name of g.ignored) metrics.delete(name);
  for (const name of g.unready) metrics.delete(name);
  if (metrics.size === 0)
    return { ok: false, error: "did not receive metrics for targeted pods (pods might be unready)" };
  const req = calculatePodRequests(pods, container, resource);
  if (!req.ok) return req;
  const first = resourceUtilizationRatio(metrics, req.requests, targetUtilization);
  if (!first.ok) return first;
  const { ratio, utilization, rawAverage } = first;
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= opts.tolerance)
      return { ok: true as const, replicas: currentReplicas, utilization, rawUtilization: rawAverage };
    return {
      ok: true as const,
      replicas: Math.ceil(ratio * g.readyPodCount),
      utilization,
      rawUtilization: rawAverage,
    };
  }
  if (g.missing.size > 0) {
    const fallback = Math.max(100, targetUtilization);
    for (const name of g.missing) {
      const value = ratio < 1 ? Math.trunc(((req.requests.get(name) ?? 0) * fallback) / 100) : 0;
      if (ratio !== 1) metrics.set(name, { value, timestamp: 0, window: 0 });
    }
  }
  if (scaleUpWithUnready)
    for (const name of g.unready) metrics.set(name, { value: 0, timestamp: 0, window: 0 });
  const second = resourceUtilizationRatio(metrics, req.requests, targetUtilization);
  if (!second.ok) return second;
  const newRatio = second.ratio;
  if (Math.abs(1 - newRatio) <= opts.tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
    return { ok: true as const, replicas: currentReplicas, utilization, rawUtilization: rawAverage };
  const newReplicas = Math.ceil(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas))
    return { ok: true as const, replicas: currentReplicas, utilization, rawUtilization: rawAverage };
  return { ok: true as const, replicas: newReplicas, utilization, rawUtilization: rawAverage };
}

/**
 * calcPlainMetricReplicas (AverageValue resource targets and Pods metrics): the same rules over the
 * plain average, with missing pods counted at the target on a scale-down.
 * Example (TestReplicaCalcScaleUpCM): samples 20, 10, 30 against 15 → average 20, ratio 1.33 →
 * ceil(1.33 × 3) = 4.
 */
export function getPlainMetricReplicas(
  currentReplicas: number,
  targetUsage: number,
  resource: string,
  pods: readonly CalcPod[],
  metricsIn: ReadonlyMap<string, PodMetric>,
  opts: CalcOptions,
): Calc<{ replicas: number; usage: number }> {
  if (pods.length === 0)
    return { ok: false, error: "no pods returned by selector while calculating replica count" };
  const metrics = new Map(metricsIn);
  const g = groupPods(pods, metrics, resource, opts);
  for (const name of g.ignored) metrics.delete(name);
  for (const name of g.unready) metrics.delete(name);
  if (metrics.size === 0)
    return { ok: false, error: "did not receive metrics for targeted pods (pods might be unready)" };
  const { ratio, usage } = metricUsageRatio(metrics, targetUsage);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= opts.tolerance) return { ok: true as const, replicas: currentReplicas, usage };
    return { ok: true as const, replicas: Math.ceil(ratio * g.readyPodCount), usage };
  }
  if (g.missing.size > 0 && ratio !== 1) {
    for (const name of g.missing)
      metrics.set(name, { value: ratio < 1 ? targetUsage : 0, timestamp: 0, window: 0 });
  }
  if (scaleUpWithUnready)
    for (const name of g.unready) metrics.set(name, { value: 0, timestamp: 0, window: 0 });
  const newRatio = metricUsageRatio(metrics, targetUsage).ratio;
  if (Math.abs(1 - newRatio) <= opts.tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
    return { ok: true as const, replicas: currentReplicas, usage };
  const newReplicas = Math.ceil(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas))
    return { ok: true as const, replicas: currentReplicas, usage };
  return { ok: true as const, replicas: newReplicas, usage };
}
