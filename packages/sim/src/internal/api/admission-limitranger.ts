// The LimitRanger admission plugin: container defaults from LimitRanges, then their min, max and ratio checks.

import { canonicalQty, qty } from "../controllers/quota-usage.ts";
import type { Quantity } from "./schema/quantity.ts";
import { quantityString } from "./schema/quantity.ts";
import type { Store } from "./store.ts";
import type { KObject } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: admission walks free-form JSON
type Any = any;
type List = Record<string, unknown>;
type Item = {
  type?: string;
  min?: List;
  max?: List;
  default?: List;
  defaultRequest?: List;
  maxLimitRequestRatio?: List;
};

const ANNOTATION = "kubernetes.io/limit-ranger";

function itemsOf(lr: KObject): Item[] {
  return Array.isArray(lr.spec?.limits) ? (lr.spec.limits as Item[]) : [];
}

const sorted = (l: List | undefined): [string, unknown][] =>
  Object.entries(l ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * requestLimitEnforcedValues: compared in milli-units (exact here, since quantities are held in
 * nano-units). Example: 1536Mi against 1Gi → 1,610,612,736,000 m > 1,073,741,824,000 m.
 */
const milli = (q: Quantity | undefined): bigint =>
  q ? q.nanos / 1_000_000n + (q.nanos % 1_000_000n > 0n ? 1n : 0n) : 0n;
const str = (v: unknown): string => canonicalQty(v);

function minConstraint(type: string, r: string, enforced: unknown, req: List, lim: List): string | undefined {
  const e = str(enforced);
  if (req[r] === undefined) return `minimum ${r} usage per ${type} is ${e}.  No request is specified`;
  if (milli(qty(req[r])) < milli(qty(enforced)))
    return `minimum ${r} usage per ${type} is ${e}, but request is ${str(req[r])}`;
  if (lim[r] !== undefined && milli(qty(lim[r])) < milli(qty(enforced)))
    return `minimum ${r} usage per ${type} is ${e}, but limit is ${str(lim[r])}`;
  return undefined;
}

function maxConstraint(type: string, r: string, enforced: unknown, req: List, lim: List): string | undefined {
  const e = str(enforced);
  if (lim[r] === undefined) return `maximum ${r} usage per ${type} is ${e}.  No limit is specified`;
  if (milli(qty(lim[r])) > milli(qty(enforced)))
    return `maximum ${r} usage per ${type} is ${e}, but limit is ${str(lim[r])}`;
  if (req[r] !== undefined && milli(qty(req[r])) > milli(qty(enforced)))
    return `maximum ${r} usage per ${type} is ${e}, but request is ${str(req[r])}`;
  return undefined;
}

function maxRequestConstraint(type: string, r: string, enforced: unknown, req: List): string | undefined {
  const e = str(enforced);
  if (req[r] === undefined) return `maximum ${r} usage per ${type} is ${e}.  No request is specified`;
  if (milli(qty(req[r])) > milli(qty(enforced)))
    return `maximum ${r} usage per ${type} is ${e}, but request is ${str(req[r])}`;
  return undefined;
}

/**
 * limitRequestRatioConstraint, with Go's %f for the ratio. Example: limit 1Gi over request 256Mi
 * is 4.000000, over a maxLimitRequestRatio of 2.
 */
function ratioConstraint(
  type: string,
  r: string,
  enforced: unknown,
  req: List,
  lim: List,
): string | undefined {
  const e = str(enforced);
  const rq = milli(qty(req[r]));
  const lm = milli(qty(lim[r]));
  if (req[r] === undefined || rq === 0n)
    return `${r} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (lim[r] === undefined || lm === 0n)
    return `${r} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const observed = Number(lm) / Number(rq);
  if (observed * 1000 > Number(milli(qty(enforced))))
    return `${r} max limit to request ratio per ${type} is ${e}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

function checkItem(type: string, item: Item, req: List, lim: List, out: string[]): void {
  for (const [r, v] of sorted(item.min)) {
    const e = minConstraint(type, r, v, req, lim);
    if (e) out.push(e);
  }
  for (const [r, v] of sorted(item.max)) {
    const e = maxConstraint(type, r, v, req, lim);
    if (e) out.push(e);
  }
  for (const [r, v] of sorted(item.maxLimitRequestRatio)) {
    const e = ratioConstraint(type, r, v, req, lim);
    if (e) out.push(e);
  }
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, duplicates once. */
export function aggregate(errors: string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}

function containersOf(pod: KObject): { c: Any; init: boolean }[] {
  return [
    ...((pod.spec?.containers ?? []) as Any[]).map((c) => ({ c, init: false })),
    ...((pod.spec?.initContainers ?? []) as Any[]).map((c) => ({ c, init: true })),
  ];
}

/**
 * PodMutateLimitFunc for each LimitRange: fills missing limits from `default` and missing requests
 * from `defaultRequest`, and records what it set in the kubernetes.io/limit-ranger annotation.
 */
export function mutatePodLimits(store: Store, pod: KObject): void {
  const ns = pod.metadata.namespace ?? "default";
  for (const lr of store.list("limitranges", ns)) {
    const defLimits: List = {};
    const defRequests: List = {};
    for (const item of itemsOf(lr)) {
      if (item.type !== "Container") continue;
      Object.assign(defRequests, item.defaultRequest ?? {});
      Object.assign(defLimits, item.default ?? {});
    }
    const notes: string[] = [];
    for (const { c, init } of containersOf(pod)) {
      if (!c || typeof c !== "object") continue;
      c.resources = c.resources ?? {};
      const setLimits: string[] = [];
      const setRequests: string[] = [];
      for (const [k, v] of sorted(defLimits)) {
        c.resources.limits = c.resources.limits ?? {};
        if (c.resources.limits[k] === undefined) {
          c.resources.limits[k] = str(v);
          setLimits.push(k);
        }
      }
      for (const [k, v] of sorted(defRequests)) {
        c.resources.requests = c.resources.requests ?? {};
        if (c.resources.requests[k] === undefined) {
          c.resources.requests[k] = str(v);
          setRequests.push(k);
        }
      }
      for (const b of ["limits", "requests"])
        if (c.resources[b] && Object.keys(c.resources[b]).length === 0) delete c.resources[b];
      const who = `${init ? "init container" : "container"} ${c.name}`;
      if (setRequests.length) notes.push(`${setRequests.join(", ")} request for ${who}`);
      if (setLimits.length) notes.push(`${setLimits.join(", ")} limit for ${who}`);
    }
    if (notes.length) {
      pod.metadata.annotations = {
        ...(pod.metadata.annotations ?? {}),
        [ANNOTATION]: `LimitRanger plugin set: ${notes.join("; ")}`,
      };
    }
  }
}

/** Sum of container values per resource for a Pod-type item, as podRequests/podLimits aggregate them. */
function podTotals(pod: KObject, bucket: "requests" | "limits"): List {
  const out: List = {};
  const sums = new Map<string, Quantity>();
  for (const c of (pod.spec?.containers ?? []) as Any[]) {
    for (const [k, v] of Object.entries((c?.resources?.[bucket] ?? {}) as List)) {
      const q = qty(v);
      if (!q) continue;
      const had = sums.get(k);
      sums.set(k, had ? { nanos: had.nanos + q.nanos, format: had.format, cached: undefined } : q);
    }
  }
  for (const c of (pod.spec?.initContainers ?? []) as Any[]) {
    for (const [k, v] of Object.entries((c?.resources?.[bucket] ?? {}) as List)) {
      const q = qty(v);
      const had = sums.get(k);
      if (q && (!had || q.nanos > had.nanos)) sums.set(k, q);
    }
  }
  for (const [k, q] of sums) out[k] = quantityString(q);
  return out;
}

/** PodValidateLimitFunc over every LimitRange: the first range with violations rejects the pod. */
export function validatePodLimits(store: Store, pod: KObject): string | undefined {
  const ns = pod.metadata.namespace ?? "default";
  for (const lr of store.list("limitranges", ns)) {
    const errors: string[] = [];
    for (const item of itemsOf(lr)) {
      if (item.type === "Container") {
        for (const { c } of containersOf(pod)) {
          checkItem(
            "Container",
            item,
            (c?.resources?.requests ?? {}) as List,
            (c?.resources?.limits ?? {}) as List,
            errors,
          );
        }
      } else if (item.type === "Pod") {
        checkItem("Pod", item, podTotals(pod, "requests"), podTotals(pod, "limits"), errors);
      }
    }
    const msg = aggregate(errors);
    if (msg) return msg;
  }
  return undefined;
}

/** PersistentVolumeClaimValidateLimitFunc: min and max on the claim's storage request. */
export function validateClaimLimits(store: Store, pvc: KObject): string | undefined {
  const ns = pvc.metadata.namespace ?? "default";
  const req = (pvc.spec?.resources?.requests ?? {}) as List;
  for (const lr of store.list("limitranges", ns)) {
    const errors: string[] = [];
    for (const item of itemsOf(lr)) {
      if (item.type !== "PersistentVolumeClaim") continue;
      for (const [r, v] of sorted(item.min)) {
        const e = minConstraint("PersistentVolumeClaim", r, v, req, {});
        if (e) errors.push(e);
      }
      for (const [r, v] of sorted(item.max)) {
        const e = maxRequestConstraint("PersistentVolumeClaim", r, v, req);
        if (e) errors.push(e);
      }
    }
    const msg = aggregate(errors);
    if (msg) return msg;
  }
  return undefined;
}
