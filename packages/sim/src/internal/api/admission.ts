// Turning a user's manifest into a stored object: decoding, validation, defaulting, allocation.

import { rootCaConfigMap } from "./bootstrap.ts";
import type { Cluster } from "./cluster.ts";
import {
  defaultDeployment,
  defaultHorizontalPodAutoscaler,
  defaultNamespace,
  defaultReplicaSet,
  defaultSecret,
  defaultService,
} from "./defaults.ts";
import {
  defaultCronJob,
  defaultDaemonSet,
  defaultJob,
  defaultLimitRange,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultStatefulSet,
  defaultStorageClass,
} from "./defaults-workloads.ts";
import { ApiError } from "./errors.ts";
import { apiVersionOf, type ResourceInfo, resourceForKind } from "./resources.ts";
import { formatInvalid, isServedApiVersion, strictDecode, validateObject } from "./schema/index.ts";
import type { KObject, Manifest } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: admission walks free-form JSON
type Any = any;

const DEFAULTERS: Record<string, (o: KObject) => void> = {
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  Service: defaultService,
  Secret: defaultSecret,
  Namespace: defaultNamespace,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  Job: defaultJob,
  CronJob: defaultCronJob,
  DaemonSet: defaultDaemonSet,
  StatefulSet: defaultStatefulSet,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  StorageClass: defaultStorageClass,
  LimitRange: defaultLimitRange,
};

/**
 * Maps a manifest's apiVersion and kind to a served resource, failing as kubectl does when the
 * kind is unknown in that version (`no matches for kind "Deployment" in version "apps/v1beta1"`).
 */
export function resolveKind(m: Manifest): ResourceInfo {
  const kind = typeof m.kind === "string" ? m.kind : "";
  const apiVersion = typeof m.apiVersion === "string" ? m.apiVersion : "";
  const info = kind ? resourceForKind(kind) : undefined;
  if (!info || !isServedApiVersion(apiVersion, kind)) {
    throw new ApiError("NoKind", `no matches for kind "${kind}" in version "${apiVersion}"`);
  }
  return info;
}

/** Strict decoding then validation, as the API server does before anything is stored. */
export function validateManifest(info: ResourceInfo, m: Manifest): void {
  const decoded = strictDecode(m as Record<string, unknown>);
  if (!decoded.ok) throw new ApiError("BadRequest", decoded.message);
  const errors = validateObject(m as Record<string, unknown>);
  if (errors.length)
    throw new ApiError("Invalid", formatInvalid(info.kind, String(m.metadata?.name ?? ""), errors));
}

/** A fresh object from a manifest: only what the user sent, plus the namespace. */
export function toObject(info: ResourceInfo, m: Manifest, namespace: string | undefined): KObject {
  const copy = structuredClone(m) as Any;
  const meta = copy.metadata ?? {};
  delete meta.uid;
  delete meta.resourceVersion;
  delete meta.creationTimestamp;
  delete meta.generation;
  delete meta.deletionTimestamp;
  delete meta.managedFields;
  if (info.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  copy.metadata = meta;
  copy.apiVersion = apiVersionOf(info) === copy.apiVersion ? copy.apiVersion : copy.apiVersion;
  // Status is owned by controllers: whatever the manifest says is ignored on create.
  delete copy.status;
  return copy as KObject;
}

/** Applies the kind's defaults in place. */
export function applyDefaults(obj: KObject): void {
  DEFAULTERS[obj.kind]?.(obj);
}

function randomClusterIp(cluster: Cluster): string {
  const used = new Set<string>();
  for (const s of cluster.store.each("services")) if (s.spec?.clusterIP) used.add(s.spec.clusterIP);
  for (;;) {
    const ip = `10.0.${cluster.store.rng.int(256)}.${1 + cluster.store.rng.int(254)}`;
    if (ip !== "10.0.0.1" && ip !== "10.0.0.10" && !used.has(ip)) return ip;
  }
}

function usedNodePorts(cluster: Cluster, except?: KObject): Set<number> {
  const used = new Set<number>();
  for (const s of cluster.store.each("services")) {
    if (s === except) continue;
    for (const p of (s.spec?.ports ?? []) as { nodePort?: number }[]) if (p.nodePort) used.add(p.nodePort);
  }
  return used;
}

/**
 * Allocates a Service's cluster IP and node ports, keeping what `previous` already had.
 * Node ports come from 30000–32767, as the default service-node-port-range.
 */
export function allocateService(cluster: Cluster, svc: KObject, previous?: KObject): void {
  const spec = svc.spec as Any;
  if (spec.type === "ExternalName") {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    return;
  }
  if (!spec.clusterIP)
    spec.clusterIP =
      previous?.spec?.clusterIP && previous.spec.clusterIP !== "None"
        ? previous.spec.clusterIP
        : randomClusterIp(cluster);
  spec.clusterIPs = [spec.clusterIP];
  const needsNodePort =
    spec.type === "NodePort" ||
    (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false);
  const used = usedNodePorts(cluster, previous);
  const oldPorts =
    ((previous?.spec?.ports ?? []) as { port: number; protocol?: string; nodePort?: number }[]) ?? [];
  for (const p of (spec.ports ?? []) as Any[]) {
    if (!needsNodePort) {
      delete p.nodePort;
      continue;
    }
    if (p.nodePort) {
      if (used.has(p.nodePort))
        throw new ApiError(
          "Invalid",
          `Service "${svc.metadata.name}" is invalid: spec.ports[0].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`,
        );
      used.add(p.nodePort);
      continue;
    }
    const old = oldPorts.find(
      (o) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"),
    )?.nodePort;
    if (old) {
      p.nodePort = old;
      used.add(old);
      continue;
    }
    let port = 30000 + cluster.store.rng.int(2768);
    while (used.has(port)) port = 30000 + cluster.store.rng.int(2768);
    p.nodePort = port;
    used.add(port);
  }
  if (spec.type === "LoadBalancer" || spec.type === "NodePort") spec.externalTrafficPolicy ??= "Cluster";
  svc.status = svc.status ?? { loadBalancer: {} };
  if (!svc.status.loadBalancer) svc.status.loadBalancer = {};
  if (previous?.status && spec.type === "LoadBalancer") svc.status = previous.status;
}

/** Side effects of creating an object that the API server performs itself. */
export function afterCreate(cluster: Cluster, obj: KObject): void {
  if (obj.kind === "Namespace") {
    const cm = rootCaConfigMap(obj.metadata.name, cluster.now, 0, cluster.store.rng);
    const info = resourceForKind("ConfigMap");
    if (info) cluster.store.create(info, cm);
  }
}
