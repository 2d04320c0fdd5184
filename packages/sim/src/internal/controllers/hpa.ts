// HorizontalPodAutoscaler controller: every 15 s, scales a workload's scale subresource on simulated CPU and memory.

import { resourceForKind } from "../api/resources.ts";
import type { Store } from "../api/store.ts";
import type { JsonObject, KObject } from "../api/types.ts";
import { LOAD_MODEL } from "../data/load.ts";
import { labelSelectorFromSpec, matches } from "../kubectl/selector.ts";
import type { Controller, ControllerContext } from "./context.ts";
import { evaluateMetric } from "./hpa-metrics.ts";
import { scaleDownRules, scaleUpRules, storeScaleEvent } from "./hpa-normalize.ts";
import {
  buildStatus,
  type Condition,
  type HpaMemory,
  memoryOf,
  normalize,
  prune,
  setCondition,
  writeStatus,
} from "./hpa-status.ts";
import { type MetricsState, syncMetrics } from "./metrics.ts";

// biome-ignore lint/suspicious/noExplicitAny: HPA spec and status are free-form JSON
type Any = any;

const SOURCE = "horizontal-pod-autoscaler";
const H = LOAD_MODEL.hpa;
/** The sandbox's per-workload replica limit (SANDBOX_LIMITS.replicas in api/operations.ts). */
const MAX_SANDBOX_REPLICAS = 100;

const SCALABLE: Record<string, string> = {
  "apps/Deployment": "deployments",
  "apps/ReplicaSet": "replicasets",
  "apps/StatefulSet": "statefulsets",
};

/** The scale target, or the error the scale client would give. */
function scaleTarget(store: Store, hpa: KObject): { target: KObject; resource: string } | { error: string } {
  const ref = (hpa.spec?.scaleTargetRef ?? {}) as { apiVersion?: string; kind?: string; name?: string };
  const gv = ref.apiVersion ?? "";
  const group = gv.includes("/") ? gv.slice(0, gv.indexOf("/")) : "";
  const resource = SCALABLE[`${group}/${ref.kind ?? ""}`];
  if (!resource) return { error: `no matches for kind "${ref.kind ?? ""}" in group "${group}"` };
  const target = store.get(resource, hpa.metadata.namespace, ref.name ?? "");
  if (!target) return { error: `${resource}.${group} "${ref.name ?? ""}" not found` };
  return { target, resource };
}

/** One reconcileAutoscaler pass for an HPA whose sync is due. */
function reconcile(ctx: ControllerContext, hpa: KObject, mem: HpaMemory): boolean {
  const { store } = ctx;
  const now = store.now;
  const spec = (hpa.spec ?? {}) as Any;
  const old = hpa.status ?? {};
  const conds: Condition[] = ((old.conditions ?? []) as Condition[]).map((c) => ({ ...c }));
  const found = scaleTarget(store, hpa);
  if ("error" in found) {
    store.event(hpa, "Warning", "FailedGetScale", found.error, SOURCE);
    setCondition(
      conds,
      now,
      "AbleToScale",
      "False",
      "FailedGetScale",
      `the HPA controller was unable to get the target's current scale: ${found.error}`,
    );
    return writeStatus(store, hpa, {
      ...old,
      conditions: conds,
      currentMetrics: old.currentMetrics ?? null,
      desiredReplicas: old.desiredReplicas ?? 0,
    });
  }
  setCondition(
    conds,
    now,
    "AbleToScale",
    "True",
    "SucceededGetScale",
    "the HPA controller was able to get the target's current scale",
  );
  const { target } = found;
  const current = (target.spec?.replicas as number | undefined) ?? 1;
  if (mem.recs.length === 0) mem.recs.push({ replicas: current, at: now });
  const min = (spec.minReplicas as number | undefined) ?? 1;
  const max = spec.maxReplicas as number;
  let desired = 0;
  let reason = "";
  let rescale = true;
  let metricStatuses: JsonObject[] | null = null;
  if (current === 0 && min !== 0) {
    rescale = false;
    setCondition(
      conds,
      now,
      "ScalingActive",
      "False",
      "ScalingDisabled",
      "scaling is disabled since the replica count of the target is zero",
    );
  } else if (current > max) {
    reason = "Current number of replicas above Spec.MaxReplicas";
    desired = max;
  } else if (current < min) {
    reason = "Current number of replicas below Spec.MinReplicas";
    desired = min;
  } else {
    const selector = labelSelectorFromSpec(target.spec?.selector);
    const pods = store
      .list("pods", hpa.metadata.namespace)
      .filter((p) => matches(selector, p.metadata.labels));
    const specs = (spec.metrics ?? []) as Any[];
    metricStatuses = [];
    let proposal = 0;
    let metricName = "";
    let invalid = 0;
    let firstError: { reason: string; error: string; eventMessage: string } | undefined;
    for (const m of specs) {
      const out = evaluateMetric(store, m, current, pods);
      if (!out.ok) {
        store.event(hpa, "Warning", out.reason, out.eventMessage, SOURCE);
        metricStatuses.push({ type: "" });
        if (invalid === 0)
          firstError = { reason: out.reason, error: out.error, eventMessage: out.eventMessage };
        invalid++;
        continue;
      }
      metricStatuses.push(out.status);
      if (proposal === 0 || out.replicas > proposal) {
        proposal = out.replicas;
        metricName = out.name;
      }
    }
    if (firstError && (invalid >= specs.length || proposal < current)) {
      setCondition(
        conds,
        now,
        "ScalingActive",
        "False",
        firstError.reason,
        `the HPA was unable to compute the replica count: ${firstError.eventMessage}`,
      );
      const changed = writeStatus(
        store,
        hpa,
        buildStatus(old, current, old.desiredReplicas ?? 0, metricStatuses, conds),
      );
      store.event(
        hpa,
        "Warning",
        "FailedComputeMetricsReplicas",
        `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.error}`,
        SOURCE,
      );
      return changed;
    }
    setCondition(
      conds,
      now,
      "ScalingActive",
      "True",
      "ValidMetricFound",
      `the HPA was able to successfully calculate a replica count from ${metricName}`,
    );
    desired = proposal;
    if (desired > current) reason = `${metricName} above target`;
    if (desired < current) reason = "All metrics below target";
    desired = normalize(spec, mem, conds, now, current, desired, min);
    rescale = desired !== current;
  }
  let scaledAt: number | undefined;
  if (rescale) {
    if (desired > MAX_SANDBOX_REPLICAS) {
      const err = `this sandbox allows at most ${MAX_SANDBOX_REPLICAS} replicas per workload`;
      store.event(
        hpa,
        "Warning",
        "FailedRescale",
        `New size: ${desired}; reason: ${reason}; error: ${err}`,
        SOURCE,
      );
      setCondition(
        conds,
        now,
        "AbleToScale",
        "False",
        "FailedUpdateScale",
        `the HPA controller was unable to update the target scale: ${err}`,
      );
      return writeStatus(
        store,
        hpa,
        buildStatus(old, current, old.desiredReplicas ?? 0, metricStatuses, conds),
      );
    }
    const info = resourceForKind(target.kind);
    const next = structuredClone(target);
    next.spec.replicas = desired;
    if (info) store.update(info, next, target);
    setCondition(
      conds,
      now,
      "AbleToScale",
      "True",
      "SucceededRescale",
      `the HPA controller was able to update the target scale to ${desired}`,
    );
    store.event(hpa, "Normal", "SuccessfulRescale", `New size: ${desired}; reason: ${reason}`, SOURCE);
    if (spec.behavior) {
      if (desired > current)
        mem.up = storeScaleEvent(mem.up, scaleUpRules(spec.behavior.scaleUp), desired - current, now);
      else
        mem.down = storeScaleEvent(mem.down, scaleDownRules(spec.behavior.scaleDown), current - desired, now);
    }
    scaledAt = now;
  } else desired = current;
  return (
    writeStatus(store, hpa, buildStatus(old, current, desired, metricStatuses, conds, scaledAt)) || rescale
  );
}

export const hpaController: Controller = {
  name: "hpa",
  watches: [
    "HorizontalPodAutoscaler",
    "Deployment",
    "ReplicaSet",
    "StatefulSet",
    "Pod",
    "Endpoints",
    "Service",
  ],
  clock: true,
  sync(ctx) {
    const { store } = ctx;
    syncMetrics(store);
    let changed = false;
    const hpas = store.each("horizontalpodautoscalers");
    const st = store.state.metrics as MetricsState | undefined;
    if (st?.hpa) {
      const live = new Set(hpas.map((h) => h.metadata.uid));
      for (const uid of Object.keys(st.hpa)) if (!live.has(uid)) delete st.hpa[uid];
      if (hpas.length === 0) {
        delete st.hpa;
        if (!st.load) delete store.state.metrics;
      }
    }
    for (const hpa of hpas) {
      if (!hpa.status) {
        hpa.status = { currentMetrics: null, desiredReplicas: 0 };
        store.touch(hpa);
        changed = true;
      }
      const mem = memoryOf(store, hpa);
      if (store.now < mem.next) continue;
      mem.next = store.now + H.syncPeriodMs;
      if (reconcile(ctx, hpa, mem)) changed = true;
      prune(mem, store.now);
    }
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    const hpa = (ctx.store.state.metrics as MetricsState | undefined)?.hpa;
    for (const m of Object.values(hpa ?? {}) as HpaMemory[])
      if (next === undefined || m.next < next) next = m.next;
    return next;
  },
};
