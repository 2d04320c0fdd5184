// What an object costs against a ResourceQuota, as the quota evaluators (pkg/quota/v1/evaluator/core) count it.

import { qualifiedName, resourceForKind } from "../api/resources.ts";
import { parseQuantity, type Quantity, quantityInput, quantityString } from "../api/schema/quantity.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";

/** Usage per quota resource name ("requests.cpu", "count/pods", …). */
export type Usage = Map<string, Quantity>;

/** A quantity from a stored value; undefined when it does not parse. */
export function qty(v: unknown): Quantity | undefined {
  if (v === undefined || v === null) return undefined;
  const r = parseQuantity(quantityInput(v));
  return r.ok ? r.q : undefined;
}

/** a + b; the sum prints canonically (Go's Add drops the cached string) in a's format. */
export function addQty(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format, cached: undefined };
}

export const countOf = (n: number): Quantity => ({
  nanos: BigInt(n) * 1_000_000_000n,
  format: "DecimalSI",
  cached: undefined,
});

/** Quantity.String() of a stored value: "0.5" → "500m", "1.5Gi" → "1536Mi". */
export function canonicalQty(v: unknown): string {
  const q = qty(v);
  return q ? quantityString(q) : String(v);
}

export function addUsage(into: Usage, from: Usage): void {
  for (const [k, v] of from) {
    const had = into.get(k);
    into.set(k, had ? addQty(had, v) : v);
  }
}

type Res = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
type ContainerLike = { name: string; resources?: Res };

/**
 * PodRequests/PodLimits of component-helpers: the containers' sum, or the largest init container
 * when that is bigger. Example: containers asking 100m and 250m, init 500m → max(350m, 500m) = 500m.
 */
function aggregate(pod: KObject, bucket: "requests" | "limits"): Map<string, Quantity> {
  const sum = new Map<string, Quantity>();
  for (const c of (pod.spec?.containers ?? []) as ContainerLike[]) {
    for (const [k, v] of Object.entries(c.resources?.[bucket] ?? {})) {
      const q = qty(v);
      if (!q) continue;
      const had = sum.get(k);
      sum.set(k, had ? addQty(had, q) : q);
    }
  }
  for (const c of (pod.spec?.initContainers ?? []) as ContainerLike[]) {
    for (const [k, v] of Object.entries(c.resources?.[bucket] ?? {})) {
      const q = qty(v);
      if (!q) continue;
      const had = sum.get(k);
      if (!had || q.nanos > had.nanos) sum.set(k, q);
    }
  }
  return sum;
}

/** Whether a pod still counts toward compute quota: not Succeeded or Failed (QuotaV1Pod). */
export function podCountsForCompute(pod: KObject): boolean {
  const phase = pod.status?.phase as string | undefined;
  return phase !== "Succeeded" && phase !== "Failed";
}

/** PodUsageFunc: count/pods always; pods, cpu, memory requests and limits while the pod is not finished. */
export function podUsage(pod: KObject): Usage {
  const u: Usage = new Map([["count/pods", countOf(1)]]);
  if (!podCountsForCompute(pod)) return u;
  u.set("pods", countOf(1));
  const req = aggregate(pod, "requests");
  const lim = aggregate(pod, "limits");
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    const q = req.get(r);
    if (q) {
      u.set(r, q);
      u.set(`requests.${r}`, q);
    }
    const l = lim.get(r);
    if (l) u.set(`limits.${r}`, l);
  }
  return u;
}

/** The per-container compute names a quota on cpu or memory insists on (enforcePodContainerConstraints). */
export function containerComputeNames(c: ContainerLike): Set<string> {
  const out = new Set<string>();
  for (const r of ["cpu", "memory"]) {
    if (c.resources?.requests?.[r] !== undefined) {
      out.add(r);
      out.add(`requests.${r}`);
    }
    if (c.resources?.limits?.[r] !== undefined) out.add(`limits.${r}`);
  }
  return out;
}

/** Legacy quota names that count objects without the `count/` prefix. */
const LEGACY_COUNTS: Record<string, string> = {
  pods: "pods",
  services: "services",
  replicationcontrollers: "replicationcontrollers",
  resourcequotas: "resourcequotas",
  secrets: "secrets",
  configmaps: "configmaps",
  persistentvolumeclaims: "persistentvolumeclaims",
};

/** What one object of any kind costs: its object count, plus the kind's own resources. */
export function objectUsage(obj: KObject): Usage {
  const info = resourceForKind(obj.kind);
  if (!info) return new Map();
  if (info.resource === "pods") return podUsage(obj);
  const u: Usage = new Map([[`count/${qualifiedName(info)}`, countOf(1)]]);
  const legacy = LEGACY_COUNTS[info.resource];
  if (legacy) u.set(legacy, countOf(1));
  if (info.resource === "services") {
    const ports = (obj.spec?.ports ?? []) as { nodePort?: number }[];
    if (obj.spec?.type === "NodePort") u.set("services.nodeports", countOf(ports.length));
    if (obj.spec?.type === "LoadBalancer") {
      const n =
        obj.spec?.allocateLoadBalancerNodePorts === false
          ? ports.filter((p) => p.nodePort).length
          : ports.length;
      u.set("services.nodeports", countOf(n));
      u.set("services.loadbalancers", countOf(1));
    }
  }
  if (info.resource === "persistentvolumeclaims") {
    const storage = qty(obj.spec?.resources?.requests?.storage);
    const cls = obj.spec?.storageClassName as string | undefined;
    if (storage) u.set("requests.storage", storage);
    if (cls) {
      u.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, countOf(1));
      if (storage) u.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  return u;
}

/** Which stored resources a quota resource name is counted from. */
export function resourceOfQuotaName(name: string): string | undefined {
  if (name.startsWith("count/")) {
    const rest = name.slice(6);
    return rest.split(".")[0];
  }
  if (LEGACY_COUNTS[name]) return LEGACY_COUNTS[name];
  if (name.startsWith("services.")) return "services";
  if (name === "requests.storage" || name.includes(".storageclass.storage.k8s.io/"))
    return "persistentvolumeclaims";
  if (/^(requests\.|limits\.)?(cpu|memory|ephemeral-storage)$/.test(name)) return "pods";
  return undefined;
}

/** Usage of the named quota resources in a namespace, counted from the stored objects; zero when none. */
export function namespaceUsage(store: Store, ns: string, names: readonly string[], except?: KObject): Usage {
  const resources = new Set<string>();
  for (const n of names) {
    const r = resourceOfQuotaName(n);
    if (r) resources.add(r);
  }
  const total: Usage = new Map();
  for (const r of [...resources].sort()) {
    for (const o of store.list(r, ns)) if (o !== except) addUsage(total, objectUsage(o));
  }
  const out: Usage = new Map();
  for (const n of names) out.set(n, total.get(n) ?? countOf(0));
  return out;
}
