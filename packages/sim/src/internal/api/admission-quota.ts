// The ResourceQuota admission plugin: container constraints, then usage against every quota's hard limits.

import {
  addQty,
  containerComputeNames,
  countOf,
  namespaceUsage,
  objectUsage,
  qty,
  type Usage,
} from "../controllers/quota-usage.ts";
import { quantityString } from "./schema/quantity.ts";
import type { Store } from "./store.ts";
import type { KObject } from "./types.ts";

const COMPUTE = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

/** The quota resource names this object's evaluator tracks, among `hard`. */
function matching(usageKeys: Set<string>, hard: string[], isPod: boolean): string[] {
  return hard.filter(
    (h) => usageKeys.has(h) || (isPod && (COMPUTE.includes(h) || h === "pods" || h === "count/pods")),
  );
}

/**
 * podEvaluator.Constraints: with cpu or memory under quota, every container must state them.
 * Example: `must specify limits.cpu for: app; requests.cpu for: app,sidecar`.
 */
function podConstraints(pod: KObject, required: string[]): string | undefined {
  const need = required.filter((r) => COMPUTE.includes(r));
  if (need.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as { name: string }[];
  for (const c of all) {
    const have = containerComputeNames(c);
    for (const r of need) {
      if (have.has(r)) continue;
      const set = missing.get(r) ?? new Set<string>();
      set.add(c.name);
      missing.set(r, set);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

const pretty = (u: Usage, keys: string[]): string =>
  [...keys]
    .sort()
    .map((k) => `${k}=${quantityString(u.get(k) ?? countOf(0))}`)
    .join(",");

/**
 * Checks a new object against the namespace's quotas; returns the reason it is forbidden. Example:
 * used requests.memory 600Mi + requested 700Mi = 1300Mi > hard 1Gi →
 * `exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi`.
 */
export function checkQuota(store: Store, obj: KObject): string | undefined {
  const ns = obj.metadata.namespace;
  if (!ns) return undefined;
  const quotas = store.list("resourcequotas", ns);
  if (quotas.length === 0) return undefined;
  const delta = objectUsage(obj);
  const isPod = obj.kind === "Pod";
  for (const q of quotas) {
    const hardMap = (q.spec?.hard ?? {}) as Record<string, unknown>;
    const hard = Object.keys(hardMap);
    const tracked = matching(new Set(delta.keys()), hard, isPod);
    if (tracked.length === 0) continue;
    if (isPod) {
      const why = podConstraints(obj, tracked);
      if (why) return `failed quota: ${q.metadata.name}: ${why}`;
    }
    const requested = tracked.filter((k) => delta.has(k));
    if (requested.length === 0) continue;
    const used = namespaceUsage(store, ns, requested, obj);
    const exceeded = requested.filter((k) => {
      const limit = qty(hardMap[k]);
      const want = addQty(used.get(k) ?? countOf(0), delta.get(k) ?? countOf(0));
      return limit !== undefined && want.nanos > limit.nanos;
    });
    if (exceeded.length) {
      const hardUsage: Usage = new Map(exceeded.map((k) => [k, qty(hardMap[k]) ?? countOf(0)]));
      return `exceeded quota: ${q.metadata.name}, requested: ${pretty(delta, exceeded)}, used: ${pretty(used, exceeded)}, limited: ${pretty(hardUsage, exceeded)}`;
    }
  }
  return undefined;
}
