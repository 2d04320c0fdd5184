// Admission plugins that run on create after defaulting: DefaultStorageClass, LimitRanger, ResourceQuota.

import { canonicalQty, qty } from "../controllers/quota-usage.ts";
import { mutatePodLimits, validateClaimLimits, validatePodLimits } from "./admission-limitranger.ts";
import { checkQuota } from "./admission-quota.ts";
import type { Cluster } from "./cluster.ts";
import { ApiError } from "./errors.ts";
import { qualifiedName, type ResourceInfo, resourceForKind } from "./resources.ts";
import type { Store } from "./store.ts";
import type { KObject } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: admission walks free-form JSON
type Any = any;

function forbidden(info: ResourceInfo, name: string, why: string): ApiError {
  return new ApiError("Forbidden", `${qualifiedName(info)} "${name}" is forbidden: ${why}`);
}

/** The storage class marked default (the newest one when several are, as the plugin picks). */
export function defaultStorageClass(store: Store): KObject | undefined {
  const defaults = store
    .list("storageclasses")
    .filter((c) => c.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true");
  defaults.sort(
    (a, b) => Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp),
  );
  return defaults[0];
}

/**
 * Mutates or rejects (by throwing ApiError) an object about to be created, as the DefaultStorageClass,
 * LimitRanger and ResourceQuota admission plugins do. Pods go through `admitPodPlugins` instead,
 * from wherever they are created (users and controllers alike).
 */
export function admitCreate(cluster: Cluster, info: ResourceInfo, obj: KObject): void {
  admitObject(cluster.store, info, obj);
}

/** `admitCreate` for objects a controller creates (a StatefulSet's claims, a CronJob's jobs). */
export function admitObject(store: Store, info: ResourceInfo, obj: KObject): void {
  if (info.resource === "pods") return;
  if (info.resource === "persistentvolumeclaims") {
    const spec = obj.spec as Any;
    const beta = obj.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"];
    if (spec && spec.storageClassName === undefined && beta === undefined) {
      const cls = defaultStorageClass(store);
      if (cls) spec.storageClassName = cls.metadata.name;
    }
    const storage = spec?.resources?.requests?.storage;
    if (storage !== undefined) spec.resources.requests.storage = canonicalQty(storage);
    const why = validateClaimLimits(store, obj);
    if (why) throw forbidden(info, obj.metadata.name, why);
    obj.status = { phase: "Pending" };
  }
  if (info.resource === "persistentvolumes") obj.status = { phase: "Pending" };
  // StorageObjectInUseProtection: claims and volumes in use are not removed under a pod.
  const protection =
    info.resource === "persistentvolumeclaims"
      ? "kubernetes.io/pvc-protection"
      : info.resource === "persistentvolumes"
        ? "kubernetes.io/pv-protection"
        : undefined;
  if (protection && !obj.metadata.finalizers?.includes(protection))
    obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), protection];
  if (info.resource === "ingresses") obj.status = { loadBalancer: {} };
  if (info.resource === "resourcequotas" || info.resource === "limitranges") canonicalLists(obj);
  const why = checkQuota(store, obj);
  if (why) throw forbidden(info, obj.metadata.name, why);
}

/** Quantities in a quota's hard list or a LimitRange's items, as the API server stores them ("0.5" → "500m"). */
function canonicalLists(obj: KObject): void {
  const fix = (m: Any) => {
    if (!m || typeof m !== "object") return;
    for (const k of Object.keys(m)) m[k] = canonicalQty(m[k]);
  };
  fix(obj.spec?.hard);
  for (const item of Array.isArray(obj.spec?.limits) ? (obj.spec.limits as Any[]) : []) {
    for (const b of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) fix(item?.[b]);
  }
}

function canonicalResources(pod: KObject): void {
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])] as Any[]) {
    const res = c?.resources;
    if (!res || typeof res !== "object") continue;
    // Limits without requests: requests default to the limits (before admission, as decoding does).
    if (res.limits && typeof res.limits === "object")
      res.requests = { ...res.limits, ...(res.requests ?? {}) };
    for (const b of ["requests", "limits"]) {
      if (!res[b] || typeof res[b] !== "object") continue;
      for (const k of Object.keys(res[b])) res[b][k] = canonicalQty(res[b][k]);
    }
  }
}

/**
 * Pod admission, for pods from users and from controllers: LimitRanger defaults and checks, the
 * request ≤ limit validation those defaults can break, then ResourceQuota. Throws ApiError.
 */
export function admitPodPlugins(store: Store, pod: KObject): void {
  const info = resourceForKind("Pod");
  if (!info) return;
  canonicalResources(pod);
  mutatePodLimits(store, pod);
  const invalid = requestsOverLimits(pod);
  if (invalid) throw new ApiError("Invalid", `Pod "${pod.metadata.name}" is invalid: ${invalid}`);
  const why = validatePodLimits(store, pod) ?? checkQuota(store, pod);
  if (why) throw forbidden(info, pod.metadata.name, why);
}

/** ValidateResourceRequirements after defaulting: `…requests: Invalid value: "1": must be less than or equal to cpu limit of 500m`. */
function requestsOverLimits(pod: KObject): string | undefined {
  const groups: [string, Any[]][] = [
    ["initContainers", (pod.spec?.initContainers ?? []) as Any[]],
    ["containers", (pod.spec?.containers ?? []) as Any[]],
  ];
  for (const [field, list] of groups) {
    for (const [i, c] of list.entries()) {
      const req = c?.resources?.requests ?? {};
      const lim = c?.resources?.limits ?? {};
      for (const r of Object.keys(req).sort()) {
        if (lim[r] === undefined) continue;
        const a = qty(req[r])?.nanos;
        const b = qty(lim[r])?.nanos;
        if (a !== undefined && b !== undefined && a > b)
          return `spec.${field}[${i}].resources.requests: Invalid value: "${req[r]}": must be less than or equal to ${r} limit of ${lim[r]}`;
      }
    }
  }
  return undefined;
}
