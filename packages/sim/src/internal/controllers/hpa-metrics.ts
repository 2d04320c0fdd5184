// HPA metric evaluation: each metric spec → a replica proposal and a status, as computeReplicasForMetric does.

import type { Store } from "../api/store.ts";
import type { JsonObject, KObject } from "../api/types.ts";
import { LOAD_MODEL } from "../data/load.ts";
import { qtyString } from "../printers/quantity.ts";
import { cpuMillis, memBytes } from "../util/quantity.ts";
import { isTerminating } from "./context.ts";
import {
  type CalcOptions,
  type CalcPod,
  getPlainMetricReplicas,
  getResourceReplicas,
  type PodMetric,
} from "./hpa-replicas.ts";
import { podUsage } from "./metrics.ts";

// biome-ignore lint/suspicious/noExplicitAny: metric specs are free-form JSON validated at admission
type Any = any;

/** One metric's outcome: a proposal, or the failure the controller reports (event reason and text). */
export type MetricOutcome =
  | { ok: true; replicas: number; name: string; status: JsonObject }
  | { ok: false; reason: string; eventMessage: string; error: string };

/** A resource quantity from milli-units, as resource.NewMilliQuantity(v, DecimalSI).String() prints it. */
export function milliQuantity(milli: number): string {
  let text = milliTexts.get(milli);
  if (text === undefined) {
    text = qtyString({ nano: BigInt(Math.trunc(milli)) * 1_000_000n, format: "DecimalSI" });
    // Usage values repeat from sync to sync; the bound keeps a long session's memory flat.
    if (milliTexts.size >= 4096) milliTexts.clear();
    milliTexts.set(milli, text);
  }
  return text;
}

const milliTexts = new Map<number, string>();

type ContainerSpec = {
  name: string;
  restartPolicy?: string;
  resources?: { requests?: Record<string, unknown> };
};

/** The calculator's view of a pod, with requests of `resource` in milli-units. */
export function calcPod(pod: KObject, resource: string): CalcPod {
  const hit = calcCache.get(pod);
  if (hit && hit.rv === pod.metadata.resourceVersion && hit.resource === resource) return hit.calc;
  const calc = buildCalcPod(pod, resource);
  calcCache.set(pod, { rv: pod.metadata.resourceVersion, resource, calc });
  return calc;
}

const calcCache = new WeakMap<KObject, { rv: string; resource: string; calc: CalcPod }>();

/** A container's request of `resource` in milli-units (module-level: see parseFlags). */
function requestOf(c: ContainerSpec, resource: string): number | undefined {
  const q = c.resources?.requests?.[resource];
  if (q === undefined) return undefined;
  return resource === "cpu" ? cpuMillis(q) : memBytes(q) * 1000;
}

function buildCalcPod(pod: KObject, resource: string): CalcPod {
  const containers = [
    ...((pod.spec?.containers ?? []) as ContainerSpec[]),
    ...((pod.spec?.initContainers ?? []) as ContainerSpec[]).filter((c) => c.restartPolicy === "Always"),
  ].map((c) => {
    const r = requestOf(c, resource);
    return { name: c.name, ...(r !== undefined ? { request: r } : {}) };
  });
  const cond = (
    (pod.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime?: string }[]
  ).find((c) => c.type === "Ready");
  const start = pod.status?.startTime as string | undefined;
  return {
    name: pod.metadata.name,
    phase: (pod.status?.phase as string | undefined) ?? "Pending",
    deleting: isTerminating(pod),
    ...(cond
      ? {
          ready: {
            status: cond.status === "True" ? ("True" as const) : ("False" as const),
            lastTransition: cond.lastTransitionTime ? Date.parse(cond.lastTransitionTime) : 0,
          },
        }
      : {}),
    ...(start ? { startTime: Date.parse(start) } : {}),
    containers,
  };
}

/** The resource metrics API's answer for these pods: milli-units per pod (or of one container). */
export function resourceMetrics(store: Store, pods: readonly KObject[], resource: string, container: string) {
  const out = new Map<string, PodMetric>();
  for (const pod of pods) {
    const u = podUsage(store, pod);
    if (!u) continue;
    let value = 0;
    let found = container === "";
    for (const c of u.containers) {
      if (container !== "" && c.name !== container) continue;
      found = true;
      value += resource === "cpu" ? c.cpu : resource === "memory" ? c.memory * 1000 : 0;
    }
    if (found) out.set(pod.metadata.name, { value, timestamp: u.timestamp, window: u.window });
  }
  return out;
}

export function calcOptions(now: number): CalcOptions {
  const h = LOAD_MODEL.hpa;
  return {
    now,
    tolerance: h.tolerance,
    cpuInitializationPeriodMs: h.cpuInitializationPeriodMs,
    initialReadinessDelayMs: h.initialReadinessDelayMs,
  };
}

/** A metric that could not be evaluated: the event text and the error the status carries. */
function metricFail(reason: string, outer: string, inner: string): MetricOutcome {
  return { ok: false, reason, eventMessage: inner, error: outer + inner };
}

function resourceOutcome(
  store: Store,
  spec: Any,
  container: string,
  current: number,
  pods: readonly KObject[],
): MetricOutcome {
  const src = container ? spec.containerResource : spec.resource;
  const name = String(src?.name ?? "");
  const target = src?.target ?? {};
  const reason = container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric";
  const outer = container
    ? `failed to get ${container} container metric value: `
    : `failed to get ${name} resource metric value: `;
  const type = container ? "ContainerResource" : "Resource";
  const field = container ? "containerResource" : "resource";
  const ident = container ? { name, container } : { name };
  const metrics = resourceMetrics(store, pods, name, container);
  const calcPods = pods.map((p) => calcPod(p, name));
  const opts = calcOptions(store.now);
  if (target.averageValue !== undefined) {
    const targetMilli =
      name === "cpu" ? cpuMillis(target.averageValue) : memBytes(target.averageValue) * 1000;
    if (metrics.size === 0)
      return metricFail(
        reason,
        outer,
        `failed to get ${name} usage: unable to get metrics for resource ${name}: no metrics returned from resource metrics API`,
      );
    const r = getPlainMetricReplicas(current, targetMilli, name, calcPods, metrics, opts);
    if (!r.ok) return metricFail(reason, outer, `failed to get ${name} usage: ${r.error}`);
    return {
      ok: true,
      replicas: r.replicas,
      name: `${name} resource`,
      status: { type, [field]: { ...ident, current: { averageValue: milliQuantity(r.usage) } } },
    };
  }
  if (target.averageUtilization === undefined)
    return metricFail(
      reason,
      outer,
      "invalid resource metric source: neither an average utilization target nor an average value (usage) target was set",
    );
  const r = getResourceReplicas(
    current,
    Number(target.averageUtilization),
    name,
    calcPods,
    metrics,
    container,
    opts,
  );
  if (!r.ok) return metricFail(reason, outer, `failed to get ${name} utilization: ${r.error}`);
  return {
    ok: true,
    replicas: r.replicas,
    name: container
      ? `${name} container resource utilization (percentage of request)`
      : `${name} resource utilization (percentage of request)`,
    status: {
      type,
      [field]: {
        ...ident,
        current: { averageUtilization: r.utilization, averageValue: milliQuantity(r.rawUtilization) },
      },
    },
  };
}

/** One metric spec evaluated against the target's pods (custom and external metrics have no API here). */
export function evaluateMetric(
  store: Store,
  spec: Any,
  current: number,
  pods: readonly KObject[],
): MetricOutcome {
  switch (spec?.type) {
    case "Resource":
      return resourceOutcome(store, spec, "", current, pods);
    case "ContainerResource":
      return resourceOutcome(store, spec, String(spec.containerResource?.container ?? ""), current, pods);
    case "Pods": {
      const name = String(spec.pods?.metric?.name ?? "");
      const inner = `unable to get metric ${name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return {
        ok: false,
        reason: "FailedGetPodsMetric",
        eventMessage: inner,
        error: `failed to get pods metric value: ${inner}`,
      };
    }
    case "Object": {
      const name = String(spec.object?.metric?.name ?? "");
      const inner = `unable to get metric ${name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
      return {
        ok: false,
        reason: "FailedGetObjectMetric",
        eventMessage: inner,
        error: `failed to get object metric value: ${inner}`,
      };
    }
    case "External": {
      const name = String(spec.external?.metric?.name ?? "");
      const inner = `unable to get external metric ${name}: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
      return {
        ok: false,
        reason: "FailedGetExternalMetric",
        eventMessage: inner,
        error: `failed to get ${name} external metric value: ${inner}`,
      };
    }
    default: {
      const inner = `unknown metric source type "${String(spec?.type ?? "")}"`;
      return { ok: false, reason: "InvalidMetricSourceType", eventMessage: inner, error: inner };
    }
  }
}
