// The API server's write operations: create, update and delete with their checks and side effects.

import { deletePod } from "../controllers/pod-deletion.ts";
import { admitPod } from "../controllers/pod-factory.ts";
import { isoSeconds } from "../util/time.ts";
import { afterCreate, allocateService, applyDefaults, toObject, validateManifest } from "./admission.ts";
import { admitCreate } from "./admission-plugins.ts";
import type { Cluster } from "./cluster.ts";
import { ApiError, alreadyExists, notFound } from "./errors.ts";
import { qualifiedName, type ResourceInfo } from "./resources.ts";
import type { KObject, Manifest } from "./types.ts";

/** Limits that keep one sandbox small; exceeding one is a clear error, never a crash. */
export const SANDBOX_LIMITS = {
  objects: 2500,
  replicas: 100,
  podsTotal: 500,
  namespaces: 50,
} as const;

function checkNamespace(cluster: Cluster, info: ResourceInfo, ns: string | undefined, name: string): void {
  if (!info.namespaced || !ns) return;
  const nsObj = cluster.store.get("namespaces", undefined, ns);
  if (!nsObj) throw new ApiError("NotFound", `namespaces "${ns}" not found`);
  if (nsObj.metadata.deletionTimestamp) {
    throw new ApiError(
      "Forbidden",
      `${qualifiedName(info)} "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    );
  }
}

function checkLimits(cluster: Cluster, info: ResourceInfo, obj: KObject): void {
  let total = 0;
  for (const r of Object.values(cluster.state.objects)) total += Object.keys(r).length;
  if (total >= SANDBOX_LIMITS.objects) {
    throw new ApiError(
      "Limit",
      `this sandbox holds ${SANDBOX_LIMITS.objects} objects, its limit; delete something first`,
    );
  }
  const replicas = obj.spec?.replicas;
  if (typeof replicas === "number" && replicas > SANDBOX_LIMITS.replicas) {
    throw new ApiError(
      "Limit",
      `${info.kind} "${obj.metadata.name}" asks for ${replicas} replicas; this sandbox allows at most ${SANDBOX_LIMITS.replicas} per workload`,
    );
  }
  if (info.resource === "namespaces" && cluster.store.count("namespaces") >= SANDBOX_LIMITS.namespaces) {
    throw new ApiError("Limit", `this sandbox allows at most ${SANDBOX_LIMITS.namespaces} namespaces`);
  }
}

/** Validates, defaults and stores a new object from a manifest. */
export function createFromManifest(
  cluster: Cluster,
  info: ResourceInfo,
  m: Manifest,
  namespace: string | undefined,
): KObject {
  validateManifest(info, m);
  const obj = toObject(info, m, info.namespaced ? namespace : undefined);
  return createObject(cluster, info, obj);
}

/** Stores a new, already-validated object. */
export function createObject(cluster: Cluster, info: ResourceInfo, obj: KObject): KObject {
  const name = obj.metadata.name;
  const ns = info.namespaced ? obj.metadata.namespace : undefined;
  checkNamespace(cluster, info, ns, name);
  if (cluster.store.get(info.resource, ns, name)) throw alreadyExists(qualifiedName(info), name);
  checkLimits(cluster, info, obj);
  if (!info.simulated)
    throw new ApiError("Limit", `${qualifiedName(info)} are not supported yet in Bosun's simulated cluster`);
  applyDefaults(obj);
  admitCreate(cluster, info, obj);
  if (info.resource === "pods") return admitPod(cluster.store, obj);
  if (info.resource === "services") allocateService(cluster, obj);
  const created = cluster.store.create(info, obj);
  afterCreate(cluster, created);
  return created;
}

function immutable(kind: string, name: string, field: string, value: string): ApiError {
  return new ApiError(
    "Invalid",
    `${kind} "${name}" is invalid: ${field}: Invalid value: ${value}: field is immutable`,
  );
}

/** Replaces a stored object with `next` (defaulted here), enforcing the API's immutable fields. */
export function updateObject(
  cluster: Cluster,
  info: ResourceInfo,
  next: KObject,
  previous: KObject,
): KObject {
  applyDefaults(next);
  const name = previous.metadata.name;
  if (
    (info.resource === "deployments" || info.resource === "replicasets") &&
    JSON.stringify(next.spec?.selector) !== JSON.stringify(previous.spec?.selector)
  ) {
    throw new ApiError(
      "Invalid",
      `The ${info.kind} "${name}" is invalid: spec.selector: Invalid value: ${goLabelSelector(next.spec?.selector)}: field is immutable`,
    );
  }
  if (info.resource === "services") {
    const was = previous.spec?.clusterIP;
    const now = next.spec?.clusterIP;
    if (now && was && now !== was && next.spec?.type !== "ExternalName")
      throw immutable("Service", name, "spec.clusterIPs[0]", `[]string{"${now}"}`);
    allocateService(cluster, next, previous);
  }
  if (info.resource === "pods") {
    // Only images (and a few scheduling fields) may change on a running pod.
    const strip = (o: KObject) =>
      JSON.stringify({
        ...o.spec,
        containers: (o.spec?.containers ?? []).map((c: { image?: string }) => ({ ...c, image: "" })),
      });
    if (strip(next) !== strip(previous)) {
      throw new ApiError(
        "Invalid",
        `Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
      );
    }
    next.status = previous.status;
  } else if (next.status === undefined && previous.status !== undefined) {
    next.status = previous.status;
  }
  if (info.resource === "deployments" || info.resource === "replicasets") {
    const replicas = next.spec?.replicas;
    if (typeof replicas === "number" && replicas > SANDBOX_LIMITS.replicas) {
      throw new ApiError(
        "Limit",
        `${info.kind} "${name}" asks for ${replicas} replicas; this sandbox allows at most ${SANDBOX_LIMITS.replicas} per workload`,
      );
    }
  }
  if (info.namespaced && previous.metadata.namespace) next.metadata.namespace = previous.metadata.namespace;
  else delete next.metadata.namespace;
  if (previous.metadata.ownerReferences && !next.metadata.ownerReferences)
    next.metadata.ownerReferences = previous.metadata.ownerReferences;
  return cluster.store.update(info, next, previous);
}

/** Go's %#v rendering of a LabelSelector, as immutability errors print it. */
function goLabelSelector(sel: { matchLabels?: Record<string, string> } | undefined): string {
  const ml = sel?.matchLabels ?? {};
  const entries = Object.keys(ml)
    .sort()
    .map((k) => `"${k}":"${ml[k]}"`)
    .join(", ");
  return `v1.LabelSelector{MatchLabels:map[string]string{${entries}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}

export interface DeleteOptions {
  /** --grace-period (seconds); 0 with --force removes at once. */
  grace?: number;
  /** --cascade=orphan keeps dependents. */
  orphan?: boolean;
}

/** Deletes an object; dependents go through the garbage collector, pods through graceful termination. */
export function deleteObject(
  cluster: Cluster,
  info: ResourceInfo,
  obj: KObject,
  opts: DeleteOptions = {},
): void {
  const { store } = cluster;
  if (info.resource === "pods") {
    deletePod(cluster.ctx, obj, opts.grace);
    return;
  }
  if (info.resource === "namespaces") {
    if (!obj.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = isoSeconds(store.now);
      obj.status = { ...(obj.status ?? {}), phase: "Terminating" };
      store.touch(obj);
    }
    return;
  }
  if (opts.orphan) {
    for (const r of ["replicasets", "pods"]) {
      for (const dep of store.each(r)) {
        const refs = dep.metadata.ownerReferences;
        if (refs?.some((ref) => ref.uid === obj.metadata.uid)) {
          const rest = refs.filter((ref) => ref.uid !== obj.metadata.uid);
          if (rest.length) dep.metadata.ownerReferences = rest;
          else delete dep.metadata.ownerReferences;
          store.touch(dep);
        }
      }
    }
  }
  store.remove(info.resource, obj);
}

export function getOrThrow(
  cluster: Cluster,
  info: ResourceInfo,
  ns: string | undefined,
  name: string,
): KObject {
  const obj = cluster.store.get(info.resource, info.namespaced ? ns : undefined, name);
  if (!obj) throw notFound(qualifiedName(info), name);
  return obj;
}
